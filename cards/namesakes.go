package cards

import (
	"plenum/assembly"
	"plenum/internal/names"
)

// Namesakes returns the persons of s (by id) whose name another person
// of the assembly bears too (names.Namesakes, which the minutes share).
// The map is the caller's.
func Namesakes(s *assembly.State) map[string]bool { return names.Namesakes(s) }
