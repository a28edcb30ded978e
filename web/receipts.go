package web

import (
	"net/http"
	"strings"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
)

// receiptsHelp serves /a/{id}/receipt without an entry: the receipt
// page, in the reader's language, saying where a ballot's receipt is
// found (right after the ballot; a secret ballot's from the delegate's
// page with its code), rather than a bare error.
func (s *server) receiptsHelp(w http.ResponseWriter, r *http.Request, a *engine.Assembly, sess *auth.Session) {
	v := &view{Page: "receipt", ID: a.ID(), CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Loc: s.opts.Location, Query: r.URL.Query()}
	var buf strings.Builder
	var err error
	a.Read(func(st *assembly.State) {
		v.S, v.Me = st, identify(st, sess)
		localize(r, v)
		v.Title = v.L.T("web.title.receipt") + " · " + balanced(st.Assembly.Name)
		err = s.pages["receipt"].ExecuteTemplate(&buf, "layout", v)
	})
	s.sendReceiptPage(w, r, a, buf.String(), err)
}
