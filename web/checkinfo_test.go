package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/web"
)

// testVerifierKey is the verifier key the pages of newCheckHall state.
const testVerifierKey = "plenum.example+1a2b3c4d+AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefgh"

// newCheckHall is newHall whose server states testVerifierKey.
func newCheckHall(t *testing.T) *hall {
	h := newEmptyHallWith(t, web.Options{VerifierKey: testVerifierKey}, nil)
	h.setup()
	return h
}

// TestReceiptGivesWhatToCheckItWith: the receipt page shows the verifier
// key, the log's address as the browser reaches the server, and the whole
// command with --url, saying what the check offline and the check against
// the log as it is now prove, in every language.
func TestReceiptGivesWhatToCheckItWith(t *testing.T) {
	h := newCheckHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the minutes?", "method": "roll_call"})
	loc := anna.confirm(anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}})).Header.Get("Location")
	logURL := h.srv.URL + "/log/" + asm + "/"
	proves := map[string][2]string{
		"en": {"proves your ballot was in the log at the receipt's checkpoint", "proves your ballot is still there, unaltered"},
		"de": {"beweist, dass Ihre Stimme beim Prüfpunkt der Quittung im Log stand", "beweist, dass Ihre Stimme noch darin steht, unverändert"},
		"ru": {"доказывает, что ваш бюллетень был в журнале на контрольной точке квитанции", "доказывает, что ваш бюллетень всё ещё там и не изменён"},
		"fr": {"prouve que votre bulletin était dans le journal au point de contrôle du reçu", "prouve que votre bulletin y est toujours, inchangé"},
		"es": {"demuestra que su voto estaba en el registro en el punto de control del recibo", "demuestra que su voto sigue ahí, sin alterar"},
	}
	for lang, p := range proves {
		resp, body := anna.getWith(loc, http.Header{"Cookie": {"plenum_lang=" + lang}})
		if resp.StatusCode != 200 {
			t.Fatalf("the receipt in %s: %s", lang, resp.Status)
		}
		body = html.UnescapeString(body)
		for _, w := range []string{
			`<code class="hash">` + testVerifierKey + `</code>`,
			`<code class="hash">` + logURL + `</code>`,
			" --key " + testVerifierKey + "</code>",
			" --key " + testVerifierKey + " --url " + logURL + "</code>",
			p[0], p[1],
		} {
			if !strings.Contains(body, w) {
				t.Errorf("the receipt in %s does not show %q:\n%s", lang, w, body)
			}
		}
	}
}

// TestRecordLeadsWithTheCheckAReaderCanDo: the record page's "How to
// check this record" leads with the command a reader runs, plenum verify
// with the log's address as the browser reaches it and the verifier key,
// before the part for developers, in every language.
func TestRecordLeadsWithTheCheckAReaderCanDo(t *testing.T) {
	h := newCheckHall(t)
	reader := h.browser("anna")
	command := "plenum verify --url " + h.srv.URL + "/log/" + asm + "/ --key " + testVerifierKey
	developers := map[string]string{"en": "For developers", "de": "Für Entwickler", "ru": "Для разработчиков", "fr": "Pour les développeurs", "es": "Para desarrolladores"}
	for lang, dev := range developers {
		resp, body := reader.getWith("/a/"+asm+"/record", http.Header{"Cookie": {"plenum_lang=" + lang}})
		if resp.StatusCode != 200 {
			t.Fatalf("the record in %s: %s", lang, resp.Status)
		}
		body = html.UnescapeString(body)
		i, j, k := strings.Index(body, `id="h-verify"`), strings.Index(body, "<code>"+command+"</code>"), strings.Index(body, "<h3>"+dev+"</h3>")
		if i < 0 || j < i || k < j || strings.Index(body, "tlog.CheckRecord") < k {
			t.Errorf("the record in %s does not lead its check with %q before %q (%d %d %d):\n%s", lang, command, dev, i, j, k, body)
		}
	}
}
