package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// countedWords are how each language says a ballot was counted.
var countedWords = regexp.MustCompile(`(?i)counted|gezählt|учтён|подсчитан|compté|contado|contó`)

// TestReceiptSaysRecordedNotCounted: the moment a ballot is cast, in a
// secret vote (its ballots wait in the box until the close) as in a roll
// call, the receipt page and the flash say it is recorded, as entry N of
// the record, and counted when voting closes, never that it was counted,
// in every language.
func TestReceiptSaysRecordedNotCounted(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	want := map[string]string{
		"en": "Your ballot is recorded", "de": "Ihre Stimme ist im Protokoll", "ru": "Ваш голос записан",
		"fr": "Votre bulletin est enregistré", "es": "Su voto está registrado",
	}
	for _, method := range []string{"secret", "roll_call"} {
		h.must("chair", "open_vote", obj{"id": "v-" + method, "question": "Adopt the minutes?", "method": method})
		page := anna.draft(url.Values{"step": {"check"}, "vote": {"v-" + method}, "choice": {"for"}})
		loc := anna.confirm(page).Header.Get("Location")
		entry := strings.TrimPrefix(loc, "/a/"+asm+"/receipt?entry=")
		if loc == "" || entry == loc {
			t.Fatalf("%s: after the ballot the page goes to %q, want its receipt", method, loc)
		}
		// The flash, shown once on the receipt after the ballot.
		if _, body, _ := anna.get(loc); !strings.Contains(body, `<p class="msg ok" role="status">Your ballot was recorded; it is counted when the vote closes (entry `+entry+` of the record).</p>`) {
			t.Errorf("%s: the flash after the ballot does not say it is recorded:\n%s", method, body)
		}
		for lang, heading := range want {
			resp, body := anna.getWith(loc, http.Header{"Cookie": {"plenum_lang=" + lang}})
			if resp.StatusCode != 200 {
				t.Fatalf("%s %s: the receipt: %s", method, lang, resp.Status)
			}
			top := body[strings.Index(body, `id="h-receipt-top"`):]
			top = top[:strings.Index(top, "</p>")]
			h1 := top[:strings.Index(top, "</h")]
			if !strings.Contains(h1, heading) || !strings.Contains(top, " "+entry+" ") || countedWords.MatchString(h1) {
				t.Errorf("%s %s: the receipt's heading does not say the ballot is recorded as entry %s:\n%s", method, lang, entry, top)
			}
		}
		h.must("chair", "close_vote", obj{"vote": "v-" + method})
		h.must("chair", "declare_result", obj{"vote": "v-" + method})
	}
}
