package web

import (
	"net/http"
	"net/url"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/i18n"
)

// Who may read an assembly's record is httpapi.MayRead's to say; the pages
// ask it for every page of the record, the minutes, the roster and the
// live stream, and show its refusal (httpapi.ReadRefusalIn, in the
// request's language) with the login
// form.

// ownPage reports whether a page is the viewer's own, open to them
// whatever the assembly's setting: a delegate's page shows what they act
// on (their mandate, the question before them, their place on the list),
// and the sessions page lists where they are logged in.
func ownPage(name string) bool { return name == "delegate" || name == "trustee" || name == "sessions" }

// mayRead reports whether the request may read a's record; otherwise it
// has answered with the refusal (as a page, or as text for a script or a
// download when plain is set).
func (s *server) mayRead(w http.ResponseWriter, r *http.Request, a *engine.Assembly, plain bool) bool {
	sess := auth.FromContext(r.Context())
	status, why := 0, ""
	a.Read(func(st *assembly.State) {
		if !httpapi.MayRead(st, sess) {
			status, why = httpapi.ReadRefusalIn(st, sess, i18n.Choose(r, st.Assembly.Language))
		}
	})
	if why == "" {
		return true
	}
	s.closed(w, r, status, plain, why)
	return false
}

// closed answers a request for a record the viewer may not read: the
// login form with the reason, or the reason alone (plain) for a script,
// a fragment or a download.
func (s *server) closed(w http.ResponseWriter, r *http.Request, status int, plain bool, why string) {
	if plain || r.Method != http.MethodGet {
		http.Error(w, why, status)
		return
	}
	next := r.URL.RequestURI()
	if u, err := url.Parse(next); err != nil || !auth.LocalPath(u.Path) {
		next = ""
	}
	s.render(w, r, status, "login", "layout", &view{Page: "login", Title: i18n.Choose(r, "").T("web.login") + " · plenum", Next: next, Flash: &flash{Error: true, Text: why}})
}
