package assembly

import "slices"

// The reporters of an item are changed (set_reporters): in 1917 an item
// had its reporter and one or more co-reporters, each of whom reported
// and summed up, and who they were was settled, or changed, after the
// order of the day was drawn up. The command names the reporters and the
// co-reporters the item is to have, both lists whole (either may be
// empty); whoever may add items may change them. A closed item keeps
// those who reported on it: its discussion is over.

// SetReporters gives an item of the order of the day its reporters and
// co-reporters.
type SetReporters struct {
	Item        string   `json:"item" plenum:"required,id"`
	Reporters   []string `json:"reporters" plenum:"id"`
	CoReporters []string `json:"co_reporters" plenum:"id"`
}

func (SetReporters) CommandName() string { return "set_reporters" }

// ReportersSet: an item's reporters and co-reporters are now those named.
type ReportersSet struct {
	Meta        `json:"meta"`
	Item        string   `json:"item"`
	Reporters   []string `json:"reporters"`
	CoReporters []string `json:"co_reporters"`
}

func (ReportersSet) EventType() string { return "reporters_set" }

func (c SetReporters) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator may change the reporters of an item")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Status == ItemStatusClosed {
		return nil, closed("the item %s is closed; its reporters have reported and are not changed", c.Item)
	}
	if err := s.personsExist("reporters", c.Reporters); err != nil {
		return nil, err
	}
	if err := s.personsExist("co_reporters", c.CoReporters); err != nil {
		return nil, err
	}
	for _, p := range c.CoReporters {
		if slices.Contains(c.Reporters, p) {
			return nil, fieldErr("co_reporters", "%s is named both as a reporter and as a co-reporter of %s; name them once", p, c.Item)
		}
	}
	if slices.Equal(c.Reporters, it.Reporters) && slices.Equal(c.CoReporters, it.CoReporters) {
		return nil, fieldErr("reporters", "the item %s already has these reporters and co-reporters", c.Item)
	}
	return one(ReportersSet{Meta: m, Item: c.Item, Reporters: c.Reporters, CoReporters: c.CoReporters})
}

func (e ReportersSet) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Status == ItemStatusClosed {
		return corrupt("the reporters of the item %q cannot be changed", e.Item)
	}
	it.Reporters, it.CoReporters = slices.Clone(e.Reporters), slices.Clone(e.CoReporters)
	return nil
}

func init() {
	registerCommands(SetReporters{})
	registerEvents(ReportersSet{})
}
