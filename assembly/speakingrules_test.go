package assembly

import "testing"

// TestProcedureSpeechNotCountedAmongSpeeches: a speech for or against a
// procedural motion, given ahead of the list, is on the procedure: it does
// not use up one of the speeches the rules allow a person on the item
// (max_speeches). Before, m3, having spoken against closing the
// discussion, was refused his one speech on the question.
func TestProcedureSpeechNotCountedAmongSpeeches(t *testing.T) {
	h := fixture(t, "congress", `{"max_speeches":1}`)
	h.must("m1", "move_motion", `{"id":"p1","kind":"procedural","procedure":"close_discussion","title":"Close the discussion","item":"i1"}`)
	h.must("ann", "give_floor", `{"item":"i1","person":"m3","motion":"p1","side":"against"}`)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	h.must("m3", "request_floor", `{"item":"i1","person":"m3"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	h.refuse("m3", "request_floor", `{"item":"i1","person":"m3"}`, ErrConflict,
		"m3 has already spoken on i1 in this sitting; the rules of procedure allow one speech by one person on one question")
}
