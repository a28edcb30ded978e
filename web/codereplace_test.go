package web_test

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/internal/pdftext"
)

// TestOneOfficerCannotReplaceACodeFromThePage: a member of the mandate
// commission who prints a new card for a delegate who holds a valid code
// (to log in with it and vote as the delegate) is refused on the page,
// naming the delegate and who issued their code; the record does not grow
// and the delegate stays logged in. The page offers such a person no card
// but "Revoke to replace"; after mc revoked, mc's page says another
// officer issues the new code and mc is refused, and a second member's
// page offers the card, whose code logs in. A bulk print with such a
// person is refused as a whole and makes no code. The refusals name the
// page's action that revokes a code, not the API's command.
func TestOneOfficerCannotReplaceACodeFromThePage(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_person", obj{"id": "mc2", "name": "Masha Commission"})
	h.must("admin", "grant_role", obj{"person": "mc2", "role": "mandate_commission"})
	made, err := h.auth.IssueCodes(context.Background(), asm, []string{"mc2"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes["mc2"] = made[0].Code
	mc, mc2 := h.browser("mc"), h.browser("mc2")
	printCard := func(b *browser, person string) string {
		t.Helper()
		resp, pdf := b.postPage("mandates", "/a/coop/mandate-cards.pdf", url.Values{"persons": {person}})
		if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("%s's card: %s", person, resp.Status)
		}
		codes := cardCode.FindAllStringSubmatch(pdftext.Text(t, pdf), -1)
		if len(codes) != 1 {
			t.Fatalf("%d codes on %s's card", len(codes), person)
		}
		return codes[0][1]
	}
	loginWith := func(code string) (*browser, int) {
		b := h.browser("")
		resp := b.post("/login", url.Values{"code": {code}, "next": {"/a/coop/"}}, nil)
		return b, resp.StatusCode
	}
	refused := func(b *browser, form url.Values, want string) {
		t.Helper()
		before := h.logSize(asm)
		resp, data := b.postPage("mandates", "/a/coop/mandate-cards.pdf", form)
		if resp.StatusCode != http.StatusSeeOther || bytes.HasPrefix(data, []byte("%PDF")) {
			t.Fatalf("cards for %v: %s, want refused", form["persons"], resp.Status)
		}
		_, body, _ := b.get("/a/coop/mandates")
		if msg := html.UnescapeString(flashText(body)); !strings.Contains(msg, want) || strings.Contains(msg, "revoke_access_codes") {
			t.Fatalf("cards for %v: the page says %q, want %q and the action's words, not the command's name", form["persons"], msg, want)
		}
		if h.logSize(asm) != before {
			t.Fatalf("a refused card: the log grew from %d to %d", before, h.logSize(asm))
		}
	}

	// A first code: one officer, as before; anna logs in with it.
	anna, status := loginWith(printCard(mc, "anna"))
	if status != http.StatusSeeOther {
		t.Fatalf("anna's first card: %d", status)
	}
	// mc's page offers no card for anna but "Revoke to replace", which
	// chooses her in the form that revokes.
	_, body, _ := mc.get("/a/coop/mandates")
	if strings.Contains(body, `name="persons" value="anna"`) || !strings.Contains(body, `data-no-issue="anna"`) ||
		!strings.Contains(body, `href="/a/coop/mandates?revoke=anna#revoke-codes">Revoke to replace</a>`) || !strings.Contains(body, `name="persons" value="boris"`) {
		t.Fatalf("mc's page for anna, who holds a code:\n%s", body)
	}
	if _, body, _ := mc.get("/a/coop/mandates?revoke=anna"); !strings.Contains(body, `<option value="anna" selected>`) {
		t.Errorf("Revoke to replace does not choose anna in the form that revokes")
	}
	// mc prints a new card for anna anyway (a form edited, or a page out
	// of date): refused, and anna is still logged in.
	refused(mc, url.Values{"persons": {"anna"}}, "Anna Arkadyevna holds a valid access code, issued by Misha Commission at ")
	refused(mc2, url.Values{"persons": {"anna"}}, "and one officer alone may not replace it: one officer revokes the code (“Revoke the code”, with the reason, e.g. “card lost”)")
	if _, body, _ := anna.get("/a/coop/delegate"); !strings.Contains(body, "Anna Arkadyevna") {
		t.Fatal("anna was logged out by a refused replacement")
	}
	// With boris: refused as a whole; boris's code (from before the
	// record knew of codes) still works, so none was made for him.
	refused(mc, url.Values{"persons": {"boris", "anna"}}, "Nothing is issued: one officer alone may not replace a delegate's code, and this issue would for Anna Arkadyevna (a valid code, issued by Misha Commission at ")
	refused(mc, url.Values{"persons": {"boris", "anna"}}, "One officer revokes such a code (“Revoke the code”, with the reason) and another officer issues the new one")
	if _, status := loginWith(h.codes["boris"]); status != http.StatusSeeOther {
		t.Fatalf("boris's code after the refused bulk issue: %d", status)
	}

	// mc revokes anna's code: her session ends; mc's page says another
	// officer issues the new one, and mc may not.
	if resp, _ := mc.postPage("mandates", "/a/coop/revoke-codes", url.Values{"persons": {"anna"}, "reason": {"card lost"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %s", resp.Status)
	}
	if _, body, _ := anna.get("/a/coop/delegate"); strings.Contains(body, "Anna Arkadyevna") {
		t.Fatal("anna's session outlived the revocation")
	}
	_, body, _ = mc.get("/a/coop/mandates")
	if strings.Contains(body, `name="persons" value="anna"`) || !strings.Contains(html.UnescapeString(body), "you revoked this code ") {
		t.Fatalf("mc's page after mc revoked anna's code:\n%s", body)
	}
	refused(mc, url.Values{"persons": {"anna"}}, "You revoked Anna Arkadyevna's access code at ")
	// Another member's page offers the card; its code logs anna in.
	if _, body, _ := mc2.get("/a/coop/mandates"); !strings.Contains(body, `name="persons" value="anna"`) {
		t.Fatal("mc2's page does not offer anna's card after mc revoked her code")
	}
	again, status := loginWith(printCard(mc2, "anna"))
	if _, body, _ := again.get("/a/coop/delegate"); status != http.StatusSeeOther || !strings.Contains(body, "Anna Arkadyevna") {
		t.Fatalf("the code of the two-person replacement: %d", status)
	}
	// The server administrator's page offers every card, and replaces
	// alone.
	admin := h.adminBrowser()
	if _, body, _ := admin.get("/a/coop/mandates"); !strings.Contains(body, `name="persons" value="anna"`) || strings.Contains(body, "Revoke to replace") {
		t.Fatal("the server administrator's page does not offer anna's card")
	}
	printCard(admin, "anna")
	if _, body, _ := again.get("/a/coop/delegate"); strings.Contains(body, "Anna Arkadyevna") {
		t.Fatal("anna's session outlived the server administrator's replacement")
	}
}
