// Package gcpercent lets parts of a process change the garbage
// collector's GOGC for a while without undoing each other's changes:
// each holds the value it wants (Hold) until it lets go, and the
// collector runs at the strongest of them — off if any wants it off
// (or it was off before the first), else the highest of the wanted
// values and the one set before the first hold. When the last lets go,
// the value before the first is set back.
//
// Two parts change it: the engine while it opens (400, so that a
// replay's short-lived garbage is not marked beside a growing state
// again and again) and the quiet collector while it touches the heap's
// headroom (off, so that touching it starts no cycle).
package gcpercent

import (
	"runtime/debug"
	"sync"
)

var held struct {
	sync.Mutex
	wants  map[*int]int // each hold's wanted value
	before int          // GOGC before the first hold
}

// Hold sets GOGC to at least want (a negative want: off) until release
// is called; release is safe to call more than once.
func Hold(want int) (release func()) {
	held.Lock()
	defer held.Unlock()
	if len(held.wants) == 0 {
		held.before = debug.SetGCPercent(-1)
		debug.SetGCPercent(held.before)
		held.wants = map[*int]int{}
	}
	key := new(int)
	held.wants[key] = want
	apply()
	return func() {
		held.Lock()
		defer held.Unlock()
		if _, ok := held.wants[key]; !ok {
			return
		}
		delete(held.wants, key)
		if len(held.wants) == 0 {
			debug.SetGCPercent(held.before)
			return
		}
		apply()
	}
}

// apply sets GOGC to what the holds want together.
func apply() {
	v := held.before
	for _, w := range held.wants {
		switch {
		case v < 0 || w < 0:
			v = -1
		case w > v:
			v = w
		}
	}
	debug.SetGCPercent(v)
}
