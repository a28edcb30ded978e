package assembly

import "slices"

import "strings"

// AddItem adds an item to the order of the day.
type AddItem struct {
	ID          string   `json:"id" plenum:"required,id"`
	Title       string   `json:"title" plenum:"required"`
	Number      string   `json:"number"`
	Reporters   []string `json:"reporters" plenum:"id"`
	CoReporters []string `json:"co_reporters" plenum:"id"`
	Note        string   `json:"note"`
	// Threshold is the majority the rules (the statutes) fix for the
	// decision on this item: its substantive motions and a question put
	// on it take it, not voting_threshold (a statutes change by two
	// thirds). Empty: voting_threshold.
	Threshold Threshold `json:"threshold" plenum:"enum=majority_cast|majority_present|majority_members|two_thirds_cast|three_quarters_cast"`
}

// ReorderItems gives the open items a new order.
type ReorderItems struct {
	Items []string `json:"items" plenum:"required,id"`
}

// TakeUpItem makes an item the current item of the open sitting.
type TakeUpItem struct {
	Item string `json:"item" plenum:"required,id"`
}

// TableItem tables an item ("until fuller attendance").
type TableItem struct {
	Item  string `json:"item" plenum:"required,id"`
	Until string `json:"until"`
}

// ResumeItem takes a tabled item back.
type ResumeItem struct {
	Item string `json:"item" plenum:"required,id"`
}

// CloseItem closes an item.
type CloseItem struct {
	Item string `json:"item" plenum:"required,id"`
}

func (AddItem) CommandName() string      { return "add_item" }
func (ReorderItems) CommandName() string { return "reorder_items" }
func (TakeUpItem) CommandName() string   { return "take_up_item" }
func (TableItem) CommandName() string    { return "table_item" }
func (ResumeItem) CommandName() string   { return "resume_item" }
func (CloseItem) CommandName() string    { return "close_item" }

// ItemAdded: an item was added to the order of the day.
type ItemAdded struct {
	Meta        `json:"meta"`
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Number      string    `json:"number"`
	Reporters   []string  `json:"reporters"`
	CoReporters []string  `json:"co_reporters"`
	Note        string    `json:"note"`
	Threshold   Threshold `json:"threshold,omitempty"`
}

// ItemsReordered: the open items were put in a new order.
type ItemsReordered struct {
	Meta  `json:"meta"`
	Items []string `json:"items"`
}

// ItemTakenUp: an item became the current item.
type ItemTakenUp struct {
	Meta `json:"meta"`
	Item string `json:"item"`
}

// ItemStatusTabled: an item was tabled.
type ItemTabled struct {
	Meta  `json:"meta"`
	Item  string `json:"item"`
	Until string `json:"until"`
}

// ItemResumed: a tabled item was taken back.
type ItemResumed struct {
	Meta `json:"meta"`
	Item string `json:"item"`
}

// ItemStatusClosed: an item was closed.
type ItemClosed struct {
	Meta `json:"meta"`
	Item string `json:"item"`
}

func (ItemAdded) EventType() string      { return "item_added" }
func (ItemsReordered) EventType() string { return "items_reordered" }
func (ItemTakenUp) EventType() string    { return "item_taken_up" }
func (ItemTabled) EventType() string     { return "item_tabled" }
func (ItemResumed) EventType() string    { return "item_resumed" }
func (ItemClosed) EventType() string     { return "item_closed" }

func (s *State) item(id string) (*Item, error) {
	it := s.Items[id]
	if it == nil {
		return nil, notFound("there is no item %q on the order of the day", id)
	}
	return it, nil
}

func (c AddItem) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator may add items to the order of the day")
	}
	if s.Items[c.ID] != nil {
		return nil, conflict("there is already an item %q", c.ID)
	}
	if err := s.personsExist("reporters", c.Reporters); err != nil {
		return nil, err
	}
	if err := s.personsExist("co_reporters", c.CoReporters); err != nil {
		return nil, err
	}
	if c.Threshold != "" && !c.Threshold.valid() {
		return nil, fieldErr("threshold", "the threshold must be one of %s, not %q", thresholdNames, c.Threshold)
	}
	return one(ItemAdded{Meta: m, ID: c.ID, Title: c.Title, Number: c.Number, Reporters: c.Reporters, CoReporters: c.CoReporters, Note: c.Note,
		Threshold: c.Threshold})
}

func (e ItemAdded) apply(s *State) error {
	if e.ID == "" || s.Items[e.ID] != nil {
		return corrupt("the item %q cannot be added", e.ID)
	}
	it := Item{ID: e.ID, Title: e.Title, Number: e.Number, Reporters: slices.Clone(e.Reporters), CoReporters: slices.Clone(e.CoReporters), Note: e.Note,
		Threshold: e.Threshold, Status: ItemStatusOpen, Floor: Floor{Spoken: map[string]int{}}}
	s.Items[it.ID] = &it
	s.ItemOrder = append(s.ItemOrder, it.ID)
	return nil
}

