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
// For the zero command to answer so, a command's decide refuses want of
// authority before it looks at the arguments, wherever the authority is
// an office or a role (TestMayDoZeroCommandRefusesWhomTheRulesRefuse):
// the commands of the set-up pages are all such. A sitting's chair is
// the open sitting's, as only the open sitting is acted on; with no
// sitting open the zero command of a sitting's command is refused for
// that, and MayDo says yes. Where the authority depends on what the
// command names — a voter casts their own ballot, persons record their
// own leaving and return, a delegate moves, submits, supports or
// withdraws in their own name or their delegation's, a trustee acts in
// their vote or election, a motion's state says who moves it there — the
// zero command names nothing, and MayDo says no to it only where the
// rules refuse the actor whatever it names and decide finds that before
// the missing arguments: a yes is no promise. The command with its
// arguments gives the answer there; the set-up pages ask of none of
// these.
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
