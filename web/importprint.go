package web

// UnprintableNames is how many rows of the file bear a name the PDFs'
// font cannot print in full (unprintable: the mandate cards and the
// minutes as PDF print boxes for it). The import's preview, and its
// outcome, say so, with a link to print those cards from the browser
// (the mandates page's second button).
func (iv *importView) UnprintableNames() int {
	n := 0
	for _, r := range iv.Preview.Rows {
		if unprintable(r.Name) {
			n++
		}
	}
	return n
}
