package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestSetupLinksByTheRules: the navigation links the set-up pages to the
// server administrator and to those the rules let give one of the
// commands the pages offer (the secretary, the mandate commission, the
// chair), on the assembly as it stands: not to a plain delegate, and to
// the same delegate once an office is granted, not once it is revoked.
// The set-up pages link the import page only to those the import lets
// act (an administrator, a secretary, the mandate commission), and the
// import page offers others no upload form.
func TestSetupLinksByTheRules(t *testing.T) {
	h := newHall(t)
	nav := `<a href="/a/` + asm + `/setup"`
	imp := `href="/a/` + asm + `/import"`
	type sees struct{ nav, imp bool }
	// header is the page's header, with the navigation (a set-up page
	// links its own pages below it).
	header := func(body string) string {
		_, head, _ := strings.Cut(body, `<header class="top">`)
		head, _, _ = strings.Cut(head, "</header>")
		return head
	}
	check := func(who string, b *browser, want sees) {
		t.Helper()
		if _, body, _ := b.get("/a/" + asm + "/motions"); strings.Contains(header(body), nav) != want.nav {
			t.Errorf("the navigation of %s links the set-up pages: %v, want %v", who, !want.nav, want.nav)
		}
		for _, page := range []string{"setup", "setup-people", "setup-organizations", "setup-offices", "import"} {
			code, body, _ := b.get("/a/" + asm + "/" + page)
			if code != http.StatusOK {
				t.Fatalf("%s as %s: %d", page, who, code)
			}
			if strings.Contains(body, imp) != want.imp {
				t.Errorf("%s as %s links the import page: %v, want %v", page, who, !want.imp, want.imp)
			}
			if strings.Contains(header(body), nav) != want.nav {
				t.Errorf("the navigation of %s on %s links the set-up pages: %v, want %v", who, page, !want.nav, want.nav)
			}
			if page != "import" {
				continue
			}
			if form := strings.Contains(body, `action="/a/`+asm+`/import" enctype="multipart/form-data"`); form != want.imp {
				t.Errorf("the import page offers %s the upload form: %v, want %v", who, form, want.imp)
			}
			if said := strings.Contains(body, "Only an administrator, a secretary or the mandate commission may import delegates."); said == want.imp {
				t.Errorf("the import page tells %s who may import: %v, want %v", who, said, !want.imp)
			}
		}
	}
	check("the administrator", h.adminBrowser(), sees{nav: true, imp: true})
	check("the secretary", h.browser("sec"), sees{nav: true, imp: true})
	check("the mandate commission", h.browser("mc"), sees{nav: true, imp: true})
	check("the chair", h.browser("chair"), sees{nav: true, imp: false})
	anna := h.browser("anna")
	check("a delegate", anna, sees{nav: false, imp: false})
	// The state changes, the links with it: the same session, the pages
	// rendered again.
	h.must("admin", "grant_role", obj{"person": "anna", "role": "secretary"})
	check("a delegate made secretary", anna, sees{nav: true, imp: true})
	h.must("admin", "revoke_role", obj{"person": "anna", "role": "secretary"})
	check("a delegate no longer secretary", anna, sees{nav: false, imp: false})
	boris := h.browser("boris")
	h.must("admin", "grant_role", obj{"person": "boris", "role": "chair"})
	check("a delegate made chair", boris, sees{nav: true, imp: false})
	h.must("admin", "revoke_role", obj{"person": "boris", "role": "chair"})
	check("a delegate no longer chair", boris, sees{nav: false, imp: false})
}

// TestImportRefusesThoseItDoesNotLink: the chair, whom the set-up pages
// do not link the import page, and a delegate are refused an upload sent
// to it anyway, before it is read, and nothing is recorded.
func TestImportRefusesThoseItDoesNotLink(t *testing.T) {
	h := newHall(t)
	file := []byte("Name,Delegation,Kind\nEgor Egorov,The members,decisive\n")
	for _, who := range []string{"chair", "anna"} {
		before := h.logSize(asm)
		b := h.browser(who)
		code, _ := b.upload(asm, "roster.csv", file, nil)
		if code != http.StatusSeeOther {
			t.Errorf("%s's upload: %d, want a refusal", who, code)
		}
		if n := h.logSize(asm); n != before {
			t.Errorf("%s's upload: the log grew from %d to %d", who, before, n)
		}
		if _, page, _ := b.get("/a/" + asm + "/import"); flashText(page) != "Only an administrator, a secretary or the mandate commission may import delegates." {
			t.Errorf("%s's upload is answered %q", who, flashText(page))
		}
	}
	// The secretary's is read and shown.
	if code, preview := h.browser("sec").upload(asm, "roster.csv", file, nil); code != http.StatusOK || !strings.Contains(preview, "Egor Egorov") {
		t.Errorf("the secretary's upload: %d", code)
	}
}
