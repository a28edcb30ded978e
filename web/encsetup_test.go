package web_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestChairOpensEncryptedVote: the console's vote on the motion in order
// offers the encrypted method with its trustees, the number needed to
// decrypt and re-voting (REVIEW-UNION #2: no page could open an encrypted
// vote); left empty, the number needed is a majority of the trustees
// ticked (2 of 3); a form without trustees, with more needed than there
// are trustees or fewer than one, with someone who is not a person, or
// with trustees for a vote that is not encrypted is refused, says why and
// records nothing.
func TestChairOpensEncryptedVote(t *testing.T) {
	h := newHall(t)
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/coop/chair")
	for _, want := range []string{`<option value="encrypted">secret, encrypted — counted by trustees</option>`, `name="a:trustees:list" value="sec"`, `name="a:trustee_quorum:int"`, `name="a:revote:bool"`, `Encrypted vote: its trustees`} {
		if !strings.Contains(page, want) {
			t.Errorf("the console lacks %s", want)
		}
	}
	vote := func(kv ...string) url.Values { return encryptedVoteForm("a:motion", "m1", kv...) }
	refusedNothingChanged(t, h, chair, "chair", "open_vote", vote(), "An encrypted vote needs its trustees")
	refusedNothingChanged(t, h, chair, "chair", "open_vote", vote("a:trustees:list", "sec", "a:trustees:list", "mc", "a:trustee_quorum:int", "3"), "1 to 2, not 3")
	refusedNothingChanged(t, h, chair, "chair", "open_vote", vote("a:trustees:list", "sec", "a:trustees:list", "mc", "a:trustee_quorum:int", "0"), "1 to 2, not 0")
	refusedNothingChanged(t, h, chair, "chair", "open_vote", vote("a:trustees:list", "sec", "a:trustees:list", "mc", "a:trustee_quorum:int", "-1"), "the field “Trustees needed to decrypt” must not be negative")
	refusedNothingChanged(t, h, chair, "chair", "open_vote", vote("a:trustees:list", "sec", "a:trustees:list", "mc", "a:trustee_quorum:int", "two"), "whole number")
	refusedNothingChanged(t, h, chair, "chair", "open_vote", vote("a:trustees:list", "sec", "a:trustees:list", "nobody"), "nobody")
	f := vote("a:trustees:list", "sec", "a:trustees:list", "mc")
	f.Set("a:method", "roll_call")
	refusedNothingChanged(t, h, chair, "chair", "open_vote", f, "are for an encrypted vote")
	if read(h, func(st *assembly.State) bool { return st.Votes["v1"] != nil }) {
		t.Fatal("a refused form opened a vote")
	}

	enc := opensEncrypted(t, h, chair, vote("a:trustees:list", "sec", "a:trustees:list", "mc", "a:trustees:list", "chair", "a:revote:bool", "true"))
	if !slices.Equal(enc.Trustees, []string{"sec", "mc", "chair"}) || enc.Quorum != 2 || !enc.Revote {
		t.Fatalf("the vote's trustees %v, %d needed, revote %v; want sec, mc, chair, 2 of 3, revote", enc.Trustees, enc.Quorum, enc.Revote)
	}
	// Until the trustees have made the key no one can vote: the console
	// says so where it would offer to close the vote.
	_, page, _ = chair.get("/a/coop/chair")
	if !strings.Contains(page, "waiting for the trustees to make the election key (keys 0 of 3, shares dealt 0 of 3, confirmed 0 of 3)") || strings.Contains(page, `<input type="hidden" name="cmd" value="close_vote">`) {
		t.Errorf("the console, the trustees' key not made, does not say it waits for them or offers to close the vote:\n%s", page)
	}
}

