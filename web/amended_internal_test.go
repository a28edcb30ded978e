package web

import (
	"reflect"
	"testing"
)

// TestKeptBlocks: the paragraphs of a text as amended that stand as they
// were, in order, are kept; a changed, inserted or moved one is not.
func TestKeptBlocks(t *testing.T) {
	for _, c := range []struct {
		was, is []string
		want    []bool
	}{
		{[]string{"a", "b", "c"}, []string{"a", "x", "c", "d"}, []bool{true, false, true, false}},
		{[]string{"a", "b"}, []string{"b", "a"}, []bool{true, false}}, // one of them moved
		{nil, []string{"a"}, []bool{false}},
		{[]string{"a", "b", "c"}, []string{"a", "c"}, []bool{true, true}},
	} {
		if got := keptBlocks(c.was, c.is); !reflect.DeepEqual(got, c.want) {
			t.Errorf("keptBlocks(%q, %q) = %v, want %v", c.was, c.is, got, c.want)
		}
	}
}
