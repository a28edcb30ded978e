package assembly

import (
	"reflect"
	"testing"
)

// TestSetReporters: the chair gives the current item a co-reporter, who
// then sums up after the discussion closes as the reporter does (as in
// 1917, where a reporter and a co-reporter both summed up); the reporters
// of a tabled item are changed too, and emptied; the log replayed into a
// fresh state gives the same state.
func TestSetReporters(t *testing.T) {
	h := fixture(t, "congress", "")
	h.refuse("ann", "give_floor", `{"item":"i1","person":"kim","summary":true}`, ErrInvalid, "only a reporter or co-reporter of i1 sums up; name them")
	h.must("ann", "set_reporters", `{"item":"i1","reporters":["rep"],"co_reporters":["kim","guest"]}`)
	if it := h.s.Items["i1"]; !reflect.DeepEqual(it.Reporters, []string{"rep"}) || !reflect.DeepEqual(it.CoReporters, []string{"kim", "guest"}) || it.Status != ItemStatusCurrent {
		t.Errorf("i1: reporters %v, co-reporters %v, %s", it.Reporters, it.CoReporters, it.Status)
	}
	e := h.events[len(h.events)-1].(ReportersSet)
	b, err := EncodeEvent(e)
	if want := `{"meta":{"assembly":"a1","actor":"ann","at":"` + e.At.Format("2006-01-02T15:04:05Z07:00") + `"},"item":"i1","reporters":["rep"],"co_reporters":["kim","guest"]}`; err != nil || string(b) != want {
		t.Errorf("the entry:\n got %s, %v\nwant %s", b, err, want)
	}
	h.must("ann", "close_discussion", `{"item":"i1"}`)
	h.must("ann", "give_floor", `{"item":"i1","person":"kim","summary":true}`)

	h.must("ann", "add_item", `{"id":"i2","title":"The accounts","reporters":["rep"],"co_reporters":["kim"]}`)
	h.must("ann", "table_item", `{"item":"i2","until":"until fuller attendance"}`)
	h.must("ann", "set_reporters", `{"item":"i2"}`)
	if it := h.s.Items["i2"]; len(it.Reporters) != 0 || len(it.CoReporters) != 0 || it.Status != ItemStatusTabled {
		t.Errorf("i2: reporters %v, co-reporters %v, %s", it.Reporters, it.CoReporters, it.Status)
	}

	fresh := replayed(t, h.events)
	if !reflect.DeepEqual(fresh, h.s) {
		t.Error("the state replayed from the log differs from the live one")
	}
	// An entry that does not follow from the state is refused on replay.
	for _, bad := range []string{
		`{"meta":{"assembly":"a1","actor":"ann","at":"2026-05-09T11:00:00Z"},"item":"i9","reporters":["rep"]}`,
	} {
		d, err := DecodeEvent("reporters_set", []byte(bad))
		if err != nil {
			t.Fatal(err)
		}
		if err := fresh.Apply(d); CodeOf(err) != ErrCorrupt {
			t.Errorf("%s applied: %v", bad, err)
		}
	}
}

// TestSetReportersRefusals: every refusal of set_reporters says why and
// changes nothing (the harness checks the state).
func TestSetReportersRefusals(t *testing.T) {
	const forbid = "only the chair or an administrator may change the reporters of an item"
	runRefusals(t, "congress", "", []refusal{
		{name: "by a delegate", do: step{"m1", "set_reporters", `{"item":"i1","co_reporters":["kim"]}`}, code: ErrForbidden, msg: forbid},
		{name: "by a secretary", do: step{"ben", "set_reporters", `{"item":"i1","co_reporters":["kim"]}`}, code: ErrForbidden, msg: forbid},
		{name: "by a delegate, unknown item", do: step{"m1", "set_reporters", `{"item":"i9"}`}, code: ErrForbidden, msg: forbid},
		{name: "unknown item", do: step{"ann", "set_reporters", `{"item":"i9","reporters":["rep"]}`}, code: ErrNotFound, msg: `there is no item "i9" on the order of the day`},
		{name: "no item", do: step{"ann", "set_reporters", `{"reporters":["rep"]}`}, code: ErrInvalid, msg: `set_reporters: the field "item" is required`},
		{name: "unknown reporter", do: step{"ann", "set_reporters", `{"item":"i1","reporters":["nobody"]}`}, code: ErrNotFound, msg: `there is no person "nobody" (in reporters)`},
		{name: "unknown co-reporter", do: step{"ann", "set_reporters", `{"item":"i1","reporters":["rep"],"co_reporters":["nobody"]}`}, code: ErrNotFound, msg: `there is no person "nobody" (in co_reporters)`},
		{name: "both reporter and co-reporter", do: step{"ann", "set_reporters", `{"item":"i1","reporters":["rep"],"co_reporters":["kim","rep"]}`}, code: ErrInvalid, msg: "rep is named both as a reporter and as a co-reporter of i1; name them once"},
		{name: "unchanged", do: step{"ann", "set_reporters", `{"item":"i1","reporters":["rep"],"co_reporters":[]}`}, code: ErrInvalid, msg: "the item i1 already has these reporters and co-reporters"},
		{name: "closed item", setup: []step{{"ann", "close_item", `{"item":"i1"}`}}, do: step{"ann", "set_reporters", `{"item":"i1","co_reporters":["kim"]}`}, code: ErrClosed, msg: "the item i1 is closed; its reporters have reported and are not changed"},
	})
}

// TestSetReportersMayDo: MayDo answers for set_reporters as the rules
// decide it: the chair and an administrator yes, a secretary, a delegate
// and a stranger no, for the zero command as for one with arguments.
func TestSetReportersMayDo(t *testing.T) {
	h := fixture(t, "congress", "")
	zero, ok := NewCommand("set_reporters")
	if !ok {
		t.Fatal("no command set_reporters")
	}
	c := SetReporters{Item: "i1", Reporters: []string{"rep"}, CoReporters: []string{"kim"}}
	for who, want := range map[string]bool{"ann": true, "ben": false, "cara": false, "m1": false, "nobody-known": false} {
		if got := h.s.MayDo(who, zero); got != want {
			t.Errorf("MayDo(%s, the zero set_reporters) = %v, want %v", who, got, want)
		}
		if got := h.s.MayDo(who, c); got != want {
			t.Errorf("MayDo(%s, set_reporters) = %v, want %v", who, got, want)
		}
	}
}
