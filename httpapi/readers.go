package httpapi

import (
	"net/http"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/i18n"
)

// Who may read an assembly's record is decided here, once, for the pages
// (package web), the API, the documents offered for download and the
// log's tiles: MayRead applies the assembly's setting
// (assembly.State.MayReadRecord) to a session. The signed checkpoint is
// open to anyone whatever the setting.

// MayRead reports whether the session sess (nil for a visitor) may read
// the record of the assembly whose state is s. Call it inside
// (*engine.Assembly).Read.
func MayRead(s *assembly.State, sess *auth.Session) bool {
	return s.MayReadRecord(readerOf(s, sess))
}

// readerOf is the person MayReadRecord asks about: the session's person in
// this assembly, the server administrator, or "" for a visitor.
func readerOf(s *assembly.State, sess *auth.Session) string {
	if sess == nil || !sess.In(s.Assembly.ID) {
		return ""
	}
	return actor(sess)
}

// MayReadAssembly reports whether the request's session may read the
// record of the assembly id, for callers that hold no state (the log's
// tiles); exists is false when the engine has no such assembly.
func MayReadAssembly(eng *engine.Engine, r *http.Request, id string) (ok, exists bool) {
	a, exists := eng.Assembly(id)
	if !exists {
		return false, false
	}
	sess := auth.FromContext(r.Context())
	a.Read(func(s *assembly.State) { ok = MayRead(s, sess) })
	return ok, true
}

// ReadRefusal says why sess may not read the record of s, in English
// words for a person, with the HTTP status to answer (ReadRefusalIn).
func ReadRefusal(s *assembly.State, sess *auth.Session) (int, string) {
	return ReadRefusalIn(s, sess, nil)
}

// ReadRefusalIn says why sess may not read the record of s, in l's
// language, with the HTTP status to answer: 401 for a visitor who may log
// in to read, 403 for someone logged in who still may not.
func ReadRefusalIn(s *assembly.State, sess *auth.Session, l *i18n.Locale) (int, string) {
	loggedIn := readerOf(s, sess) != ""
	switch {
	case s.RecordAccess() == assembly.RecordParticipants:
		return http.StatusUnauthorized, l.T("api.read.participants", s.Assembly.Name)
	case loggedIn:
		return http.StatusForbidden, l.T("api.read.officers_only", s.Assembly.Name)
	}
	return http.StatusUnauthorized, l.T("api.read.officers_login", s.Assembly.Name)
}

// TilesReader is the test the log's tiles ask before serving anything but
// a checkpoint (tiles.Options.MayRead): MayReadAssembly of the engine's
// assemblies, after the request's session is looked up.
func TilesReader(eng *engine.Engine) func(r *http.Request, id string) bool {
	return func(r *http.Request, id string) bool {
		ok, exists := MayReadAssembly(eng, r, id)
		return ok || !exists
	}
}
