package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/web"
)

// TestReceiptWithoutEntryIsAPage: /a/<id>/receipt without an entry is
// the receipt page, styled and in the reader's language, saying where
// receipts are found, not a bare text 404; an entry not the viewer's is
// still refused.
func TestReceiptWithoutEntryIsAPage(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	heads := map[string]string{"en": "Your receipts", "de": "Ihre Quittungen", "ru": "Ваши квитанции", "fr": "Vos reçus", "es": "Sus recibos"}
	for lang, head := range heads {
		resp, body := anna.getWith("/a/"+asm+"/receipt", http.Header{"Cookie": {"plenum_lang=" + lang}})
		body = html.UnescapeString(body)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") ||
			!strings.Contains(body, `<html lang="`+lang+`">`) || !strings.Contains(body, `<h1 id="h-receipt-top">`+head+`</h1>`) ||
			!strings.Contains(body, `href="/a/`+asm+`/delegate"`) {
			t.Errorf("the receipt page without an entry in %s: %s %s\n%s", lang, resp.Status, resp.Header.Get("Content-Type"), body)
		}
	}
	if status, _, _ := anna.get("/a/" + asm + "/receipt?entry=1"); status != http.StatusNotFound {
		t.Errorf("another's entry as a receipt: %d, want 404", status)
	}
}

// myBallotRe finds the links of a receipts page's list of ballots.
var myBallotRe = regexp.MustCompile(`<li><a href="(/a/coop/receipt\?entry=\d+)">`)

// TestMyBallotsLinkTheirReceipts: the receipts page lists the delegate's
// ballots, latest first, each a link to its receipt, found from what the
// server keeps (the key of each command, with its entry): a vote's and an
// election's, not a secret vote's, and none of another delegate's. The
// receipt and the delegate's page link to the list.
func TestMyBallotsLinkTheirReceipts(t *testing.T) {
	h := newHall(t)
	anna, boris := h.browser("anna"), h.browser("boris")
	if _, body, _ := anna.get("/a/coop/receipt"); !strings.Contains(body, "You have not yet cast a ballot here outside secret votes.") || myBallotRe.MatchString(body) {
		t.Errorf("the receipts page before any ballot:\n%s", body)
	}
	// A ballot as the pages send it: with the form's idempotency key.
	n := 0
	cast := func(b *browser, cmd string, args url.Values) string {
		t.Helper()
		n++
		args.Set("key", "web-ballot-"+strconv.Itoa(n))
		loc := b.act("delegate", cmd, args).Header.Get("Location")
		if !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
			t.Fatalf("%s goes to %q", cmd, loc)
		}
		return loc
	}
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the minutes?", "method": "roll_call"})
	v1 := anna.confirm(anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}})).Header.Get("Location")
	cast(boris, "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"boris"}, "a:choice": {"against"}})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	h.must("chair", "open_vote", obj{"id": "v2", "question": "Send greetings?", "method": "secret"})
	secret := cast(anna, "cast_ballot", url.Values{"a:vote": {"v2"}, "a:voter": {"anna"}, "a:choice": {"for"}})
	h.must("chair", "close_vote", obj{"vote": "v2"})
	h.must("chair", "open_election", obj{"id": "e1", "title": "The auditor", "seats": 1, "method": "plurality", "candidates": []string{"boris", "clara"}})
	e1 := cast(anna, "cast_election_ballot", url.Values{"a:election": {"e1"}, "a:voter": {"anna"}, "a:approve:list": {"clara"}})

	_, body, _ := anna.get("/a/coop/receipt")
	var links []string
	for _, m := range myBallotRe.FindAllStringSubmatch(body, -1) {
		links = append(links, m[1])
	}
	if strings.Join(links, " ") != e1+" "+v1 || !strings.Contains(body, ">The auditor</a>") || !strings.Contains(body, ">Adopt the minutes?</a>") {
		t.Errorf("anna's ballots: %v, want the election's %s and the vote's %s (not the secret %s):\n%s", links, e1, v1, secret, body)
	}
	for _, l := range links {
		if status, _, _ := anna.get(l); status != 200 {
			t.Errorf("the receipt %s: %d", l, status)
		}
	}
	if _, body, _ := boris.get("/a/coop/receipt"); len(myBallotRe.FindAllString(body, -1)) != 1 || strings.Contains(body, e1+`"`) || strings.Contains(body, v1+`"`) {
		t.Errorf("boris's ballots are not his one:\n%s", body)
	}
	for _, p := range []string{v1, "/a/coop/delegate"} {
		if _, body, _ := anna.get(p); !strings.Contains(body, `<a href="/a/coop/receipt">All your receipts</a>`) {
			t.Errorf("%s does not link to the receipts", p)
		}
	}
}

