package web

import (
	"errors"
	"net/http"

	"plenum/engine"
	"plenum/httpapi"
)

// forwardForm sends a page's form that this node's engine refused with
// engine.ErrNotWriter (err) to the node of the cluster that writes the
// assembly id (httpapi.ForwardTo: marked forwarded, one hop, the answer
// held until this node has read what the writer recorded or decided the
// form on), with body, the form as it came (nil: the form pageForm read,
// formBody); notWriter answers when there
// is no node to forward to, or it cannot be reached. It returns false,
// having written nothing, for another error.
func (s *server) forwardForm(w http.ResponseWriter, r *http.Request, id string, body []byte, err error, notWriter func(http.ResponseWriter, *http.Request)) bool {
	if !errors.Is(err, engine.ErrNotWriter) {
		return false
	}
	if body == nil {
		body = formBody(r)
	}
	target, ferr := s.writerOf(r, id)
	if ferr != nil {
		s.opts.Logger.Warn("web: a form for an assembly another node writes, not forwarded", "path", r.URL.Path, "assembly", id, "err", ferr)
		notWriter(w, r)
		return true
	}
	fw := w
	if s.auth.Secure(r) {
		// The writer cannot tell that the client came over https (the
		// request reached it from this node): the cookies of its answer
		// (a secret ballot's token) are marked Secure here.
		fw = secureCookies{w}
	}
	httpapi.ForwardTo(fw, r, s.opts.Forward, s.eng, s.opts.Logger, id, target, body, notWriter)
	return true
}

// formBody is a form pageForm has read (its body consumed), for
// forwardForm: its fields encoded again, as a form without files, which
// the request then says it is (a browser may have sent it as
// multipart/form-data).
func formBody(r *http.Request) []byte {
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return []byte(r.PostForm.Encode())
}

// notWriterFlash answers a page's form (pageForm's) that could not be
// forwarded to the node writing its assembly: back to the page, saying
// so, Retry-After 1.
func notWriterFlash(fail func(string), msg string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		fail(msg)
	}
}

// assemblyHere returns the assembly the request's path names: on a node
// of a cluster one created through another node a moment ago is opened
// first (httpapi.Discover: at most 2 s); past that the answer is 503,
// reload in a moment, not "there is no assembly". It returns nil and
// false for an assembly there is not; nil and true once it has answered.
func (s *server) assemblyHere(w http.ResponseWriter, r *http.Request) (*engine.Assembly, bool) {
	id := r.PathValue("id")
	if a, ok := s.eng.Assembly(id); ok || s.opts.Forward == nil {
		return a, false
	}
	a, err := httpapi.Discover(r.Context(), s.eng, id)
	if err != nil {
		s.opts.Logger.Warn("web: an assembly not yet opened on this node", "assembly", id, "err", err)
		w.Header().Set("Retry-After", "1")
		plainError(w, r, nil, http.StatusServiceUnavailable, "web.http.assembly_not_yet", id)
		return nil, true
	}
	return a, false
}