// TestChairOpensEncryptedElection: the form that opens an election has a
// tick box to encrypt its ballots, with the trustees, the number needed
// and re-voting; an encrypted election without trustees, or trustees for
// an election not ticked encrypted, is refused and records nothing.
func TestChairOpensEncryptedElection(t *testing.T) {
	h := newHall(t)
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/coop/chair/elections")
	for _, want := range []string{`name="a:encrypted:bool"`, `name="a:trustees:list" value="sec"`, `name="a:trustee_quorum:int"`, `name="a:revote:bool"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the election form lacks %s", want)
		}
	}
	election := func(kv ...string) url.Values {
		f := url.Values{"new:id": {"e"}, "a:title": {"Auditor"}, "a:seats:int": {"1"}, "a:method": {"approval"}, "a:candidates:list": {"anna", "boris", "clara"}}
		for i := 0; i+1 < len(kv); i += 2 {
			f[kv[i]] = append(f[kv[i]], kv[i+1])
		}
		return f
	}
	refusedNothingChanged(t, h, chair, "chair/elections", "open_election", election("a:encrypted:bool", "true"), "An encrypted election needs its trustees")
	refusedNothingChanged(t, h, chair, "chair/elections", "open_election", election("a:trustees:list", "sec"), "are for an encrypted election")
	refusedNothingChanged(t, h, chair, "chair/elections", "open_election", election("a:encrypted:bool", "true", "a:trustees:list", "sec", "a:trustees:list", "mc", "a:trustee_quorum:int", "5"), "1 to 2, not 5")
	chair.act("chair/elections", "open_election", election("a:encrypted:bool", "true", "a:trustees:list", "sec", "a:trustees:list", "mc", "a:trustees:list", "chair"))
	enc := read(h, func(st *assembly.State) *assembly.EncryptedSetup {
		if e := st.Elections["e1"]; e != nil && e.Encrypted != nil {
			s := e.Encrypted.EncryptedSetup
			return &s
		}
		return nil
	})
	if enc == nil {
		_, body, _ := chair.get("/a/coop/chair/elections")
		t.Fatalf("no encrypted election opened; the page says %q", flashOf(body))
	}
	if !slices.Equal(enc.Trustees, []string{"sec", "mc", "chair"}) || enc.Quorum != 2 || enc.Revote {
		t.Fatalf("the election's trustees %v, %d needed, revote %v; want sec, mc, chair, 2 of 3, no revote", enc.Trustees, enc.Quorum, enc.Revote)
	}
	if _, page, _ := chair.get("/a/coop/chair"); !strings.Contains(page, "waiting for the trustees to make the election key (keys 0 of 3") {
		t.Errorf("the console does not say it waits for the trustees' key:\n%s", page)
	}
}

// TestEncryptedTrusteesSearched: in an assembly of more persons than the
// pickers list whole, the trustees are searched on the server as the
// console's other pickers are (a search form, ?find-ov-trustees=words),
// and the persons found come as boxes to tick; the vote opens with them.
func TestEncryptedTrusteesSearched(t *testing.T) {
	h := newLargeHall(t, 2)
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/coop/chair")
	if !strings.Contains(page, `name="find-ov-trustees" value=""`) || strings.Contains(page, `name="a:trustees:list" value=`) {
		t.Fatalf("the console's trustees are not searched on the server:\n%s", page)
	}
	_, page, _ = chair.get("/a/coop/chair?found-ov-trustees=" + url.QueryEscape("Misha"))
	if !strings.Contains(page, `<input type="checkbox" name="a:trustees:list" value="mc"> <span>Misha Commission</span>`) || strings.Count(page, `name="a:trustees:list" value=`) != 1 {
		t.Fatalf("searching Misha does not find him alone:\n%s", page)
	}
	chair.act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"encrypted"}, "a:trustees:list": {"mc"}})
	if q := read(h, func(st *assembly.State) int {
		if v := st.Votes["v1"]; v != nil && v.Encrypted != nil {
			return v.Encrypted.Quorum
		}
		return -1
	}); q != 1 {
		t.Fatalf("the vote with one trustee needs %d", q)
	}
}

// TestChairOpensEncryptedDraftsVote: the console's vote between competing
// drafts offers the encrypted method as the vote on the motion in order
// does, each group's form with its own trustees (the fields' ids apart);
// a drafts vote sent encrypted without trustees is refused and records
// nothing, with trustees it opens an encrypted vote whose options are the
// drafts (and abstaining), a majority of the trustees needed.
func TestChairOpensEncryptedDraftsVote(t *testing.T) {
	h := newHall(t)
	for _, m := range []string{"m2", "m3", "m4"} {
		h.must("chair", "move_motion", obj{"id": m, "kind": "substantive", "title": "The draft " + m, "item": "i1"})
	}
	h.must("chair", "group_alternatives", obj{"id": "g1", "title": "The budget drafts", "motions": []string{"m1", "m2"}})
	h.must("chair", "group_alternatives", obj{"id": "g2", "title": "The statute drafts", "motions": []string{"m3", "m4"}})
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/coop/chair")
	for i, g := range []string{"g1", "g2"} {
		start := strings.Index(page, `<label for="og-method-`+g+`"`)
		if start < 0 {
			t.Fatalf("the console has no form of the vote on the drafts %s:\n%s", g, page)
		}
		form := page[start:]
		form = form[:strings.Index(form, "</form>")]
		prefix := fmt.Sprintf("og%d", i+1)
		for _, want := range []string{`<option value="encrypted">secret, encrypted — counted by trustees</option>`, `id="` + prefix + `-trustees"`, `name="a:trustees:list" value="sec"`, `id="` + prefix + `-k" name="a:trustee_quorum:int"`, `name="a:revote:bool"`, `Encrypted vote: its trustees`} {
			if !strings.Contains(form, want) {
				t.Errorf("the form of the vote on the drafts %s lacks %s:\n%s", g, want, form)
			}
		}
	}
	vote := func(kv ...string) url.Values { return encryptedVoteForm("a:alternatives", "g1", kv...) }
	refusedNothingChanged(t, h, chair, "chair", "open_vote", vote(), "An encrypted vote needs its trustees")
	enc := opensEncrypted(t, h, chair, vote("a:trustees:list", "sec", "a:trustees:list", "mc", "a:trustees:list", "chair"))
	if !slices.Equal(enc.Options, []string{"m1", "m2", "abstain"}) || !slices.Equal(enc.Trustees, []string{"sec", "mc", "chair"}) || enc.Quorum != 2 {
		t.Fatalf("the drafts vote's options %v, trustees %v, %d needed; want m1, m2, abstain; sec, mc, chair, 2", enc.Options, enc.Trustees, enc.Quorum)
	}
}

// encryptedVoteForm is the console's form of an encrypted vote on what
// (the field a:motion or a:alternatives) with the fields kv, name and
// value in turn, a name given again adding a value.
func encryptedVoteForm(on, what string, kv ...string) url.Values {
	f := url.Values{"new:id": {"v"}, on: {what}, "a:method": {"encrypted"}}
	for i := 0; i+1 < len(kv); i += 2 {
		f[kv[i]] = append(f[kv[i]], kv[i+1])
	}
	return f
}

// opensEncrypted sends the console's form of an encrypted vote and
// returns the setup of the vote v1 it opened, on what the form names.
func opensEncrypted(t *testing.T, h *hall, chair *browser, form url.Values) assembly.EncryptedSetup {
	t.Helper()
	chair.act("chair", "open_vote", form)
	enc := read(h, func(st *assembly.State) *assembly.EncryptedSetup {
		if v := st.Votes["v1"]; v != nil && v.Encrypted != nil && v.Motion == form.Get("a:motion") && v.Alternatives == form.Get("a:alternatives") {
			s := v.Encrypted.EncryptedSetup
			return &s
		}
		return nil
	})
	if enc == nil {
		_, body, _ := chair.get("/a/coop/chair")
		t.Fatalf("no encrypted vote opened by %v; the console says %q", form, flashOf(body))
	}
	return *enc
}
