package web_test

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/enctest"
)

// TestEncryptedScriptMessages: the page of an encrypted ballot gives its
// script (encrypted.js) what it says in the page's language: the messages
// by key (data-messages), with what the ballot module's error codes mean
// in another language than English, and how many options the ballot
// marks with the question's numbers (data-t-count); in the pseudo-locale
// every one of them is the catalog's.
func TestEncryptedScriptMessages(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "approval", "candidates": []string{"anna", "boris", "clara"},
		"approvals": 2, "encrypted": true, "trustees": []string{"sec", "mc"}, "trustee_quorum": 2})
	serverCeremony(t, h, "e1")
	anna := h.browser("anna")
	u, _ := url.Parse(h.srv.URL)
	messagesRE := regexp.MustCompile(`data-messages="([^"]*)"`)
	countRE := regexp.MustCompile(`data-t-count="([^"]*)"`)
	for _, c := range []struct {
		lang, count, encrypting, invalidChoice string
	}{
		{"en", "Mark up to 2 options", "Encrypting your ballot…", ""},
		{"de", "Kreuzen Sie höchstens 2 Optionen an", "Ihr Stimmzettel wird verschlüsselt …", "die Wahl verstößt gegen die Regeln der Frage"},
		{"ru", "Отметьте не более 2 вариантов", "Бюллетень шифруется…", "выбор нарушает правила вопроса"},
		{i18n.Pseudo, "⟦Mark up to 2 options⟧", "⟦Encrypting your ballot…⟧", "⟦the choice breaks the question's rules⟧"},
	} {
		anna.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: c.lang}})
		_, body, _ := anna.get("/a/" + asm + "/delegate")
		m, n := messagesRE.FindStringSubmatch(body), countRE.FindStringSubmatch(body)
		if m == nil || n == nil {
			t.Fatalf("%s: the page gives its script no messages or no count:\n%s", c.lang, body)
		}
		var msgs map[string]string
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &msgs); err != nil {
			t.Fatalf("%s: data-messages: %v", c.lang, err)
		}
		if got := html.UnescapeString(n[1]); got != c.count {
			t.Errorf("%s: the count %q, want %q", c.lang, got, c.count)
		}
		if msgs["web.enc.encrypting"] != c.encrypting || msgs["ballot.error.invalid-choice"] != c.invalidChoice {
			t.Errorf("%s: the messages %v", c.lang, msgs)
		}
		if c.lang == i18n.Pseudo {
			for k, v := range msgs {
				if !strings.HasPrefix(v, "⟦") || !strings.HasSuffix(v, "⟧") {
					t.Errorf("%s: %q is not the catalog's", k, v)
				}
			}
		}
	}
	// Every message the script asks for is one the page gives it, and
	// the script holds no sentence of its own.
	b, err := os.ReadFile("static/encrypted.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for _, k := range regexp.MustCompile(`\bt\("([a-z_.]+)"`).FindAllStringSubmatch(js, -1) {
		if _, ok := i18nKeys()[k[1]]; !ok {
			t.Errorf("encrypted.js asks for %s, which the catalog lacks", k[1])
		}
	}
	anna.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en"}})
	_, body, _ := anna.get("/a/" + asm + "/delegate")
	var msgs map[string]string
	json.Unmarshal([]byte(html.UnescapeString(messagesRE.FindStringSubmatch(body)[1])), &msgs)
	for _, k := range regexp.MustCompile(`\bt\("([a-z_.]+)"`).FindAllStringSubmatch(js, -1) {
		if msgs[k[1]] == "" {
			t.Errorf("encrypted.js asks for %s, which the page does not give it", k[1])
		}
	}
	// A literal of two words or more is a sentence, but for class names.
	for _, loc := range regexp.MustCompile(`"[A-Za-z]+ [^"\n]*"`).FindAllStringIndex(js, -1) {
		if lit := js[loc[0]:loc[1]]; !strings.HasSuffix(js[:loc[0]], "className = ") && lit != `"use strict"` {
			t.Errorf("encrypted.js holds the sentence %s of its own", lit)
		}
	}
}

// i18nKeys are the keys of the catalog.
func i18nKeys() map[string]bool {
	keys := map[string]bool{}
	for _, m := range i18n.Messages() {
		keys[m.Key] = true
	}
	return keys
}

// serverCeremony runs the key ceremony of the encrypted election id, whose
// trustees are sec and mc, by commands, without their pages.
func serverCeremony(t *testing.T, h *hall, id string) {
	t.Helper()
	c := enctest.Run(t, read(h, func(s *assembly.State) assembly.EncryptedVote { return *s.Elections[id].Encrypted }).Params())
	for _, step := range []struct{ cmd, field string }{{"post_trustee_key", "key"}, {"post_dealing", "dealing"}, {"post_confirmation", "confirmation"}} {
		for i, p := range []string{"sec", "mc"} {
			msg := map[string]any{"post_trustee_key": c.Keys[i], "post_dealing": c.Dealings[i], "post_confirmation": c.Confirmations[i]}[step.cmd]
			h.must(p, step.cmd, obj{"election": id, step.field: json.RawMessage(enctest.Encode(t, msg))})
		}
	}
}

