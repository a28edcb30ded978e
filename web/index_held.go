package web

import (
	"plenum/httpapi"
	"plenum/i18n"
)

// heldLink is what the index page says of an assembly the server holds
// out at its start, its record damaged (Options.HeldOut): the damage and
// what the server's operator does, in the viewer's words. Nothing is read
// from its log: its id is all the page shows of it.
type heldLink struct {
	Reason, Todo string
}

// heldLinks are the assemblies the server holds out, for the index page,
// in l's words.
func (s *server) heldLinks(l *i18n.Locale) []assemblyLink {
	var out []assemblyLink
	for _, h := range s.heldOut() {
		out = append(out, assemblyLink{ID: h.ID, Held: &heldLink{Reason: h.Reason(l), Todo: h.Todo(l)}})
	}
	return out
}

// heldOut lists the assemblies the server holds out.
func (s *server) heldOut() []httpapi.HeldOut {
	if s.opts.HeldOut == nil {
		return nil
	}
	return s.opts.HeldOut()
}

// heldOutID is the assembly id the server holds out, or nil.
func (s *server) heldOutID(id string) *httpapi.HeldOut {
	for _, h := range s.heldOut() {
		if h.ID == id {
			return &h
		}
	}
	return nil
}
