package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// live serves GET /a/{id}/live: server-sent events, one per durable ledger
// entry, as "id: INDEX" and "data: TYPE" (the event's type). The pages
// only learn that something happened and re-fetch their live regions, so
// the stream carries nothing that is not public, and the page, not the
// stream, decides what the viewer may see. A reconnecting browser sends
// Last-Event-ID and misses nothing.
func (s *server) live(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok {
		return
	}
	feed := a.Feed()
	from := feed.Next()
	if last := r.Header.Get("Last-Event-ID"); last != "" {
		n, err := strconv.ParseInt(last, 10, 64)
		if err != nil || n < -1 {
			http.Error(w, "Last-Event-ID must be an event index", http.StatusBadRequest)
			return
		}
		from = n + 1
	}
	rc := http.NewResponseController(w)
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
