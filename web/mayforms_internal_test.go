package web

import (
	"fmt"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestFormCommand: .May and .Takes build the command a form gives from
// its arguments by their JSON names; without arguments it is the zero
// command; a mistake in the page's arguments panics with a message that
// says which (a template's call fails with it).
func TestFormCommand(t *testing.T) {
	c, ok := formCommand("request_floor", []any{"item", "i1", "person", "anna", "side", nil})
	if want := (assembly.RequestFloor{Item: "i1", Person: "anna"}); !ok || c != want {
		t.Errorf("got %#v, %v; want %#v", c, ok, want)
	}
	if c, ok := formCommand("second_motion", nil); !ok || c != (assembly.SecondMotion{}) {
		t.Errorf("without arguments: got %#v, %v; want the zero command", c, ok)
	}
	if _, ok := formCommand("no_such_command", []any{"item", "i1"}); ok {
		t.Error("a command that does not exist was made")
	}
	for _, bad := range []struct {
		args []any
		says string
	}{
		{[]any{"item"}, "not in pairs"},
		{[]any{7, "i1"}, "no name"},
		{[]any{"itme", "i1"}, `no argument "itme"`},
		{[]any{"item", 7}, `"item" is a string, not a int`},
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), bad.says) {
					t.Errorf("%v: got panic %v, want one saying %q", bad.args, r, bad.says)
				}
			}()
			formCommand("request_floor", bad.args)
		}()
	}
}
