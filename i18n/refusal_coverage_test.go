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
	"errf": 1, "fieldErr": 1, "reason": 0,
}

// TestEveryRefusalTranslated fails on a refusal of the rules that the
// catalog does not translate: every template package assembly makes a
// refusal or a reason from must be a key of the catalog, so that a new
// rule cannot bring an English sentence into a German page.
func TestEveryRefusalTranslated(t *testing.T) {
	files, err := filepath.Glob("../assembly/*.go")
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, m := range i18n.Messages() {
		known[m.Key] = true
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
			fn, ok := call.Fun.(*ast.Ident)
			if !ok {
				return true
			}
			at, ok := refusalMakers[fn.Name]
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
			templates++
			if !known[format] {
				t.Errorf("%s: the refusal %q has no translation in package i18n", fset.Position(lit.Pos()), format)
			}
			return true
		})
	}
	if templates < 500 {
		t.Fatalf("found %d refusal templates in package assembly; the search no longer finds them", templates)
	}
}
