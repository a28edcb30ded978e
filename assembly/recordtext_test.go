package assembly

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecordedEnglishAgreesAtOne: the English the rules write into the
// record outside the catalog says a count of 1 in the singular in a new
// record ("; 1 member", "1 second"), and any other count in the plural.
func TestRecordedEnglishAgreesAtOne(t *testing.T) {
	for _, c := range []struct {
		members int
		want    string
	}{
		{1, "1 for, 0 against; 1 member; 1 needed (a majority of the members); carried"},
		{2, "2 for, 0 against; 2 members; 2 needed (a majority of the members); carried"},
	} {
		h := newHarness(t)
		h.must("ann", "create_assembly", `{"id":"a1","name":"Test assembly","starts":"2026-05-09","rules":"congress","overrides":{"voting_threshold":"majority_members"}}`)
		h.must("ann", "add_organization", `{"id":"org","name":"The Organization","kind":"delegating"}`)
		for _, p := range []string{"ann", "ben", "cara"} {
			h.must("ann", "add_person", fmt.Sprintf(`{"id":%q,"name":%q}`, p, strings.ToUpper(p)))
		}
		h.must("ann", "grant_role", `{"person":"ben","role":"secretary"}`)
		h.must("ann", "grant_role", `{"person":"cara","role":"mandate_commission"}`)
		h.addMembers(c.members)
		h.must("ann", "open_sitting", `{"id":"s1","date":"2026-05-09","time":"10:00","chair":"ann"}`)
		h.must("ann", "add_item", `{"id":"i1","title":"The first question"}`)
		h.must("ann", "take_up_item", `{"item":"i1"}`)
		h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"roll_call","threshold":"majority_members"}`)
		for i := 1; i <= c.members; i++ {
			p := fmt.Sprintf("m%d", i)
			h.must(p, "cast_ballot", fmt.Sprintf(`{"vote":"v1","voter":%q,"choice":"for"}`, p))
		}
		h.must("ann", "close_vote", `{"vote":"v1"}`)
		h.must("ann", "declare_result", `{"vote":"v1"}`)
		if got := h.s.Votes["v1"].Result.Arithmetic; got != c.want {
			t.Errorf("%d members:\n got %q\nwant %q", c.members, got, c.want)
		}
	}

	h := fixture(t, "congress", "")
	h.must("ann", "add_organization", `{"id":"east","name":"The East","kind":"delegating"}`)
	for _, c := range []struct{ args, want string }{
		{`{"item":"i1","allowances":{"org":1,"east":2}}`, "Speaking time allotted: The East 2 seconds, The Organization 1 second."},
		{`{"item":"i1","allowances":{"org":60,"east":90}}`, "Speaking time allotted: The East 90 seconds, The Organization 1 minute."},
	} {
		h.must("ann", "allot_speaking_time", c.args)
		if got := h.s.Record[len(h.s.Record)-1].Text; got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.args, got, c.want)
		}
	}
	// Only the allotment of one second is written otherwise than before.
	if b, err := EncodeEvent(h.events[len(h.events)-1]); err != nil || strings.Contains(string(b), "singular") {
		t.Errorf("an allotment without one second: %s, %v", b, err)
	}
}

// TestRecordedEnglishReplaysAsItWas: an allotment of one second recorded
// before the record said it in the singular replays as it was ("1
// seconds"): what an entry of a signed log says does not change.
func TestRecordedEnglishReplaysAsItWas(t *testing.T) {
	h := fixture(t, "congress", "")
	old := []byte(`{"meta":{"assembly":"a1","actor":"ann","at":"2026-05-09T10:00:00Z"},"item":"i1","allowances":{"org":1}}`)
	e, err := DecodeEvent("speaking_time_allotted", old)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.s.Apply(e); err != nil {
		t.Fatal(err)
	}
	if got, want := h.s.Record[len(h.s.Record)-1].Text, "Speaking time allotted: The Organization 1 seconds."; got != want {
		t.Errorf("an old allotment:\n got %q\nwant %q", got, want)
	}
}
