package assembly

import "strings"

// An item's title is corrected (retitle_item), as an assembly amends the
// wording of its order of the day: the item keeps its id, number, place,
// speakers' list and whatever refers to it, and the record keeps the
// title it had before. Whoever may add items may retitle them. A closed
// item is not retitled: it was dealt with under its title, which the
// votes and the minutes of its discussion give; a mistake in it is
// corrected in the minutes (correct_record). A tabled item is still on
// the order of the day, and may be.

// RetitleItem gives an item of the order of the day a corrected title.
type RetitleItem struct {
	Item   string `json:"item" plenum:"required,id"`
	Title  string `json:"title" plenum:"required"`
	Reason string `json:"reason"`
}

func (RetitleItem) CommandName() string { return "retitle_item" }

// ItemRetitled: an item's title was corrected from From to Title.
type ItemRetitled struct {
	Meta   `json:"meta"`
	Item   string `json:"item"`
	From   string `json:"from"`
	Title  string `json:"title"`
	Reason string `json:"reason,omitempty"`
}

func (ItemRetitled) EventType() string { return "item_retitled" }

func (c RetitleItem) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator may correct the title of an item")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Status == ItemStatusClosed {
		return nil, closed("the item %s is closed: it was dealt with under its title; correct the minutes instead (%s)", c.Item, CommandRef("correct_record"))
	}
	title := strings.TrimSpace(c.Title)
	if title == "" {
		return nil, fieldErr("title", "the new title of the item %s is blank; give the title it is to have", c.Item)
	}
	if title == it.Title {
		return nil, fieldErr("title", "the item %s already has this title; give the corrected one", c.Item)
	}
	return one(ItemRetitled{Meta: m, Item: c.Item, From: it.Title, Title: title, Reason: strings.TrimSpace(c.Reason)})
}

func (e ItemRetitled) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Status == ItemStatusClosed || it.Title != e.From || strings.TrimSpace(e.Title) == "" {
		return corrupt("the item %q cannot be retitled", e.Item)
	}
	it.Title = e.Title
	// The record: the new title, the old one, and why.
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item, r.Text, r.Label, r.Reason = e.Item, e.Title, e.From, e.Reason })
	return nil
}

func init() {
	registerCommands(RetitleItem{})
	registerEvents(ItemRetitled{})
}