// TestEncryptedBallotInGermanInTheBrowser: on the German delegate's page
// the script says in German how many candidates the ballot may tick when
// it ticks too many, and what it does as it encrypts and casts the
// ballot; no English sentence of the script shows.
func TestEncryptedBallotInGermanInTheBrowser(t *testing.T) {
	h := encryptedElectionHall(t, nil)
	serverCeremony(t, h, "e1")
	s := newSession(t, h)
	p := s.open("anna", 800, 900, "/a/coop/delegate")
	s.click(p, `.lang-switch button[value="de"]`)
	s.until(p, "the page in German", `document.documentElement.lang === "de" && !!document.querySelector("form.encrypted-ballot")`)
	for i := range 3 {
		s.click(p, fmt.Sprintf(`form.encrypted-ballot input[value="%d"]`, i))
	}
	s.click(p, `form.encrypted-ballot button[type=submit]`)
	s.until(p, "three ticks refused in German", `document.querySelector(".encrypt-status").innerText === "Kreuzen Sie höchstens 2 Optionen an; Sie haben 3 angekreuzt."`)
	s.click(p, `form.encrypted-ballot input[value="0"]`)
	s.click(p, `form.encrypted-ballot button[type=submit]`)
	s.until(p, "the confirmation in German", contains("#ballot .confirm", "Stimme abgeben bei „Auditor“:")+` && `+contains("#ballot .confirm", "Stimmzettel bestätigen"))
	s.confirmEncrypted(p, `form.encrypted-ballot`)
	s.until(p, "the tracker", `!!document.querySelector("#receipt-slot #ballot-tracker")`)
	if n := read(h, func(st *assembly.State) int { return st.Elections["e1"].BallotsCast() }); n != 1 {
		t.Fatalf("%d ballots recorded", n)
	}
}

// TestEncryptedScriptIsolatesRefusals: a refusal the script sets into
// its own sentence ("Your ballot was not cast: …") — the API's detail,
// which may quote a name typed right to left, or carry an override left
// open — is set between U+2068 and U+2069, as picker.js sets a choice
// (web/bidi.go), with a stray U+2069 in it dropped, so that it cannot
// end the isolate early, and an isolate it leaves open closed; a refusal without such letters is set as it is.
// The API's answer to the cast is played in the page (its fetch), as the
// server would give it.
func TestEncryptedScriptIsolatesRefusals(t *testing.T) {
	h := encryptedElectionHall(t, nil)
	serverCeremony(t, h, "e1")
	s := newSession(t, h)
	p := s.open("anna", 800, 900, "/a/coop/delegate")
	s.until(p, "the ballot", `!!document.querySelector("form.encrypted-ballot")`)
	for _, c := range []struct{ detail, shown string }{
		{"the mandate of " + rtlArabic + " is not entitled", "\u2068the mandate of " + rtlArabic + " is not entitled\u2069"},
		{"a title \u202eleft open\u2069 here", "\u2068a title \u202eleft open here\u2069"},
		{"an isolate \u2067left open", "\u2068an isolate \u2067left open\u2069\u2069"},
		{"the election e1 is closed", "the election e1 is closed"},
	} {
		detail, _ := json.Marshal(c.detail)
		eval[bool](s, p, `(function () {
  var real = window.realFetch = window.realFetch || window.fetch;
  window.fetch = function (url, init) {
    if (String(url).indexOf("/commands") < 0) return real.apply(this, arguments);
    return Promise.resolve(new Response(JSON.stringify({type: "about:blank", title: "Conflict", status: 409, code: "conflict", detail: `+string(detail)+`}), {status: 409, headers: {"Content-Type": "application/problem+json"}}));
  };
  document.querySelector(".encrypt-status").textContent = "";
  return true;
})()`)
		s.click(p, `form.encrypted-ballot input[value="0"]`)
		s.click(p, `form.encrypted-ballot button[type=submit]`)
		s.confirmEncrypted(p, `form.encrypted-ballot`)
		s.until(p, "the refusal", `document.querySelector(".encrypt-status").textContent.indexOf("not cast") >= 0`)
		want := "Your ballot was not cast: " + c.shown
		if got := eval[string](s, p, `document.querySelector(".encrypt-status").textContent`); got != want {
			t.Errorf("the refusal %q shown as %q, want %q", c.detail, got, want)
		}
		s.click(p, `form.encrypted-ballot .confirm .change`) // back to the ballot
		s.click(p, `form.encrypted-ballot input[value="0"]`) // unticked again
	}
}
