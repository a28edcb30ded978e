package web

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"plenum/assembly"
)

// A page shows a form to those the rules let give its command, and asks
// the rules with the command as the form gives it: the arguments a form
// sends that say whom or what it acts on (the item, the person, the
// motion), by their names in the command's arguments, in pairs after the
// command's name:
//
//	{{if .May "request_floor" "item" .Item.ID "person" .Me.Person}}
//
// Without arguments it asks of the zero command (assembly.NewCommand),
// whom the rules let give such commands at all: enough where the
// authority is an office or a role (the chair's and the set-up pages'
// forms), and wrong where it depends on what the command names (a
// delegate asks for the floor, withdraws, supports or seconds in their
// own name): the zero command names nobody, and the rules refuse it to
// every delegate, or let everyone give it.
//
// May asks as far as authority goes (assembly.State.MayDo): for a form
// the viewer fills in (the kind of request, a motion's text), which the
// page shows with what the rules refuse besides ("the list is closed").
// Takes asks the whole decision: for a form that is one button, whose
// command is whole in the page, it is shown exactly when the rules would
// take it now (not one's own motion to support, not a second given
// twice).

// May reports whether the rules would let the viewer give the command
// cmd with the arguments args (pairs of an argument's name and its
// value), as far as authority goes (assembly.State.MayDo); "rules", the
// set-up page's form of the rules, is set_rules.
func (v *view) May(cmd string, args ...any) bool {
	if cmd == "rules" {
		cmd = "set_rules"
	}
	if !v.Me.LoggedIn || v.S == nil {
		return false
	}
	c, ok := formCommand(cmd, args)
	return ok && v.S.MayDo(v.Me.Person, c)
}

// Takes reports whether the rules would take the command cmd with the
// arguments args (as May takes them) from the viewer now, as
// assembly.Decide decides it on the page's state (which it does not
// change): the test of a form that is one button.
func (v *view) Takes(cmd string, args ...any) bool {
	c, ok := formCommand(cmd, args)
	return ok && v.takes(c)
}

// formCommand is the command named cmd with the arguments args, pairs
// of an argument's name, as the command's JSON names it, and a value of
// its type; false if there is no such command. An odd list, an argument
// the command does not have or a value of another type is a mistake in
// the page, not in what it shows: it panics, which fails the template
// (text/template turns the panic into the page's error), so the tests
// of the page find it.
func formCommand(cmd string, args []any) (assembly.Command, bool) {
	c, ok := assembly.NewCommand(cmd)
	if !ok || len(args) == 0 {
		return c, ok
	}
	if len(args)%2 != 0 {
		panic(fmt.Sprintf("web: May/Takes %q: the arguments are not in pairs of a name and a value: %v", cmd, args))
	}
	t := reflect.TypeOf(c)
	fields := argFields(t)
	p := reflect.New(t).Elem()
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			panic(fmt.Sprintf("web: May/Takes %q: argument %d is no name but %v", cmd, i, args[i]))
		}
		at, ok := fields[name]
		if !ok {
			panic(fmt.Sprintf("web: May/Takes %q: the command has no argument %q", cmd, name))
		}
		f := p.Field(at)
		val := reflect.ValueOf(args[i+1])
		if !val.IsValid() {
			continue // nil: the argument left out
		}
		if !val.Type().AssignableTo(f.Type()) {
			panic(fmt.Sprintf("web: May/Takes %q: the argument %q is a %s, not a %s", cmd, name, f.Type(), val.Type()))
		}
		f.Set(val)
	}
	return p.Interface().(assembly.Command), true
}

// argFieldsOf holds argFields by command type.
var argFieldsOf sync.Map // reflect.Type → map[string]int

// argFields are the indexes of a command's exported fields by the names
// of its JSON arguments.
func argFields(t reflect.Type) map[string]int {
	if m, ok := argFieldsOf.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = i
	}
	argFieldsOf.Store(t, m)
	return m
}
