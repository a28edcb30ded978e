package i18n_test

import (
	"go/token"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestRefusalsNameRulesInWords fails on a refusal of package assembly that
// names a setting of the rules of procedure by its field (weighted_votes,
// "(online: none)") instead of in the words the rules page uses for it: a
// delegate or an organiser reads the refusal, while the API finds the
// argument at fault in the problem's field. The one refusal left names
// the keys of overrides.thresholds, which only the caller who typed them
// into set_rules's JSON meets.
func TestRefusalsNameRulesInWords(t *testing.T) {
	allowed := map[string]bool{
		"%q is not a procedure whose majority the rules set; give close_list, discuss_or_not, suspend_rules, table, elect_committee, instruct_committee, order_of_voting, invite_back, reconsider or other (close_discussion is close_debate_threshold)": true,
	}
	var fields []string
	for _, typ := range []reflect.Type{reflect.TypeOf(assembly.Rules{}), reflect.TypeOf(assembly.MotionRules{})} {
		for i := 0; i < typ.NumField(); i++ {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			switch {
			case name == "" || name == "-":
			case strings.Contains(name, "_"):
				fields = append(fields, `\b`+regexp.QuoteMeta(name)+`\b`)
			default:
				fields = append(fields, `\(`+regexp.QuoteMeta(name)+`\b`) // "(online: none)"
			}
		}
	}
	if len(fields) < 20 {
		t.Fatalf("found %d fields of the rules; the search no longer finds them", len(fields))
	}
	field := regexp.MustCompile(strings.Join(fields, "|"))
	n := eachTemplate(t, "../assembly/*.go", refusalMakers, func(at token.Position, format string) {
		if m := field.FindString(format); m != "" && !allowed[format] {
			t.Errorf("%s: the refusal %q names the rules' field %s; say the rule as the rules page does", at, format, m)
		}
	})
	if n < 500 {
		t.Fatalf("found %d refusals in package assembly; the search no longer finds them", n)
	}
}