// TestMyBallotsFindsUnkeyedBallots: "All your receipts" reads the
// ballots from the log (the server's index of it), not from the
// idempotency keys the state keeps: a ballot given without a key (by a
// command script) is listed too, and a secret one still is not.
func TestMyBallotsFindsUnkeyedBallots(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the minutes?", "method": "roll_call"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "open_vote", obj{"id": "v2", "question": "Send greetings?", "method": "secret"})
	h.must("anna", "cast_ballot", obj{"vote": "v2", "voter": "anna", "choice": "for"})
	_, body, _ := h.browser("anna").get("/a/coop/receipt")
	if got := myBallotRe.FindAllString(body, -1); len(got) != 1 || !strings.Contains(body, "Adopt the minutes?") || strings.Contains(body, "Send greetings?") {
		t.Errorf("the receipts page lists %d ballots (want the open one alone):\n%s", len(got), body)
	}
}

// TestMyBallotsFirstListAfterAStart: the first list after a start, when
// the server's index of the log's ballots is more than 4,096 entries
// behind (it reads the log in the background), waits for the index: it
// lists the delegate's ballot given without a key, which the walk of the
// state's keys that answered meanwhile did not find, and still no secret
// ballot and no other person's. A list whose wait runs out says that the
// ballots cannot be listed yet, not a part of them; the next lists them.
func TestMyBallotsFirstListAfterAStart(t *testing.T) {
	h, _ := bigHall(t, 1100, 0) // 4,300 entries, the vote v1 open
	mine := strconv.FormatInt(h.must("p1", "cast_ballot", obj{"vote": "v1", "voter": "p1", "choice": "for"}).First(), 10)
	h.must("p2", "cast_ballot", obj{"vote": "v1", "voter": "p2", "choice": "against"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "open_vote", obj{"id": "v2", "question": "Send greetings?", "method": "secret"})
	h.must("p1", "cast_ballot", obj{"vote": "v2", "voter": "p1", "choice": "for"})
	h.must("chair", "close_vote", obj{"vote": "v2"})
	if n := h.logSize(asm); n < 4200 {
		t.Fatalf("the log has %d entries, want the index more than 4,096 behind", n)
	}
	p1 := h.browser("")
	u, _ := url.Parse(h.srv.URL)
	p1.c.Jar.SetCookies(u, []*http.Cookie{{Name: auth.CookieName, Value: h.codes["p1"], Path: "/"}})
	v1 := regexp.MustCompile(`<li><a href="/a/coop/receipt\?entry=(\d+)">Adopt the budget</a>`)
	list := func(when string) {
		t.Helper()
		code, body, _ := p1.get("/a/coop/receipt")
		if code != http.StatusOK {
			t.Fatalf("%s: %d", when, code)
		}
		got := myBallotRe.FindAllString(body, -1)
		if when == "out of time" {
			if len(got) != 0 || !strings.Contains(body, "Your ballots cannot be listed just now") {
				t.Errorf("%s: %d ballots listed, want none and the note:\n%s", when, len(got), body)
			}
			return
		}
		if m := v1.FindStringSubmatch(body); len(got) != 1 || m == nil || m[1] != mine || strings.Contains(body, "Send greetings?") {
			t.Errorf("%s: %d ballots listed, want p1's open one alone, entry %s:\n%s", when, len(got), mine, body)
		}
	}
	list("the first list")
	// More than 4,096 entries more, and a list that may not wait.
	var metas []assembly.Meta
	var cmds []assembly.Command
	for i := range 4200 {
		h.at = h.at.Add(time.Microsecond)
		metas = append(metas, assembly.Meta{Assembly: asm, Actor: auth.AdminPerson, At: h.at})
		cmds = append(cmds, assembly.AddPerson{ID: "guest-" + strconv.Itoa(i), Name: "Guest " + strconv.Itoa(i)})
	}
	a, _ := h.eng.Assembly(asm)
	if _, i, err := a.SubmitAll(context.Background(), metas, cmds); err != nil {
		t.Fatalf("%d: %v", i, err)
	}
	restore := web.SetBallotsWait(0)
	list("out of time")
	restore()
	list("the next list")
}
