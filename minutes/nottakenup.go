package minutes

// notTakenUp lists the items of the order of the day that no sitting took
// up, in the order the agenda gives them (Document.NotTakenUp): md/11,
// html/12 and akn/11 give them after the sittings, where the versions
// before left them out, and the order of the day of the 1917 record,
// nine items, read as if it had three.
func (b *builder) notTakenUp() {
	taken := map[string]bool{}
	for _, r := range b.s.Record {
		if r.Kind == "item_taken_up" {
			taken[r.Ref] = true
		}
	}
	for _, id := range b.s.ItemOrder {
		if !taken[id] {
			b.doc.NotTakenUp = append(b.doc.NotTakenUp, *b.item(id))
		}
	}
}
