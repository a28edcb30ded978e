package ledger

// SetSegmentBits makes audits check segments of 1<<b entries, until the
// returned function restores the default.
func SetSegmentBits(b int) (restore func()) {
	old := segmentBits
	segmentBits = b
	return func() { segmentBits = old }
}

// SetMaxSegmentBlobBytes makes an audit's scanners read at most n bytes
// of payloads stored apart a segment, until the returned function
// restores the default.
func SetMaxSegmentBlobBytes(n int64) (restore func()) {
	old := maxSegmentBlobBytes
	maxSegmentBlobBytes = n
	return func() { maxSegmentBlobBytes = old }
}
