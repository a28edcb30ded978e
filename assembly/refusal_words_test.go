package assembly

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestRefusalsNameRulesInWords fails on a refusal that names a setting of
// the rules of procedure by its field (weighted_votes, "(online: none)")
// instead of in the words the rules page uses for it: a delegate or an
// organiser reads the refusal, and the JSON names are for the API, which
// finds the argument at fault in the problem's field. The one refusal
// left names the keys of overrides.thresholds, which only the caller who
// typed them into set_rules's JSON meets.
func TestRefusalsNameRulesInWords(t *testing.T) {
	allowed := map[string]bool{
		"%q is not a procedure whose majority the rules set; give close_list, discuss_or_not, suspend_rules, table, elect_committee, instruct_committee, order_of_voting, invite_back, reconsider or other (close_discussion is close_debate_threshold)": true,
	}
	var fields []string
	for _, typ := range []reflect.Type{reflect.TypeOf(Rules{}), reflect.TypeOf(MotionRules{})} {
		for i := 0; i < typ.NumField(); i++ {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if strings.Contains(name, "_") {
				fields = append(fields, `\b`+regexp.QuoteMeta(name)+`\b`)
			} else {
				fields = append(fields, `\(`+regexp.QuoteMeta(name)+`\b`) // "(online: none)"
			}
		}
	}
	if len(fields) < 20 {
		t.Fatalf("found %d fields of the rules; the search no longer finds them", len(fields))
	}
	field := regexp.MustCompile(strings.Join(fields, "|"))
	makers := map[string]int{"invalid": 0, "notFound": 0, "forbidden": 0, "conflict": 0, "closed": 0, "errf": 1, "fieldErr": 1, "reason": 0}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	found := 0
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := call.Fun.(*ast.Ident)
			if !ok {
				return true
			}
			at, maker := makers[fn.Name]
			if !maker || len(call.Args) <= at {
				return true
			}
			lit, ok := call.Args[at].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			format, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			found++
			if m := field.FindString(format); m != "" && !allowed[format] {
				t.Errorf("%s: the refusal %q names the rules' field %s; say the rule as the rules page does", fset.Position(lit.Pos()), format, m)
			}
			return true
		})
	}
	if found < 500 {
		t.Fatalf("found %d refusals; the search no longer finds them", found)
	}
}
