package web_test

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"
)

// TestNotEntitledSaysWhy: a delegate not entitled to vote is told why,
// as the rules give it: a consultative mandate (in every language), a
// mandate not yet verified; a delegate entitled is told nothing of it.
func TestNotEntitledSaysWhy(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_person", obj{"id": "egor", "name": "Egor Consultative"})
	h.must("admin", "submit_mandate", obj{"id": "m-egor", "person": "egor", "organization": "members", "kind": "consultative"})
	h.must("mc", "verify_mandate", obj{"mandate": "m-egor"})
	h.must("egor", "check_in", obj{"person": "egor"})
	codes, err := h.auth.IssueCodes(context.Background(), asm, []string{"egor"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes["egor"] = codes[0].Code
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})

	page := func(who, lang string) string {
		resp, body := h.browser(who).getWith("/a/"+asm+"/delegate", http.Header{"Cookie": {"plenum_lang=" + lang}})
		if resp.StatusCode != 200 {
			t.Fatalf("%s's page in %s: %s", who, lang, resp.Status)
		}
		return html.UnescapeString(body)
	}
	consultative := map[string]string{
		"en": "Your mandate is consultative: it gives a voice but no vote, under the rules of procedure.",
		"de": "Ihr Mandat ist beratend: Es gibt nach der Geschäftsordnung Rederecht, aber kein Stimmrecht.",
		"ru": "Ваш мандат совещательный: по регламенту он даёт право голоса в прениях, но не в голосовании.",
		"fr": "Votre mandat est consultatif : selon le règlement, il donne la parole mais pas le vote.",
		"es": "Su mandato es consultivo: según el reglamento, da voz pero no voto.",
	}
	for lang, why := range consultative {
		if body := page("egor", lang); !strings.Contains(body, why) {
			t.Errorf("a consultative delegate's page in %s does not say %q:\n%s", lang, why, body)
		}
	}
	if body := page("dmitri", "en"); !strings.Contains(body, "You are not entitled to vote in this vote. Your mandate is not verified yet: the mandate commission must verify it before you vote.") {
		t.Errorf("the page of a delegate whose mandate is not verified does not say so:\n%s", body)
	}
	if body := page("anna", "en"); strings.Contains(body, "not entitled") || strings.Contains(body, "Your mandate is") {
		t.Errorf("an entitled delegate's page says she is not:\n%s", body)
	}
}
