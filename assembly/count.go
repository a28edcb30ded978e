package assembly

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Count is a number of votes as the minutes give it: exact (Min == Max), a
// range when the tellers disagreed ("62-68"), or a word: "rest" (all the
// other votes), "majority" or "minority" when the minutes state only that,
// or "unstated" for the side the minutes do not give ("The majority in favor").
type Count struct {
	Min  int    `json:"min"`
	Max  int    `json:"max"`
	Word string `json:"word"`
}

// Exact returns a count of n.
func Exact(n int) Count { return Count{Min: n, Max: n} }

// IsExact reports whether the count is one number.
func (c Count) IsExact() bool { return c.Word == "" && c.Min == c.Max }

// MarshalJSON writes a number, "min-max" or the word.
func (c Count) MarshalJSON() ([]byte, error) {
	switch {
	case c.Word != "":
		return json.Marshal(c.Word)
	case c.Min == c.Max:
		return []byte(strconv.Itoa(c.Min)), nil
	}
	return json.Marshal(fmt.Sprintf("%d-%d", c.Min, c.Max))
}

// UnmarshalJSON reads a number, a range "62-68" (or with an en dash), or
// one of the words rest, majority, minority.
func (c *Count) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] != '"' {
		n, err := strconv.Atoi(string(b))
		if err != nil || n < 0 {
			return reason("a count must be a whole number, a range \"62-68\", \"rest\", \"majority\" or \"minority\", not %s", b)
		}
		*c = Exact(n)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	p, err := ParseCount(s)
	if err != nil {
		return err
	}
	*c = p
	return nil
}

// ParseCount reads a count written as text.
func ParseCount(s string) (Count, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "rest", "majority", "minority", "unstated":
		return Count{Word: s}, nil
	}
	s2 := strings.ReplaceAll(s, "–", "-")
	lo, hi, isRange := strings.Cut(s2, "-")
	a, err1 := strconv.Atoi(strings.TrimSpace(lo))
	if !isRange {
		if err1 != nil || a < 0 {
			return Count{}, reason("a count must be a whole number, a range \"62-68\", \"rest\", \"majority\" or \"minority\", not %q", s)
		}
		return Exact(a), nil
	}
	b, err2 := strconv.Atoi(strings.TrimSpace(hi))
	if err1 != nil || err2 != nil || a < 0 || b < a {
		return Count{}, reason("a range of votes is written low-high, e.g. \"62-68\", not %q", s)
	}
	return Count{Min: a, Max: b}, nil
}

// String says the count in words for the minutes.
func (c Count) String() string {
	switch c.Word {
	case "rest":
		return "all the others"
	case "majority":
		return "the majority"
	case "minority":
		return "a minority"
	case "unstated":
		return "not stated"
	}
	if c.Min == c.Max {
		return strconv.Itoa(c.Min)
	}
	return fmt.Sprintf("%d–%d", c.Min, c.Max)
}
