package assembly

import (
	"time"
)

// The order of the day in time: each item may have a planned duration
// (plan_item), and Schedule reckons from them, and from when the current
// item was taken up, when the order of the day will be through.

// maxPlannedMinutes bounds an item's planned duration (a day).
const maxPlannedMinutes = 24 * 60

// PlanItem gives an item of the order of the day a planned duration in
// minutes (0 takes the plan away).
type PlanItem struct {
	Item    string `json:"item" plenum:"required,id"`
	Minutes int    `json:"minutes" plenum:"positive"`
}

func (PlanItem) CommandName() string { return "plan_item" }

// ItemPlanned: an item was given a planned duration.
type ItemPlanned struct {
	Meta    `json:"meta"`
	Item    string `json:"item"`
	Minutes int    `json:"minutes"`
}

func (ItemPlanned) EventType() string { return "item_planned" }

func (c PlanItem) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator plans the order of the day")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if c.Minutes > maxPlannedMinutes {
		return nil, fieldErr("minutes", "%d minutes is more than a day; plan an item in minutes, at most %d", c.Minutes, maxPlannedMinutes)
	}
	if it.Status == ItemStatusClosed {
		return nil, closed("the item %s is closed; only an item still to be discussed is planned", c.Item)
	}
	return one(ItemPlanned{Meta: m, Item: c.Item, Minutes: c.Minutes})
}

func (e ItemPlanned) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || e.Minutes < 0 {
		return corrupt("the item %q cannot be planned", e.Item)
	}
	it.Minutes = e.Minutes
	return nil
}

// Schedule is the order of the day in time, at a moment.
type Schedule struct {
	// Current is the item under discussion, or nil; TakenUp is when it
	// was last taken up (zero if the record does not say).
	Current *Item
	TakenUp time.Time
	// Over is how far the current item has run past its plan (0 when
	// within it or not planned).
	Over time.Duration
	// Next are the items still to be discussed after it (open, not
	// tabled), in order.
	Next []*Item
	// Unplanned counts the current and next items without a planned
	// duration: the estimate leaves them out.
	Unplanned int
	// End is when the order of the day will be through if the items
	// take their planned time from now: the rest of the current item's
	// plan, then the next items'. Zero when no sitting is open, nothing
	// is left, or nothing left is planned.
	End time.Time
}

// Schedule reckons the order of the day at now.
func (s *State) Schedule(now time.Time) Schedule {
	var sc Schedule
	st := s.Sitting()
	if st == nil {
		return sc
	}
	left, planned := time.Duration(0), 0
	if it := s.Items[st.CurrentItem]; it != nil {
		sc.Current = it
		sc.TakenUp = s.takenUp(it.ID)
		if it.Minutes == 0 {
			sc.Unplanned++
		} else {
			planned++
			plan := time.Duration(it.Minutes) * time.Minute
			elapsed := time.Duration(0)
			if !sc.TakenUp.IsZero() && now.After(sc.TakenUp) {
				elapsed = now.Sub(sc.TakenUp)
			}
			if elapsed > plan {
				sc.Over = elapsed - plan
			} else {
				left += plan - elapsed
			}
		}
	}
	for _, id := range s.ItemOrder {
		it := s.Items[id]
		if it.Status != ItemStatusOpen {
			continue
		}
		sc.Next = append(sc.Next, it)
		if it.Minutes == 0 {
			sc.Unplanned++
		} else {
			planned++
		}
		left += time.Duration(it.Minutes) * time.Minute
	}
	if planned > 0 {
		sc.End = now.Add(left)
	}
	return sc
}

// takenUp is when an item was last taken up, from the record.
func (s *State) takenUp(item string) time.Time {
	for i := len(s.Record) - 1; i >= 0; i-- {
		if r := s.Record[i]; r.Kind == "item_taken_up" && r.Ref == item {
			return r.At
		}
	}
	return time.Time{}
}

func init() {
	registerCommands(PlanItem{})
	registerEvents(ItemPlanned{})
}
