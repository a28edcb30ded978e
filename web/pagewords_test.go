package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestOneFullStop: a sentence of the pages whose last words end in their
// own full stop is not given a second one — a rejected mandate's reason
// typed "Not valid." on the delegate's page, a sitting closed at "3:30
// a.m." in the feed — and the Russian of one's own mandate is a sentence
// ("Ваш мандат от организации …"), not "Ваш мандат от: …: подан".
func TestOneFullStop(t *testing.T) {
	h := newHall(t)
	h.must("mc", "reject_mandate", obj{"mandate": "m-dmitri", "reason": "The credentials are not valid."})
	d := h.browser("dmitri")
	_, page, _ := d.get("/a/" + asm + "/delegate")
	if !strings.Contains(page, "not valid.</p>") || strings.Contains(page, "valid..") {
		t.Errorf("the reason's full stop, once:\n%s", wordsNear(page, "not valid"))
	}
	_, ru := d.getWith("/a/"+asm+"/delegate", http.Header{"Cookie": {"plenum_lang=ru"}})
	if want := "Ваш мандат от организации The members (решающий голос) отклонён: The credentials are not valid.</p>"; !strings.Contains(ru, want) {
		t.Errorf("want %q in\n%s", want, wordsNear(ru, "Ваш мандат"))
	}
	h.must("chair", "close_sitting", obj{"sitting": "s1", "time": "3:30 a.m."})
	_, feed, _ := h.browser("sec").get("/a/" + asm + "/secretary")
	if !strings.Contains(feed, "closed at 3:30 a.m.") || strings.Contains(feed, "a.m..") {
		t.Errorf("the closing time's full stop, once:\n%s", wordsNear(feed, "closed at"))
	}
}

// wordsNear is the part of a page around the first s.
func wordsNear(page, s string) string {
	i := strings.Index(page, s)
	if i < 0 {
		return "(" + s + " not on the page)"
	}
	return page[max(0, i-200):min(len(page), i+300)]
}

// TestNoFloorFormWithoutVerifiedMandate: the delegate's page offers the
// form that asks for the floor only to those the rules give the floor: a
// delegate whose mandate is not yet verified, or was rejected, is not
// offered "Ask for the floor", which the rules refuse them ("holds no
// verified mandate that gives the floor").
func TestNoFloorFormWithoutVerifiedMandate(t *testing.T) {
	h := newHall(t)
	const form = `name="cmd" value="request_floor"`
	if _, page, _ := h.browser("anna").get("/a/" + asm + "/delegate"); !strings.Contains(page, form) {
		t.Fatal("a verified delegate is not offered the floor")
	}
	if _, page, _ := h.browser("dmitri").get("/a/" + asm + "/delegate"); strings.Contains(page, form) {
		t.Error("a delegate whose mandate is not verified is offered the floor")
	}
	h.must("mc", "reject_mandate", obj{"mandate": "m-dmitri", "reason": "late"})
	if _, page, _ := h.browser("dmitri").get("/a/" + asm + "/delegate"); strings.Contains(page, form) {
		t.Error("a delegate whose mandate was rejected is offered the floor")
	}
}

