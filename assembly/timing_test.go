package assembly

import (
	"testing"
	"time"
)

func TestPlanItemRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "by a delegate", do: step{"m1", "plan_item", `{"item":"i1","minutes":30}`}, code: ErrForbidden, msg: "only the chair or an administrator plans the order of the day"},
		{name: "unknown item", do: step{"ann", "plan_item", `{"item":"i9","minutes":30}`}, code: ErrNotFound, msg: `there is no item "i9" on the order of the day`},
		{name: "negative", do: step{"ann", "plan_item", `{"item":"i1","minutes":-5}`}, code: ErrInvalid, msg: `plan_item: the field "minutes" must not be negative`},
		{name: "more than a day", do: step{"ann", "plan_item", `{"item":"i1","minutes":1441}`}, code: ErrInvalid, msg: "1441 minutes is more than a day; plan an item in minutes, at most 1440"},
		{name: "closed item", setup: []step{{"ann", "close_item", `{"item":"i1"}`}}, do: step{"ann", "plan_item", `{"item":"i1","minutes":30}`}, code: ErrClosed, msg: "the item i1 is closed; only an item still to be discussed is planned"},
	})
}

func TestSchedule(t *testing.T) {
	h := fixture(t, "congress", "")
	takenUp := h.s.Record[len(h.s.Record)-1].At // i1 was taken up last
	h.must("ann", "add_item", `{"id":"i2","title":"Second"}`)
	h.must("ann", "add_item", `{"id":"i3","title":"Third"}`)
	h.must("ann", "add_item", `{"id":"i4","title":"Fourth"}`)
	h.must("ann", "table_item", `{"item":"i4","until":"tomorrow"}`)
	h.must("ann", "plan_item", `{"item":"i1","minutes":30}`)
	h.must("ann", "plan_item", `{"item":"i2","minutes":45}`)
	h.must("ann", "plan_item", `{"item":"i4","minutes":60}`)
	cases := []struct {
		name    string
		now     time.Time
		end     time.Time
		over    time.Duration
		unplann int
	}{
		// 10 minutes into i1: 20 left of it, 45 of i2, i3 unplanned, i4 tabled.
		{"within the plan", takenUp.Add(10 * time.Minute), takenUp.Add(75 * time.Minute), 0, 1},
		// 50 minutes into i1: 20 over; only i2's 45 remain.
		{"over the plan", takenUp.Add(50 * time.Minute), takenUp.Add(95 * time.Minute), 20 * time.Minute, 1},
	}
	for _, c := range cases {
		sc := h.s.Schedule(c.now)
		if sc.Current == nil || sc.Current.ID != "i1" || !sc.TakenUp.Equal(takenUp) || !sc.End.Equal(c.end) || sc.Over != c.over || sc.Unplanned != c.unplann || len(sc.Next) != 2 {
			t.Errorf("%s: %+v", c.name, sc)
		}
	}
	h.must("ann", "plan_item", `{"item":"i1","minutes":0}`)
	if sc := h.s.Schedule(takenUp.Add(time.Hour)); sc.Unplanned != 2 || !sc.End.Equal(takenUp.Add(time.Hour+45*time.Minute)) {
		t.Errorf("i1's plan taken away: %+v", sc)
	}
	h.must("ann", "plan_item", `{"item":"i2","minutes":0}`)
	if sc := h.s.Schedule(takenUp); !sc.End.IsZero() || sc.Unplanned != 3 {
		t.Errorf("nothing planned: %+v", sc)
	}
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	if sc := h.s.Schedule(takenUp); !sc.End.IsZero() || sc.Current != nil {
		t.Errorf("no sitting: %+v", sc)
	}
}
