package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

var (
	postFormRe  = regexp.MustCompile(`(?s)<form method="post"[^>]*>(.*?)</form>`)
	formCmdRe   = regexp.MustCompile(`name="cmd" value="([a-z_]+)"`)
	typedRe     = regexp.MustCompile(`<textarea\b|<select\b|\{\{template "picker"|<input\b[^>]*>`)
	hiddenRe    = regexp.MustCompile(`<input\b[^>]*\btype="hidden"`)
	fieldNameRe = regexp.MustCompile(`name="([^"]+)"`)
)

// TestEveryMotionsFormIsKept: every form of the motions' pages in which a
// person types or chooses something (a visible field, a list, a picker)
// comes back with it after a refusal (motionKeptForms), on the page it is
// on; the forms of hidden fields and a button alone have nothing to keep.
// Each field kept is one of the form's.
func TestEveryMotionsFormIsKept(t *testing.T) {
	found := 0
	for page, file := range map[string]string{"motions": "templates/motions.html", "motion": "templates/motion.html"} {
		b, err := fs.ReadFile(templateFS, file)
		if err != nil {
			t.Fatal(err)
		}
		fields := map[string]string{} // cmd → the fields of its forms, and whether one has a picker
		for _, f := range postFormRe.FindAllStringSubmatch(string(b), -1) {
			cmds := formCmdRe.FindAllStringSubmatch(f[1], -1)
			if len(cmds) == 0 {
				t.Errorf("%s: a form posts no cmd: %.120s", file, f[1])
				continue
			}
			typed := false
			for _, m := range typedRe.FindAllString(f[1], -1) {
				typed = typed || !hiddenRe.MatchString(m)
			}
			for _, c := range cmds {
				found++
				fields[c[1]] += f[1]
				if _, ok := motionKeptForms[page][c[1]]; typed && !ok {
					t.Errorf("%s: the form %s is not in motionKeptForms[%q]: a refusal would lose what was typed", file, c[1], page)
				}
			}
		}
		for cmd, kept := range motionKeptForms[page] {
			form, ok := fields[cmd]
			if !ok || kept.page != page || len(kept.fields) == 0 {
				t.Errorf("motionKeptForms[%q] keeps %s (on %q, fields %v), which %s has no form of", page, cmd, kept.page, kept.fields, file)
				continue
			}
			names := map[string]bool{}
			for _, m := range fieldNameRe.FindAllStringSubmatch(form, -1) {
				names[m[1]] = true
			}
			for _, f := range kept.fields {
				// A picker's field is named in Go (view.Pick).
				if !names[f] && !strings.Contains(form, `{{template "picker"`) {
					t.Errorf("motionKeptForms[%q]: %s keeps %s, which is none of its fields", page, cmd, f)
				}
			}
		}
	}
	if found < 15 {
		t.Fatalf("only %d forms found on the motions' pages: the test reads the templates wrongly", found)
	}
}
