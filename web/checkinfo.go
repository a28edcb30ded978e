package web

import (
	"net/http"

	"plenum/assembly"
	"plenum/auth"
	"plenum/httpapi"
)

// What a reader needs to check a receipt or the record themselves: the
// verifier key the server signs its checkpoints with (served at /key) and
// the address of the assembly's log as the browser reaches the server
// (/log/<id>/, the --url of plenum verify).
//
// The log's address serves plenum verify only where the record is public:
// the program sends no session, and the server refuses the log's tiles
// (403) of a record open to participants or officers. There the pages
// leave --url out, say why, and name what checks instead: the receipt
// offline against the key, and the record file (/a/<id>/record.db) for
// whoever may read the record.

// checkInfo is the verifier key and the log's address for pages that
// say how to check (the receipt page, the record page).
type checkInfo struct {
	Key, LogURL string
	// Public: the record is public, so that plenum verify --url reads
	// the log at LogURL.
	Public bool
	// RecordFile: the record is not public, and the viewer may read it
	// (a participant where the record is open to participants): they
	// download the record file from the record page and check it with
	// plenum verify --db.
	RecordFile bool
	// FileName is the name the record file is saved under, at the log's
	// size now (recordFileName), as the record page names it.
	FileName string
}

// checkInfoOf is checkInfo of the assembly id, for request r; nil when
// the server states no verifier key.
func (s *server) checkInfoOf(r *http.Request, id string) *checkInfo {
	if s.opts.VerifierKey == "" {
		return nil
	}
	c := &checkInfo{Key: s.opts.VerifierKey, LogURL: s.baseURL(r) + "/log/" + id + "/", Public: true}
	if a, ok := s.eng.Assembly(id); ok {
		c.FileName = recordFileName(id, a.Log().Size())
		sess := auth.FromContext(r.Context())
		a.Read(func(st *assembly.State) {
			c.Public = st.RecordAccess() == assembly.RecordPublic
			c.RecordFile = !c.Public && httpapi.MayRead(st, sess)
		})
	}
	return c
}
