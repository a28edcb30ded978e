package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"plenum/assembly"
	"plenum/web"
)

// encryptedVoteHall is a hall serving the ballot module in which the
// chair has opened v1, an encrypted vote on m1 whose trustees sec and mc
// have made its key; rec records the requests the server receives.
func encryptedVoteHall(t *testing.T, rec *bodies) *hall {
	t.Helper()
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, BallotModule: ballotModule(t)}, rec.wrap)
	h.setup()
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "encrypted", "trustees": []string{"sec", "mc"}, "trustee_quorum": 2})
	boxCeremony(t, h, "vote", "v1", []string{"sec", "mc"})
	return h
}

// confirmEncrypted waits for the confirmation of the encrypted ballot
// form (a selector) that the test has chosen, and confirms it.
func (s *session) confirmEncrypted(p *person, form string) {
	s.t.Helper()
	s.until(p, "the confirmation", `!!document.querySelector('`+form+` .confirm:not([hidden]) .confirm-btn')`)
	s.click(p, form+` .confirm-btn`)
}

// TestBrowserEncryptedBallotConfirmation: the encrypted
// ballot has the plain ballot's confirmation step: choosing FOR sends
// nothing and shows, in place of the choices, "Cast your ballot: FOR?"
// with Confirm and Change and the focus on Confirm; Change brings the
// choices back, the focus on the ballot's heading, still sending nothing;
// choosing AGAINST and confirming encrypts and casts that ballot, whose
// receipt shows in place with the focus; the page passes axe at each
// step, on a phone (360 wide) and on desktops (1280, 1920).
func TestBrowserEncryptedBallotConfirmation(t *testing.T) {
	rec := &bodies{}
	h := encryptedVoteHall(t, rec)
	s := newSession(t, h)
	axeSrc := axeSource(t)
	for _, w := range []struct {
		who           string
		width, height int64
	}{{"anna", 360, 740}, {"boris", 1280, 900}, {"clara", 1920, 1080}} {
		p := s.open(w.who, w.width, w.height, "/a/coop/delegate")
		form := `form.encrypted-ballot`
		s.until(p, "the ballot, enabled by the script", `!!document.querySelector('`+form+` button.choice-for:not([disabled])')`)
		s.shot(p, fmt.Sprintf("enc-confirm-%d-choose", w.width))
		s.axe(p, "the encrypted ballot", axeSrc)
		sent := strings.Count(rec.String(), "cast_encrypted_ballot")
		s.click(p, form+` button.choice-for`)
		s.until(p, "the confirmation", contains("#ballot .confirm", "Cast your ballot: FOR?")+` && document.activeElement === document.querySelector("#ballot .confirm-btn")`)
		if got := eval[string](s, p, `document.querySelector("#ballot .confirm-btn").textContent`); got != "Confirm: For" {
			t.Errorf("the confirm button says %q", got)
		}
		if eval[bool](s, p, `!!document.querySelector("#ballot button.choice-for").offsetParent`) {
			t.Error("the choices still show beside the confirmation")
		}
		s.shot(p, fmt.Sprintf("enc-confirm-%d-confirm", w.width))
		s.axe(p, "the encrypted ballot's confirmation", axeSrc)
		if n := strings.Count(rec.String(), "cast_encrypted_ballot"); n != sent {
			t.Fatal("choosing sent the ballot before it was confirmed")
		}
		s.click(p, `#ballot .confirm .change`)
		s.until(p, "the choices again", `!!document.querySelector("#ballot button.choice-for").offsetParent && document.querySelector("#ballot .confirm").hidden && document.activeElement === document.querySelector("#ballot h2")`)
		s.click(p, form+` button.choice-against`)
		s.until(p, "the confirmation of AGAINST", contains("#ballot .confirm", "Cast your ballot: AGAINST?"))
		if n := strings.Count(rec.String(), "cast_encrypted_ballot"); n != sent {
			t.Fatal("Change or choosing again sent the ballot")
		}
		s.confirmEncrypted(p, form)
		s.until(p, "the receipt", `!!document.querySelector("#receipt-slot #ballot-tracker")`)
		s.until(p, "the receipt has the focus", `document.getElementById("receipt-slot").contains(document.activeElement)`)
		s.until(p, "the ballot says it is cast", contains("#ballot", "You have voted in this vote."))
		s.shot(p, fmt.Sprintf("enc-confirm-%d-receipt", w.width))
		s.axe(p, "the encrypted ballot's receipt", axeSrc)
		if n := strings.Count(rec.String(), "cast_encrypted_ballot"); n != sent+1 {
			t.Fatalf("%d ballots sent on Confirm, want 1", n-sent)
		}
	}
	cast := read(h, func(st *assembly.State) []assembly.EncryptedBallot { return st.Votes["v1"].Encrypted.Cast })
	if len(cast) != 3 {
		t.Fatalf("%d ballots recorded, want Anna's, Boris's and Clara's", len(cast))
	}
	// The choice never went to the server, neither on choosing nor on Change.
	for _, leak := range []string{`choice=`, `"choice"`, `[1,0,0]`, `[0,1,0]`} {
		if strings.Contains(rec.String(), leak) {
			t.Errorf("the requests hold %s", leak)
		}
	}
}

