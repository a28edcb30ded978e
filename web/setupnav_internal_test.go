package web

import (
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
)

// TestSetupFormsAreThePagesForms: the navigation links the set-up pages
// to whoever may give one of the commands they offer (MaySetUp), so
// setupForms names every command a set-up page shows a form of by the
// rules (May, MayVerify), and no command it does not; the roll's forms
// are shown by MayRegister, which MaySetUp asks too.
func TestSetupFormsAreThePagesForms(t *testing.T) {
	byRoll := []string{"add_organization", "amend_organization", "remove_organization", "add_person"}
	mayCmd := regexp.MustCompile(`\.May "([a-z_]+)"`)
	formCmd := regexp.MustCompile(`name="cmd" value="([a-z_]+)"`)
	asked, formed := map[string]bool{}, map[string]bool{}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		page := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		if !setupTitles[page] && page != "parts-setup" {
			continue
		}
		b, err := fs.ReadFile(templateFS, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range mayCmd.FindAllStringSubmatch(string(b), -1) {
			asked[m[1]] = true
		}
		if strings.Contains(string(b), ".MayVerify") {
			asked["verify_mandate"] = true
		}
		for _, m := range formCmd.FindAllStringSubmatch(string(b), -1) {
			formed[m[1]] = true
		}
	}
	if asked["rules"] {
		delete(asked, "rules")
		asked["set_rules"] = true
	}
	delete(formed, "rules")
	for cmd := range asked {
		if !slices.Contains(setupFormNames, cmd) {
			t.Errorf("a set-up page offers %s to those the rules let, which setupForms does not name: the navigation would not lead them there", cmd)
		}
	}
	for cmd := range formed {
		if !slices.Contains(setupFormNames, cmd) && !slices.Contains(byRoll, cmd) {
			t.Errorf("a set-up page has a form of %s, which neither setupForms nor the roll's forms name", cmd)
		}
	}
	for _, cmd := range setupFormNames {
		if !asked[cmd] {
			t.Errorf("setupForms names %s, which no set-up page offers", cmd)
		}
	}
	if len(setupForms) != len(setupFormNames) {
		t.Errorf("setupForms has %d commands of %d names", len(setupForms), len(setupFormNames))
	}
}

// TestNavigationKeptByMaySetUp: the navigation is a part kept by the
// viewer's offices (staticFor), and whether it links the set-up pages is
// decided by the rules on the state (MaySetUp), outside the part and in
// its key: two viewers of the same offices, one whom the state lets set
// up the roll and one whom it does not, are each shown their own, in
// either order, and the server administrator is led there on any state.
func TestNavigationKeptByMaySetUp(t *testing.T) {
	link := `<a href="/a/coop/setup"`
	for _, order := range [][]bool{{true, false, true}, {false, true, false}} {
		parts := staticParts(parsePages()["motions"])
		staticFor := parts["staticFor"].(func(string, interface{ page() *view }) (template.HTML, error))
		for _, may := range order {
			st := assembly.NewState()
			st.Assembly.ID = "coop"
			if may {
				st.Roles["anna"] = map[assembly.Role]bool{assembly.RoleSecretary: true}
			}
			// The viewer's offices as the navigation names them are
			// the same (none): only the state differs.
			v := &view{Page: "motions", ID: "coop", L: i18n.For("en"), S: st, Me: viewer{Person: "anna", LoggedIn: true}}
			nav, err := staticFor("layout-nav", v)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(nav), link); got != may {
				t.Errorf("order %v: the navigation of one the state lets set up the roll (%v) links the set-up pages: %v", order, may, got)
			}
		}
		admin := &view{Page: "motions", ID: "coop", L: i18n.For("en"), S: assembly.NewState(), Me: viewer{Person: "admin", Admin: true, LoggedIn: true}}
		if nav, err := staticFor("layout-nav", admin); err != nil || !strings.Contains(string(nav), link) {
			t.Errorf("the server administrator's navigation does not link the set-up pages (%v):\n%s", err, nav)
		}
	}
	// A part rendered by static is not told, and fails.
	parts := staticParts(parsePages()["motions"])
	static := parts["static"].(func(string, any) (template.HTML, error))
	if _, err := static("setup-nav", &view{Page: "motions", ID: "coop", L: i18n.For("en")}); err == nil {
		t.Error("static rendered the set-up link, which asks whether the viewer may set up")
	}
}
