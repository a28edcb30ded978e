package assembly

// The majority the rules (the statutes) fix for the decision on an item
// is given when the item is added (add_item's threshold) or set later
// (set_item_threshold): a statutes change by two thirds. It is the rule
// the item's votes are put under, so it is settled before they are: once
// a vote on the item was opened, another majority is a departure (the
// chair's ruling or a suspension of the rules), not a change of the rule.

// SetItemThreshold sets the majority the rules fix for the decision on an
// item; an empty Threshold gives it back voting_threshold.
type SetItemThreshold struct {
	Item      string    `json:"item" plenum:"required,id"`
	Threshold Threshold `json:"threshold" plenum:"enum=majority_cast|majority_present|majority_members|two_thirds_cast|three_quarters_cast"`
}

func (SetItemThreshold) CommandName() string { return "set_item_threshold" }

// ItemThresholdSet: the majority the rules fix for an item's decision is
// now Threshold (empty: voting_threshold).
type ItemThresholdSet struct {
	Meta      `json:"meta"`
	Item      string    `json:"item"`
	Threshold Threshold `json:"threshold,omitempty"`
}

func (ItemThresholdSet) EventType() string { return "item_threshold_set" }

func (c SetItemThreshold) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator may set the majority an item needs")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if c.Threshold != "" && !c.Threshold.valid() {
		return nil, fieldErr("threshold", "the threshold must be one of %s, not %q", thresholdNames, c.Threshold)
	}
	if it.Status == ItemStatusClosed {
		return nil, closed("the item %s is closed; the majority it was decided by is not changed", c.Item)
	}
	if v := s.VoteOnItem(c.Item); v != "" {
		return nil, conflict("the vote %s on the item %s was opened under its majority; the rule is no longer changed: another majority is a departure (ruling or suspension of open_vote)", v, c.Item)
	}
	if c.Threshold == it.Threshold {
		return nil, fieldErr("threshold", "the item %s already needs %s", c.Item, s.itemThreshold(c.Item).words())
	}
	return one(ItemThresholdSet{Meta: m, Item: c.Item, Threshold: c.Threshold})
}

// VoteOnItem returns the first vote opened on the item, or "": once
// there is one, the item's majority is settled (the agenda tab offers
// set_item_threshold only before).
func (s *State) VoteOnItem(item string) string {
	for _, id := range s.VoteOrder {
		if s.Votes[id].Item == item {
			return id
		}
	}
	return ""
}

func (e ItemThresholdSet) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Status == ItemStatusClosed || e.Threshold != "" && !e.Threshold.valid() {
		return corrupt("the majority of the item %q cannot be set", e.Item)
	}
	it.Threshold = e.Threshold
	return nil
}

func init() {
	registerCommands(SetItemThreshold{})
	registerEvents(ItemThresholdSet{})
}