// TestWithdrawAsksConsentInWords: the console's form that withdraws a
// vote asks how the assembly consented saying what was done: the ballots
// cast (in their plural form), a count entered, or both — never "0
// ballots and a count already cast" (chair review #23).
func TestWithdrawAsksConsentInWords(t *testing.T) {
	h := newHall(t)
	chair := h.browser("chair")
	console := func() string {
		_, page, _ := chair.get("/a/" + asm + "/chair")
		return page
	}
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"})
	if page, want := console(), "1 ballot already cast: how did the assembly consent?"; !strings.Contains(page, want) {
		t.Errorf("want %q in\n%s", want, wordsNear(page, "consent"))
	}
	h.must("chair", "withdraw_vote", obj{"vote": "v1", "reason": "wrong method", "consent": "No objection"})
	h.must("chair", "open_vote", obj{"id": "v2", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v2"})
	h.must("chair", "enter_count", obj{"vote": "v2", "for": 1, "against": 1})
	page := console()
	if want := "A count is already entered: how did the assembly consent?"; !strings.Contains(page, want) || strings.Contains(page, "0 ballots") {
		t.Errorf("want %q in\n%s", want, wordsNear(page, "consent"))
	}
	_, ru := chair.getWith("/a/"+asm+"/chair", http.Header{"Cookie": {"plenum_lang=ru"}})
	if want := "Подсчёт уже внесён: как собрание дало согласие?"; !strings.Contains(ru, want) {
		t.Errorf("want %q in\n%s", want, wordsNear(ru, "согласие"))
	}
}

// TestSecretaryFeedSaysWhatHappened: the secretary's feed says what an
// entry did in the page's language, not only a title (chair review #18):
// an amendment overtaken, a resolution drawn up as carried, a body
// formed.
func TestSecretaryFeedSaysWhatHappened(t *testing.T) {
	h := newHall(t)
	h.must("anna", "move_motion", obj{"id": "a1", "kind": "amendment", "amends": "m1", "title": "Amendment of Anna", "change": obj{"from_line": 1, "text": "The meeting adopts the budget as amended."}})
	h.must("boris", "move_motion", obj{"id": "a2", "kind": "amendment", "amends": "m1", "title": "Amendment of Boris", "change": obj{"from_line": 1, "text": "The meeting rejects the budget."}})
	carry := func(vote, motion string) {
		h.must("chair", "open_vote", obj{"id": vote, "motion": motion, "method": "show_of_hands"})
		h.must("chair", "close_vote", obj{"vote": vote})
		h.must("chair", "enter_count", obj{"vote": vote, "for": 3, "against": 0})
		h.must("chair", "declare_result", obj{"vote": vote})
	}
	carry("v1", "a1")
	carry("v2", "m1")
	h.must("chair", "form_body", obj{"id": "b1", "name": "Conciliation committee", "kind": "committee", "members": []string{"anna", "boris"}})
	_, page, _ := h.browser("sec").get("/a/" + asm + "/secretary")
	for _, want := range []string{
		"The amendment “Amendment of Boris” is overtaken by another decision and not put to the vote.",
		"The resolution “Adopt the budget” is drawn up as carried, with the amendments carried applied.",
		"Body formed: Conciliation committee: Anna Arkadyevna, Boris Borisov",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the feed does not say %q:\n%s", want, wordsNear(page, "Recent"))
		}
	}
}

// TestReceiptSaysTheVoteClosed: the receipt page, whose flash said the
// ballot is counted when the vote closes, says so no longer once the
// vote is closed and its result declared: its live region says so
// (review L2).
func TestReceiptSaysTheVoteClosed(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	entry := h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"}).First()
	anna := h.browser("anna")
	receipt := "/a/" + asm + "/receipt?entry=" + strconv.FormatInt(entry, 10)
	const promise = "Ballots are counted when voting closes."
	if _, page, _ := anna.get(receipt); strings.Contains(page, "receipt-state") || !strings.Contains(page, promise) {
		t.Errorf("the vote is open, and the receipt says otherwise:\n%s", wordsNear(page, "receipt-state"))
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	for _, path := range []string{receipt, receipt + "&fragment=receipt"} {
		if _, page, _ := anna.get(path); strings.Contains(page, promise) || !strings.Contains(page, "It is entry "+strconv.FormatInt(entry, 10)+" of the record.") {
			t.Errorf("%s: the receipt still says %q once the vote is declared:\n%s", path, promise, wordsNear(page, "It is entry"))
		}
	}
	for _, path := range []string{receipt, receipt + "&fragment=live"} {
		if _, page, _ := anna.get(path); !strings.Contains(page, "The vote is closed and its result declared.") {
			t.Errorf("%s: the receipt does not say the vote is declared:\n%s", path, wordsNear(page, "h-next"))
		}
	}
}
