package web

import "net/http"

// What a reader needs to check a receipt or the record themselves: the
// verifier key the server signs its checkpoints with (served at /key) and
// the address of the assembly's log as the browser reaches the server
// (/log/<id>/, the --url of plenum verify).

// checkInfo is the verifier key and the log's address for pages that
// say how to check (the receipt page, the record page).
type checkInfo struct {
	Key, LogURL string
}

// checkInfoOf is checkInfo of the assembly id, for request r; nil when
// the server states no verifier key.
func (s *server) checkInfoOf(r *http.Request, id string) *checkInfo {
	if s.opts.VerifierKey == "" {
		return nil
	}
	return &checkInfo{Key: s.opts.VerifierKey, LogURL: s.baseURL(r) + "/log/" + id + "/"}
}
