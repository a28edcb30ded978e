package assembly

import "reflect"

// MayDo reports whether the rules let actor give the command c, as far as
// authority goes: c is decided on s as the rules decide it (s is not
// changed), and only a refusal for want of authority (ErrForbidden) says
// no. A command refused for what it names or for what already happened
// (an unknown id, a clash) is one actor may give: c may be the zero
// command (NewCommand), which asks whether actor may give such commands
// at all. The pages ask it to offer only the forms the rules take, so
// that a page cannot offer what the rules refuse, nor drift from them.
//
// It costs what deciding c costs: meant for the commands of the set-up
// pages, whose decisions are a few map look-ups.
func (s *State) MayDo(actor string, c Command) bool {
	if actor == "" || c == nil {
		return false
	}
	_, err := c.decide(s, Meta{Assembly: s.Assembly.ID, Actor: actor})
	return CodeOf(err) != ErrForbidden
}

// NewCommand is the zero command named name ("grant_role"), for MayDo,
// or false if there is no such command.
func NewCommand(name string) (Command, bool) {
	t, ok := commandTypes[name]
	if !ok {
		return nil, false
	}
	c, ok := reflect.New(t).Elem().Interface().(Command)
	return c, ok
}
