package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestBallotSaysByNameBeforeTheChoice: the ballot of a roll call, and of
// an election whose ballots are filled in on the page (published by
// name), says before the choice that the delegate's name and choice go
// into the minutes, in every language; a secret ballot does not.
func TestBallotSaysByNameBeforeTheChoice(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	note := map[string]string{
		"en": "By name: your name and your choice go into the minutes.",
		"de": "Namentlich: Ihr Name und Ihre Wahl kommen ins Protokoll.",
		"ru": "Поимённо: ваше имя и ваш выбор попадут в протокол.",
		"fr": "Vote nominatif : votre nom et votre choix figurent au procès-verbal.",
		"es": "Voto nominal: su nombre y su elección constan en el acta.",
	}
	page := func(lang string) string {
		resp, body := anna.getWith("/a/"+asm+"/delegate", http.Header{"Cookie": {"plenum_lang=" + lang}})
		if resp.StatusCode != 200 {
			t.Fatalf("the delegate's page in %s: %s", lang, resp.Status)
		}
		return body
	}
	before := func(what, body, lang, choice string) {
		t.Helper()
		i, j := strings.Index(body, note[lang]), strings.Index(body, choice)
		if i < 0 || j < 0 || i > j {
			t.Errorf("%s in %s: the ballot does not say %q before the choice (%d, %d):\n%s", what, lang, note[lang], i, j, body)
		}
	}

	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the minutes?", "method": "roll_call"})
	for lang := range note {
		before("a roll call", page(lang), lang, `class="big choice choice-for"`)
	}
	h.must("boris", "cast_ballot", obj{"vote": "v1", "voter": "boris", "choice": "for"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})

	h.must("chair", "open_vote", obj{"id": "v2", "question": "Adopt the budget?", "method": "secret"})
	if body := page("en"); !strings.Contains(body, `class="big choice choice-for"`) || strings.Contains(body, note["en"]) {
		t.Errorf("a secret ballot says it is by name, or is not offered:\n%s", body)
	}
	h.must("boris", "cast_ballot", obj{"vote": "v2", "voter": "boris", "choice": "for"})
	h.must("chair", "close_vote", obj{"vote": "v2"})
	h.must("chair", "declare_result", obj{"vote": "v2"})

	h.must("chair", "open_election", obj{"id": "e1", "title": "The treasurer", "seats": 1, "method": "plurality", "candidates": []string{"boris", "clara"}})
	for lang := range note {
		before("an election", page(lang), lang, `name="a:approve:list"`)
	}
}