// TestBrowserEncryptedBallotWithoutScript: in a browser that runs no
// JavaScript, the encrypted ballot says that it needs JavaScript and
// why, and its buttons are disabled: a click sends nothing (a choice
// could otherwise go to the server in the page's address).
func TestBrowserEncryptedBallotWithoutScript(t *testing.T) {
	rec := &bodies{}
	h := encryptedVoteHall(t, rec)
	s := newSession(t, h)
	p := s.openWith("anna", 360, 740, "/a/coop/delegate", false)
	if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	s.run(p, "reload without the script", chromedp.Navigate(h.srv.URL+"/a/coop/delegate"), chromedp.WaitReady(chromedp.CSS("body")))
	s.until(p, "the page says the ballot needs JavaScript", contains("#ballot", "This ballot is encrypted by your browser, which needs JavaScript"))
	if !eval[bool](s, p, `Array.prototype.every.call(document.querySelectorAll("form.encrypted-ballot button"), function (b) { return b.disabled || !b.offsetParent; }) && document.querySelectorAll("form.encrypted-ballot button:disabled").length === 3`) {
		t.Error("a button of the encrypted ballot is enabled without the script")
	}
	s.shot(p, "enc-confirm-360-noscript")
	before := rec.String()
	s.run(p, "click FOR", chromedp.Click(chromedp.CSS(`form.encrypted-ballot button.choice-for`)))
	if after := rec.String(); strings.Contains(after[len(before):], "choice") {
		t.Errorf("a click without the script sent the choice: %s", after[len(before):])
	}
}

// TestBrowserEncryptedConfirmationLive: the confirmation of an encrypted
// ballot, which only the browser holds, stays on the screen while the
// page takes in live updates (a delegate asks for the floor), as a plain
// ballot's does; when the vote closes meanwhile, the ballot region is
// redrawn all the same and no longer offers the ballot.
func TestBrowserEncryptedConfirmationLive(t *testing.T) {
	rec := &bodies{}
	h := encryptedVoteHall(t, rec)
	s := newSession(t, h)
	p := s.open("anna", 360, 740, "/a/coop/delegate")
	s.click(p, `form.encrypted-ballot button.choice-for:not([disabled])`)
	s.until(p, "the confirmation", contains("#ballot .confirm", "Cast your ballot: FOR?"))
	h.must("boris", "request_floor", obj{"item": "i1", "person": "boris"})
	s.until(p, "the update that Boris waits to speak", `!document.body.innerText.includes("Nobody is waiting to speak.")`)
	s.run(p, "a refresh later", chromedp.Sleep(1500*time.Millisecond))
	if !eval[bool](s, p, contains("#ballot .confirm", "Cast your ballot: FOR?")+` && document.activeElement === document.querySelector("#ballot .confirm-btn")`) {
		t.Fatal("a live update took the confirmation away")
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	s.until(p, "the closed vote's ballot gone", `!document.querySelector("form.encrypted-ballot")`)
	s.notReloaded(p)
}

// TestBrowserEncryptedBallotInSpanish: a delegate on a phone in Spanish
// is asked a Spanish question, opened by "¿" ("¿Emitir su voto: A
// FAVOR?"), and the page names the tracker as its receipt does
// ("rastreador"), not by a second word.
func TestBrowserEncryptedBallotInSpanish(t *testing.T) {
	h := encryptedVoteHall(t, &bodies{})
	s := newSession(t, h)
	p := s.open("anna", 360, 740, "/a/coop/delegate")
	s.click(p, `.lang-switch button[value="es"]`)
	s.until(p, "the page in Spanish", `document.documentElement.lang === "es" && !!document.querySelector("form.encrypted-ballot button.choice-for:not([disabled])")`)
	s.shot(p, "enc-es-360-choose")
	if about := eval[string](s, p, `document.querySelector("#ballot").innerText`); !strings.Contains(about, "Recibe un rastreador") || strings.Contains(about, "localizador") {
		t.Errorf("the ballot names the tracker otherwise than its receipt:\n%s", about)
	}
	s.click(p, `form.encrypted-ballot button.choice-for`)
	s.until(p, "the confirmation in Spanish", contains("#ballot .confirm", "¿Emitir su voto: A FAVOR?")+` && `+contains("#ballot .confirm", "Confirmar: A favor")+` && `+contains("#ballot .confirm", "Cambiar"))
	s.shot(p, "enc-es-360-confirm")
	s.click(p, `#ballot .confirm-btn`)
	s.until(p, "the receipt", contains("#receipt-slot", "El rastreador de su papeleta"))
	s.shot(p, "enc-es-360-receipt")
}

// TestApprovalBallotSaysItsLimit: the delegate's ballot of an approval
// election that approves at most 2 says so where it names the kind of
// election, in each language, rather than "any number of names" above
// a ballot that takes 2 at most.
func TestApprovalBallotSaysItsLimit(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "approval", "candidates": []string{"anna", "boris", "clara"},
		"approvals": 2, "encrypted": true, "trustees": []string{"sec", "mc"}, "trustee_quorum": 2})
	anna := h.browser("anna")
	u, _ := url.Parse(h.srv.URL)
	for lang, want := range map[string]string{"en": "approval (up to 2 names)", "es": "voto aprobatorio (hasta 2 nombres)", "ru": "одобрительное голосование (не более 2 имён)"} {
		anna.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: lang}})
		_, body, _ := anna.get("/a/" + asm + "/delegate")
		if !strings.Contains(body, want) {
			t.Errorf("%s: the ballot does not say %q", lang, want)
		}
		if strings.Contains(body, "any number") || strings.Contains(body, "cualquier número") {
			t.Errorf("%s: the ballot says any number of names may be approved", lang)
		}
	}
}