func (c ReorderItems) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair may reorder the order of the day")
	}
	var open []string
	for _, id := range s.ItemOrder {
		if s.Items[id].Status != ItemStatusClosed {
			open = append(open, id)
		}
	}
	for _, id := range c.Items {
		it, err := s.item(id)
		if err != nil {
			return nil, err
		}
		if it.Status == ItemStatusClosed {
			return nil, fieldErr("items", "the item %s is closed and cannot be reordered", id)
		}
	}
	if len(c.Items) != len(open) {
		return nil, fieldErr("items", "name every open item once: %s", strings.Join(open, ", "))
	}
	return one(ItemsReordered{Meta: m, Items: c.Items})
}

func (e ItemsReordered) apply(s *State) error {
	var order []string
	pos := 0
	for _, id := range s.ItemOrder {
		if s.Items[id].Status == ItemStatusClosed {
			order = append(order, id)
			continue
		}
		if pos >= len(e.Items) || s.Items[e.Items[pos]] == nil {
			return corrupt("the new order does not name the open items")
		}
		order = append(order, e.Items[pos])
		pos++
	}
	if pos != len(e.Items) {
		return corrupt("the new order does not name the open items")
	}
	s.ItemOrder = order
	return nil
}

func (c TakeUpItem) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair may take up an item")
	}
	st := s.Sitting()
	if st == nil {
		return nil, closed("no sitting is open; an item is taken up in a sitting")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	switch it.Status {
	case ItemStatusClosed:
		return nil, closed("the item %s is closed", c.Item)
	case ItemStatusTabled:
		return nil, conflict("the item %s is tabled (%s); resume it first", c.Item, it.TabledUntil)
	}
	if st.CurrentItem == c.Item {
		return nil, conflict("the item %s is already under discussion", c.Item)
	}
	return one(ItemTakenUp{Meta: m, Item: c.Item})
}

func (e ItemTakenUp) apply(s *State) error {
	st, it := s.Sitting(), s.Items[e.Item]
	if st == nil || it == nil {
		return corrupt("the item %q cannot be taken up", e.Item)
	}
	if cur := s.Items[st.CurrentItem]; cur != nil && cur.Status == ItemStatusCurrent {
		cur.Status = ItemStatusOpen
	}
	st.CurrentItem, it.Status = e.Item, ItemStatusCurrent
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item, r.Text = e.Item, it.Title })
	return nil
}

func (c TableItem) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair may table an item")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	switch it.Status {
	case ItemStatusClosed:
		return nil, conflict("the item %s is already closed", c.Item)
	case ItemStatusTabled:
		return nil, conflict("the item %s is already tabled", c.Item)
	}
	return one(ItemTabled{Meta: m, Item: c.Item, Until: c.Until})
}

func (e ItemTabled) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Status == ItemStatusClosed || it.Status == ItemStatusTabled {
		return corrupt("the item %q cannot be tabled", e.Item)
	}
	s.endFloor(it, e.At)
	it.Status, it.TabledUntil = ItemStatusTabled, e.Until
	for _, st := range s.Sittings {
		if st.CurrentItem == e.Item {
			st.CurrentItem = ""
		}
	}
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item, r.Text = e.Item, e.Until })
	return nil
}

func (c ResumeItem) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair may resume an item")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Status != ItemStatusTabled {
		return nil, conflict("the item %s is not tabled", c.Item)
	}
	return one(ItemResumed{Meta: m, Item: c.Item})
}

func (e ItemResumed) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Status != ItemStatusTabled {
		return corrupt("the item %q is not tabled", e.Item)
	}
	it.Status, it.TabledUntil = ItemStatusOpen, ""
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item = e.Item })
	return nil
}

func (c CloseItem) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair may close an item")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Status == ItemStatusClosed {
		return nil, closed("the item %s is already closed", c.Item)
	}
	for _, id := range s.VoteOrder {
		if v := s.Votes[id]; v.Item == c.Item && v.Status == VoteStatusOpen {
			return nil, conflict("the vote %s on this item is still open", id)
		}
	}
	return one(ItemClosed{Meta: m, Item: c.Item})
}

func (e ItemClosed) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Status == ItemStatusClosed {
		return corrupt("the item %q cannot be closed", e.Item)
	}
	s.endFloor(it, e.At)
	it.Status = ItemStatusClosed
	for _, st := range s.Sittings {
		if st.CurrentItem == e.Item {
			st.CurrentItem = ""
		}
	}
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item = e.Item })
	return nil
}

func init() {
	registerCommands(AddItem{}, ReorderItems{}, TakeUpItem{}, TableItem{}, ResumeItem{}, CloseItem{})
	registerEvents(ItemAdded{}, ItemsReordered{}, ItemTakenUp{}, ItemTabled{}, ItemResumed{}, ItemClosed{})
}
