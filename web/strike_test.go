package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestSecretaryStrikesOutAnEntry: notes entered twice are struck out from
// the secretary's page — the correction form of an entry offers the
// strike, the list then marks the entry struck out and offers neither its
// correction nor a second strike, and the strike reads as one in the list.
func TestSecretaryStrikesOutAnEntry(t *testing.T) {
	h := newHall(t)
	h.must("sec", "record_speech", obj{"id": "sp1", "item": "i1", "speaker": "anna", "notes": "Moves the budget."})
	h.must("sec", "record_speech", obj{"id": "sp2", "item": "i1", "speaker": "anna", "notes": "Moves the budget."})
	twice := read(h, func(s *assembly.State) int { return s.Record[len(s.Record)-1].Entry })
	sec := h.browser("sec")
	_, body, _ := sec.get(fmt.Sprintf("/a/%s/secretary?entry=%d", asm, twice))
	for _, want := range []string{`<input type="hidden" name="cmd" value="strike_record">`, fmt.Sprintf(`<input type="hidden" name="a:entry:int" value="%d">`, twice), fmt.Sprintf("Strike out entry %d", twice)} {
		if !strings.Contains(body, want) {
			t.Fatalf("the correction form of entry %d offers no strike: no %s", twice, want)
		}
	}
	resp := sec.act("secretary", "strike_record", url.Values{"a:entry:int": {fmt.Sprint(twice)}, "a:reason": {"entered twice"}})
	if resp.StatusCode >= 400 {
		t.Fatalf("strike_record: %s", resp.Status)
	}
	if by, ok := read2(h, twice); !ok || by != twice+1 {
		t.Fatalf("entry %d is struck by %d (%v), want %d", twice, by, ok, twice+1)
	}
	_, list, _ := sec.get("/a/" + asm + "/secretary")
	item := list[strings.Index(list, fmt.Sprintf(`<li value="%d">`, twice)):]
	item = item[:strings.Index(item, "</li>")]
	if !strings.Contains(item, `<span class="tag">struck out</span>`) || strings.Contains(item, "?entry=") {
		t.Errorf("the struck entry is not marked struck out, or still offers a correction: %s", item)
	}
	if !strings.Contains(list, fmt.Sprintf("Entry %d struck out of the minutes", twice)) {
		t.Error("the strike does not read as one in the list")
	}
	_, body, _ = sec.get(fmt.Sprintf("/a/%s/secretary?entry=%d", asm, twice))
	if strings.Contains(body, `value="strike_record"`) || strings.Contains(body, "Correcting entry") {
		t.Error("a struck entry is offered for correction or a second strike")
	}
}

// read2 is the entry that struck entry n out, if one did.
func read2(h *hall, n int) (int, bool) {
	var by int
	var ok bool
	read(h, func(s *assembly.State) int { by, ok = s.StruckBy(n); return 0 })
	return by, ok
}
