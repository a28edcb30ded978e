package assembly

import (
	"reflect"
	"testing"
)

// TestRetitleItem: the chair corrects the title of the current item and
// of a tabled one; the item keeps its id, number, place and status, the
// record keeps the title it had before and why, and the log replayed
// into a fresh state gives the same state.
func TestRetitleItem(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "add_item", `{"id":"i2","title":"The acounts","number":"2"}`)
	h.must("ann", "table_item", `{"item":"i2","until":"until fuller attendance"}`)
	h.must("ann", "retitle_item", `{"item":"i1","title":"  The war and the attitude towards it ","reason":"as the conference worded it"}`)
	h.must("ann", "retitle_item", `{"item":"i2","title":"The accounts"}`)

	if it := h.s.Items["i1"]; it.Title != "The war and the attitude towards it" || it.Status != ItemStatusCurrent || h.s.Sitting().CurrentItem != "i1" {
		t.Errorf("i1 after its retitling: %q, %s", it.Title, it.Status)
	}
	if it := h.s.Items["i2"]; it.Title != "The accounts" || it.Number != "2" || it.Status != ItemStatusTabled || it.TabledUntil != "until fuller attendance" {
		t.Errorf("i2 after its retitling: %q number %q, %s %q", it.Title, it.Number, it.Status, it.TabledUntil)
	}
	if !reflect.DeepEqual(h.s.ItemOrder, []string{"i1", "i2"}) {
		t.Errorf("the order of the day: %v", h.s.ItemOrder)
	}
	e := h.events[len(h.events)-2].(ItemRetitled)
	if e.Item != "i1" || e.From != "The first question" || e.Title != "The war and the attitude towards it" || e.Reason != "as the conference worded it" || e.Actor != "ann" {
		t.Errorf("the event: %+v", e)
	}
	r := h.s.Record[len(h.s.Record)-2]
	if r.Kind != "item_retitled" || r.Ref != "i1" || r.Item != "i1" || r.Label != "The first question" || r.Text != "The war and the attitude towards it" || r.Reason != "as the conference worded it" || r.Sub != "" || r.Actor != "ann" {
		t.Errorf("the record: %+v", r)
	}
	if r := h.s.Record[len(h.s.Record)-1]; r.Ref != "i2" || r.Label != "The acounts" || r.Text != "The accounts" || r.Reason != "" || r.Sub != "" {
		t.Errorf("the record of i2: %+v", r)
	}

	// A log with the event, as stored, replays to the same state.
	fresh := replayed(t, h.events)
	if !reflect.DeepEqual(fresh, h.s) {
		t.Error("the state replayed from the log differs from the live one")
	}
	b, err := EncodeEvent(e)
	if want := `{"meta":{"assembly":"a1","actor":"ann","at":"2026-05-09T10:04:00Z"},"item":"i1","from":"The first question","title":"The war and the attitude towards it","reason":"as the conference worded it"}`; err != nil || string(b) != want {
		t.Errorf("the entry:\n got %s, %v\nwant %s", b, err, want)
	}

	// An entry that does not follow from the state is refused on replay.
	for _, bad := range []string{
		`{"meta":{"assembly":"a1","actor":"ann","at":"2026-05-09T11:00:00Z"},"item":"i1","from":"The first question","title":"Again"}`,
		`{"meta":{"assembly":"a1","actor":"ann","at":"2026-05-09T11:00:00Z"},"item":"i9","from":"","title":"Again"}`,
		`{"meta":{"assembly":"a1","actor":"ann","at":"2026-05-09T11:00:00Z"},"item":"i2","from":"The accounts","title":" "}`,
	} {
		d, err := DecodeEvent("item_retitled", []byte(bad))
		if err != nil {
			t.Fatal(err)
		}
		if err := fresh.Apply(d); CodeOf(err) != ErrCorrupt {
			t.Errorf("%s applied: %v", bad, err)
		}
	}
}

// TestRetitleItemRefusals: every refusal of retitle_item says why and
// changes nothing (the harness checks the state).
func TestRetitleItemRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "by a delegate", do: step{"m1", "retitle_item", `{"item":"i1","title":"x"}`}, code: ErrForbidden, msg: "only the chair or an administrator may correct the title of an item"},
		{name: "by a secretary", do: step{"ben", "retitle_item", `{"item":"i1","title":"x"}`}, code: ErrForbidden, msg: "only the chair or an administrator may correct the title of an item"},
		{name: "by a delegate, unknown item", do: step{"m1", "retitle_item", `{"item":"i9","title":"x"}`}, code: ErrForbidden, msg: "only the chair or an administrator may correct the title of an item"},
		{name: "unknown item", do: step{"ann", "retitle_item", `{"item":"i9","title":"x"}`}, code: ErrNotFound, msg: `there is no item "i9" on the order of the day`},
		{name: "no title", do: step{"ann", "retitle_item", `{"item":"i1"}`}, code: ErrInvalid, msg: `retitle_item: the field "title" is required`},
		{name: "empty title", do: step{"ann", "retitle_item", `{"item":"i1","title":""}`}, code: ErrInvalid, msg: `retitle_item: the field "title" is required`},
		{name: "blank title", do: step{"ann", "retitle_item", `{"item":"i1","title":"   "}`}, code: ErrInvalid, msg: "the new title of the item i1 is blank; give the title it is to have"},
		{name: "the same title", do: step{"ann", "retitle_item", `{"item":"i1","title":"The first question"}`}, code: ErrInvalid, msg: "the item i1 already has this title; give the corrected one"},
		{name: "the same title, spaced", do: step{"ann", "retitle_item", `{"item":"i1","title":" The first question "}`}, code: ErrInvalid, msg: "the item i1 already has this title; give the corrected one"},
		{name: "closed item", setup: []step{{"ann", "close_item", `{"item":"i1"}`}}, do: step{"ann", "retitle_item", `{"item":"i1","title":"x"}`}, code: ErrClosed, msg: "the item i1 is closed: it was dealt with under its title; correct the minutes instead (correct_record)"},
		{name: "a control character", do: step{"ann", "retitle_item", `{"item":"i1","title":"The\u0007 question"}`}, code: ErrInvalid, msg: `retitle_item: the field "title" holds a control character, U+0007 (at byte 3)`},
	})
}

// TestRetitleItemMayDo: MayDo answers for retitle_item as the rules
// decide it: the chair and an administrator yes, a secretary, a delegate
// and a stranger no, for the zero command as for one with arguments.
func TestRetitleItemMayDo(t *testing.T) {
	h := fixture(t, "congress", "")
	zero, ok := NewCommand("retitle_item")
	if !ok {
		t.Fatal("no command retitle_item")
	}
	c := RetitleItem{Item: "i1", Title: "The first question, corrected"}
	for who, want := range map[string]bool{"ann": true, "ben": false, "cara": false, "m1": false, "nobody-known": false} {
		if got := h.s.MayDo(who, zero); got != want {
			t.Errorf("MayDo(%s, the zero retitle_item) = %v, want %v", who, got, want)
		}
		if got := h.s.MayDo(who, c); got != want {
			t.Errorf("MayDo(%s, retitle_item) = %v, want %v", who, got, want)
		}
	}
}
