package web

// PickReporters is the picker of the agenda tab's form that sets the
// reporters of the item id (set_reporters): its reporters, or with co its
// co-reporters, ticked already, since the command takes both lists whole
// and a form that began empty would take away whoever the chair did not
// tick again.
func (v *view) PickReporters(id string, co bool) Picker {
	it := v.S.Items[id]
	elem, name, label, now := "rep-"+id, "a:reporters:list", v.L.T("web.ca.reporters"), []string(nil)
	if co {
		elem, name, label = "corep-"+id, "a:co_reporters:list", v.L.T("web.ca.co_reporters")
	}
	if it != nil {
		now = it.Reporters
		if co {
			now = it.CoReporters
		}
	}
	opts := []string{"many"}
	for _, p := range now {
		opts = append(opts, "selected="+p)
	}
	return v.PickPerson(elem, name, label, opts...)
}
