package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plenum/i18n"
)

// refusalMakers are the functions of package assembly that make a refusal
// from a template, and the position of the template among their
// arguments (assembly/errors.go), with reason, which makes a part of one.
var refusalMakers = map[string]int{
	"invalid": 0, "notFound": 0, "forbidden": 0, "conflict": 0, "closed": 0, "corrupt": 0,
	"errf": 1, "fieldErr": 1, "reason": 0, "joinList": 0,
}

// TestEveryRefusalTranslated fails on a refusal of the rules that the
// catalog does not translate: every template package assembly makes a
// refusal or a reason from must be a key of the catalog, so that a new
// rule cannot bring an English sentence into a German page.
func TestEveryRefusalTranslated(t *testing.T) {
	templates := templatesTranslated(t, "../assembly/*.go", refusalMakers, "the refusal")
	if templates < 500 {
		t.Fatalf("found %d refusal templates in package assembly; the search no longer finds them", templates)
	}
}

// templatesTranslated fails on a template that the catalog does not have
// among the calls of makers (a function's or a method's name, and the
// position of its template) in the files of glob, and returns how many
// templates it found. A template "%s" passes a message on as it stands.
func templatesTranslated(t *testing.T, glob string, makers map[string]int, what string) int {
	t.Helper()
	known := map[string]bool{}
	for _, m := range i18n.Messages() {
		known[m.Key] = true
	}
	return eachTemplate(t, glob, makers, func(at token.Position, format string) {
		if !known[format] {
			t.Errorf("%s: %s %q has no translation in package i18n", at, what, format)
		}
	})
}

// eachTemplate calls check with each template among the calls of makers
// (as templatesTranslated has them) in the files of glob but "%s", and
// returns how many it found.
func eachTemplate(t *testing.T, glob string, makers map[string]int, check func(at token.Position, format string)) int {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	templates := 0
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
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			at, ok := makers[name]
			if !ok || len(call.Args) <= at {
				return true
			}
			lit, ok := call.Args[at].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true // the makers themselves pass their format on
			}
			format, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			if format == "%s" {
				return true
			}
			templates++
			check(fset.Position(lit.Pos()), format)
			return true
		})
	}
	return templates
}

// TestEveryCountPhraseTranslated fails on words of a count sheet (why a
// stage was made, package tally's phrase) that the catalog does not say.
func TestEveryCountPhraseTranslated(t *testing.T) {
	if n := templatesTranslated(t, "../tally/*.go", map[string]int{"phrase": 0}, "the count sheet's phrase"); n < 30 {
		t.Fatalf("found %d phrases in package tally; the search no longer finds them", n)
	}
}
