package minutes

import "plenum/assembly"

// inOrder is the record in the order the minutes tell it: the log's,
// except that a speech whose notes name the floor turn they belong to
// (RecordSpeech.Floor: the secretaries of 1917 wrote their notes up after
// the fact, often after the vote that followed) stands right after that
// turn's entry, after any speech placed there before it, and no longer
// where its notes were entered. A record without such a speech — every
// log written before the field existed — is returned as it is, so its
// minutes do not change by a byte.
func inOrder(s *assembly.State) []assembly.RecordEntry {
	placed := map[int][]assembly.RecordEntry{} // turn's entry → its speeches
	for _, r := range s.Record {
		if at := placedAt(s, r); at != 0 {
			placed[at] = append(placed[at], r)
		}
	}
	if len(placed) == 0 {
		return s.Record
	}
	out := make([]assembly.RecordEntry, 0, len(s.Record))
	for _, r := range s.Record {
		if placedAt(s, r) != 0 {
			continue
		}
		out = append(out, r)
		out = append(out, placed[r.Entry]...)
	}
	return out
}

// placedAt is the entry of the floor turn a speech entry is placed after,
// or zero: not a speech, or one recorded where it stands.
func placedAt(s *assembly.State, r assembly.RecordEntry) int {
	if r.Kind != "speech_recorded" {
		return 0
	}
	sp := s.Speeches[r.Ref]
	if sp == nil || sp.Floor == 0 {
		return 0
	}
	if _, ok := s.RecordIndex[sp.Floor]; !ok {
		return 0
	}
	return sp.Floor
}
