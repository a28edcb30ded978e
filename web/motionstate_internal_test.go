package web

import (
	"net/url"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
)

// TestEveryMotionStateHasItsFlash: set_motion_state says, in every
// language, which state it put the motion in — a sentence of its own for
// each state a workflow may lead a motion to (every state of the rules
// but those only a vote gives) — and its general words for a state the
// rules of an assembly made up.
func TestEveryMotionStateHasItsFlash(t *testing.T) {
	states := []string{assembly.MotionStatusSubmitted, assembly.MotionStatusAdmitted, assembly.MotionStatusNotAdmitted, assembly.MotionStatusPending,
		assembly.MotionStatusWithdrawn, assembly.MotionStatusReferred, assembly.MotionStatusLapsed, assembly.MotionStatusOvertaken}
	for _, lang := range i18n.Languages {
		l := i18n.For(lang.Tag)
		general := done(l, "set_motion_state", 7, "")
		said := map[string]string{}
		for _, st := range states {
			got := done(l, doneCmd(l, "set_motion_state", url.Values{"a:state": {st}}), 7, "")
			if got == general {
				t.Errorf("%s: a motion put in the state %s: the page says only %q", lang.Tag, st, got)
			}
			if other, ok := said[got]; ok {
				t.Errorf("%s: the states %s and %s both say %q", lang.Tag, other, st, got)
			}
			said[got] = st
		}
		if got := done(l, doneCmd(l, "set_motion_state", url.Values{"a:state": {"deferred"}}), 7, ""); got != general {
			t.Errorf("%s: a state of the assembly's own workflow says %q, want the general %q", lang.Tag, got, general)
		}
	}
}
