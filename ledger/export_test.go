package ledger

// SetSegmentBits makes audits check segments of 1<<b entries, until the
// returned function restores the default.
func SetSegmentBits(b int) (restore func()) {
	old := segmentBits
	segmentBits = b
	return func() { segmentBits = old }
}
