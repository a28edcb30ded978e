package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
)

// decides reports whether the rules would take c from actor now, as the
// test's state stands.
func decides(h *hall, actor string, c assembly.Command) bool {
	h.t.Helper()
	return read(h, func(s *assembly.State) bool {
		_, err := assembly.Decide(s, assembly.Meta{Assembly: asm, Actor: actor, At: time.Now()}, c)
		return err == nil
	})
}

// TestFloorFormAsTheRulesDecide: the delegate's page offers "Ask for the
// floor" to each person exactly when the rules let them ask in their own
// name on the item (.May with the form's item and person) and the list
// is open, and "Withdraw my request" to whoever waits on it; nobody else
// (no mandate, a mandate not verified, the list closed).
func TestFloorFormAsTheRulesDecide(t *testing.T) {
	h := newHall(t)
	const ask, withdraw = `name="cmd" value="request_floor"`, `name="cmd" value="withdraw_request"`
	check := func(when string, listClosed bool) {
		t.Helper()
		for _, p := range []string{"anna", "boris", "dmitri", "mc", "sec", "chair"} {
			_, page, _ := h.browser(p).get("/a/" + asm + "/delegate")
			waiting := read(h, func(s *assembly.State) bool {
				for _, r := range s.SpeakersList("i1") {
					if r.Person == p {
						return true
					}
				}
				return false
			})
			may := read(h, func(s *assembly.State) bool {
				return s.MayDo(p, assembly.RequestFloor{Item: "i1", Person: p})
			})
			if got, want := strings.Contains(page, ask), may && !listClosed && !waiting; got != want {
				t.Errorf("%s: %s is offered the floor: %v, want %v (the rules let them ask: %v)", when, p, got, want, may)
			}
			if got, want := strings.Contains(page, withdraw), waiting; got != want {
				t.Errorf("%s: %s is offered to withdraw their request: %v, want %v", when, p, got, want)
			}
		}
	}
	check("at the start", false)
	if _, page, _ := h.browser("mc").get("/a/" + asm + "/delegate"); strings.Contains(page, ask) {
		t.Error("the mandate commission's member, who holds no mandate, is offered the floor")
	}
	if _, page, _ := h.browser("dmitri").get("/a/" + asm + "/delegate"); strings.Contains(page, ask) {
		t.Error("a delegate whose mandate is not verified is offered the floor")
	}
	h.must("anna", "request_floor", obj{"item": "i1", "person": "anna"})
	check("anna on the list", false)
	h.must("chair", "close_list", obj{"item": "i1"})
	check("the list closed", true)
	if _, page, _ := h.browser("boris").get("/a/" + asm + "/delegate"); strings.Contains(page, ask) || !strings.Contains(page, "The speakers&#39; list is closed.") {
		t.Error("boris is offered the floor on a closed list, or not told it is closed")
	}
	h.must("chair", "reopen_list", obj{"item": "i1"})
	h.must("mc", "verify_mandate", obj{"mandate": "m-dmitri"})
	check("dmitri's mandate verified", false)
	if _, page, _ := h.browser("dmitri").get("/a/" + asm + "/delegate"); !strings.Contains(page, ask) {
		t.Error("a delegate whose mandate was verified is not offered the floor")
	}
}

