package web

import "plenum/assembly"

// MayAskFloor reports whether the rules let the viewer ask for the floor
// on the item under discussion in their own name, the command the
// delegate's page's form sends, with its arguments: the zero command
// (May) names nobody and is refused to every delegate, and a delegate
// whose mandate was rejected or is not yet verified is refused the
// floor (assembly's mayTakeFloor), so the page does not offer them a
// form the rules refuse.
func (v *view) MayAskFloor() bool {
	it := v.Item()
	if it == nil || !v.Me.LoggedIn {
		return false
	}
	return v.S.MayDo(v.Me.Person, assembly.RequestFloor{Item: it.ID, Person: v.Me.Person})
}
