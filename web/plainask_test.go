package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestPlainBallotAsksInTheLanguage: the confirmation of a plain ballot
// asks its question as the language does (web.d.enc_cast_q, as the
// encrypted ballot's): "¿…?" in Spanish, a space before "?" in French —
// it hardcoded "?" after the choice — for the delegate's own ballot and
// for the mandate they carry.
func TestPlainBallotAsksInTheLanguage(t *testing.T) {
	h := newProxyHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the accounts?", "method": "roll_call"})
	u, _ := url.Parse(h.srv.URL)
	for _, c := range []struct{ lang, own, carried string }{
		{"en", "Cast your ballot: <strong>FOR</strong>?</p>", "Cast the ballot of Clara Zetkin’s mandate: <strong>AGAINST</strong>?</p>"},
		{"fr", "Voter : <strong>POUR</strong>\u00a0?</p>", "Voter pour le mandat de Clara Zetkin : <strong>CONTRE</strong>\u00a0?</p>"},
		{"es", "¿Emitir su voto: <strong>A FAVOR</strong>?</p>", "¿Emitir el voto de la credencial de Clara Zetkin: <strong>EN CONTRA</strong>?</p>"},
	} {
		anna.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: c.lang}})
		body := anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}})
		if !strings.Contains(body, c.own) {
			t.Errorf("%s: the confirmation of Anna's own ballot does not ask %q:\n%s", c.lang, c.own, confirmQ(body))
		}
		body = anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "for": {"m-clara"}, "choice": {"against"}})
		if !strings.Contains(body, c.carried) {
			t.Errorf("%s: the confirmation of Clara's ballot does not ask %q:\n%s", c.lang, c.carried, confirmQ(body))
		}
	}
}

// confirmQ is the question of the confirmation on a page.
func confirmQ(body string) string {
	i := strings.Index(body, `class="confirm-q"`)
	if i < 0 {
		return "(no confirmation)"
	}
	j := strings.Index(body[i:], "</p>")
	return body[i : i+j+4]
}
