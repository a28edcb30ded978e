package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"plenum/auth"
	"plenum/httpapi"
)

// live serves GET /a/{id}/live: server-sent events, one per durable ledger
// entry, as "id: INDEX" and "data: TYPE" (the event's type). The pages
// only learn that something happened and re-fetch their live regions, so
// the stream carries nothing that is not public, and the page, not the
// stream, decides what the viewer may see. A reconnecting browser sends
// Last-Event-ID and misses nothing; an index the log has not reached is
// refused with 409, as the API's stream does (httpapi.StreamStart), and
// streams are limited as the API's are (Options.Streams).
func (s *server) live(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok {
		return
	}
	// The stream says only that something happened: a participant's own
	// page needs it whatever the setting; anyone else reads it only where
	// they may read the record.
	if !auth.FromContext(r.Context()).In(a.ID()) && !s.mayRead(w, r, a, true) {
		return
	}
	feed := a.Feed()
	from, err := httpapi.StreamStart(r.Header.Get("Last-Event-ID"), feed.Next())
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, httpapi.ErrBeyondHead) {
			status = http.StatusConflict
		}
		http.Error(w, err.Error(), status)
		return
	}
	release, ok := s.opts.Streams.Enter(s.auth.ClientAddr(r), auth.FromContext(r.Context()))
	if !ok {
		w.Header().Set("Retry-After", "10")
		http.Error(w, httpapi.ErrTooManyStreams.Error(), http.StatusTooManyRequests)
		return
	}
	defer release()
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Time{}) // the server's read timeout is for requests, not for a stream
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 2000\n\n")
	if rc.Flush() != nil {
		return
	}
	ctx := r.Context()
	for {
		wctx, cancel := context.WithTimeout(ctx, s.opts.Heartbeat)
		ups, err := feed.Wait(wctx, from, 256)
		cancel()
		switch {
		case err == nil:
		case ctx.Err() != nil:
			return
		case errors.Is(err, context.DeadlineExceeded):
			fmt.Fprint(w, ": keep-alive\n\n")
			if rc.Flush() != nil {
				return
			}
			continue
		default:
			return // the feed closed: the browser reconnects
		}
		for _, u := range ups {
			fmt.Fprintf(w, "id: %d\ndata: %s\n\n", u.Index, u.Type)
			from = u.Index + 1
		}
		if rc.Flush() != nil {
			return
		}
	}
}
