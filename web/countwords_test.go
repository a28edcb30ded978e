package web_test

import (
	"html"
	"net/http"
	"strings"
	"testing"
)

// TestCountEnteredReadsAsASentence: a count of hands entered reads as a
// sentence after "Count entered:" on the console, in each language, and
// on the projector — "the majority against", as the 1917 secretaries
// wrote it — with no capitalised label mid-sentence ("Against the
// majority") and no side the count does not state ("For not stated").
func TestCountEnteredReadsAsASentence(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "enter_count", obj{"vote": "v1", "against": "majority"})
	chair := h.browser("chair")
	for lang, want := range map[string]string{
		"en": "Count entered: the majority against",
		"de": "Zählung eingetragen: die Mehrheit dagegen",
		"ru": "Подсчёт внесён: против – большинство",
		"fr": "Décompte saisi : la majorité contre",
		"es": "Recuento anotado: la mayoría en contra",
	} {
		_, body := chair.getWith("/a/coop/chair", http.Header{"Cookie": {"plenum_lang=" + lang}})
		line := html.UnescapeString(part(body, `<p class="meta count-line">`, "</p>"))
		if !strings.Contains(line, want+" ·") {
			t.Errorf("%s: the console's count line says %q, want %q", lang, line, want)
		}
	}
	_, proj, _ := h.browser("").get("/a/coop/projector?fragment=live")
	if !strings.Contains(proj, "Count entered: the majority against</p>") {
		t.Errorf("the projector does not read the count entered as a sentence:\n%s", part(proj, `class="proj-count"`, "</p>"))
	}
}