// TestSupportFormsAsTheRulesDecide: a motion's page offers to support it,
// in one's own name or one's delegation's, and to take the support back,
// exactly when the rules would take that button's command from the viewer
// (.Takes): not to the one who submitted it (their own motion), not
// twice, not to one who holds no delegate's mandate; its taking back only
// to a supporter.
func TestSupportFormsAsTheRulesDecide(t *testing.T) {
	h := newHall(t)
	h.must("chair", "set_submission_deadline", obj{"deadline": time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)})
	h.must("anna", "submit_motion", obj{"id": "w1", "title": "Plant trees", "text": "The meeting plants trees."})
	forms := []struct {
		name, html string
		c          assembly.Command
	}{
		{"to support w1", `name="a:motion" value="w1"><button type="submit">`, assembly.SupportMotion{Motion: "w1"}},
		{"to support w1 for the members", `name="a:delegation" value="members"><button type="submit" class="support-for">`, assembly.SupportMotion{Motion: "w1", Delegation: "members"}},
		{"to take back their support", `class="secondary take-back"`, assembly.WithdrawSupport{Motion: "w1"}},
		{"to take back the members' support", `class="secondary take-back-for"`, assembly.WithdrawSupport{Motion: "w1", Delegation: "members"}},
	}
	check := func(when string) {
		t.Helper()
		for _, p := range []string{"anna", "boris", "clara", "dmitri", "mc", "chair"} {
			_, page, _ := h.browser(p).get("/a/" + asm + "/motions/w1")
			for _, f := range forms {
				if got, want := strings.Contains(page, f.html), decides(h, p, f.c); got != want {
					t.Errorf("%s: %s is offered %s: %v, want %v", when, p, f.name, got, want)
				}
			}
		}
	}
	check("submitted")
	if _, page, _ := h.browser("anna").get("/a/" + asm + "/motions/w1"); strings.Contains(page, forms[0].html) {
		t.Error("anna is offered to support her own motion")
	}
	if _, page, _ := h.browser("boris").get("/a/" + asm + "/motions/w1"); !strings.Contains(page, forms[0].html) {
		t.Error("boris is not offered to support anna's motion")
	}
	h.must("boris", "support_motion", obj{"motion": "w1"})
	check("boris supports it")
	if _, page, _ := h.browser("boris").get("/a/" + asm + "/motions/w1"); strings.Contains(page, forms[0].html) || !strings.Contains(page, forms[2].html) {
		t.Error("boris, who supports w1, is offered to support it again, or not to take his support back")
	}
	h.must("clara", "support_motion", obj{"motion": "w1", "delegation": "members"})
	check("clara supports it for the members")
	h.must("mc", "reject_mandate", obj{"mandate": "m-dmitri", "reason": "late"})
	check("dmitri's mandate rejected")
}

// TestAmendAndSubmitFormsAsTheRulesDecide: the forms to submit a motion,
// to submit an amendment in writing and to move one in the sitting are
// offered to whom the rules let give them in their own name (.May with
// the amendment's motion): the chair, a secretary and a member of the
// sitting's presidium too, who submit motions in writing and so their
// amendments (the page offered a written amendment to delegates alone),
// not one whose mandate is rejected, nor the mandate commission's member
// without one.
func TestAmendAndSubmitFormsAsTheRulesDecide(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_person", obj{"id": "pia", "name": "Pia Presidium"})
	h.must("chair", "change_presidium", obj{"sitting": "s1", "add": []string{"pia"}})
	h.must("mc", "reject_mandate", obj{"mandate": "m-dmitri", "reason": "late"})
	h.must("chair", "set_submission_deadline", obj{"deadline": time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)})
	h.must("anna", "submit_motion", obj{"id": "w1", "title": "Plant trees", "text": "The meeting plants trees."})
	ids, err := h.auth.IssueCodes(context.Background(), asm, []string{"pia"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes["pia"] = ids[0].Code
	const submitForm, amendSection = `name="cmd" value="submit_motion"`, `<section id="amend"`
	for _, p := range []string{"anna", "dmitri", "mc", "chair", "sec", "pia"} {
		b := h.browser(p)
		_, motions, _ := b.get("/a/" + asm + "/motions")
		if got, want := strings.Contains(motions, submitForm), read(h, func(s *assembly.State) bool { return s.MayDo(p, assembly.SubmitMotion{}) }); got != want {
			t.Errorf("%s is offered to submit a motion: %v, want %v", p, got, want)
		}
		_, w1, _ := b.get("/a/" + asm + "/motions/w1")
		if got, want := strings.Contains(w1, amendSection), read(h, func(s *assembly.State) bool { return s.MayDo(p, assembly.SubmitMotion{Amends: "w1"}) }); got != want {
			t.Errorf("%s is offered to amend the submitted w1: %v, want %v", p, got, want)
		}
		_, m1, _ := b.get("/a/" + asm + "/motions/m1")
		if got, want := strings.Contains(m1, amendSection), read(h, func(s *assembly.State) bool {
			return s.MayDo(p, assembly.MoveMotion{Kind: "amendment", Amends: "m1"})
		}); got != want {
			t.Errorf("%s is offered to move an amendment to m1: %v, want %v", p, got, want)
		}
	}
	_, m1, _ := h.browser("pia").get("/a/" + asm + "/motions/m1")
	if !strings.Contains(m1, amendSection) {
		t.Error("a member of the presidium is not offered to move an amendment in the sitting")
	}
}
