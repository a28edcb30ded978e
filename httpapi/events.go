package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"plenum/auth"
	"plenum/engine"
)

// sseBatch is how many events one write sends at most.
const sseBatch = 256

// sseWriteTimeout bounds one write to a client; a client that does not
// read is dropped and reconnects later from its last event id.
const sseWriteTimeout = 10 * time.Second

// events serves GET /api/assemblies/{id}/events as server-sent events:
//
//	id: <ledger index>
//	event: <event type>
//	data: {"index": …, "type": …, "actor": …, "event": {…}}
//
// Every event is sent once it is durable. A client that reconnects sends
// Last-Event-ID (EventSource does so by itself) or ?after=<index>, and gets
// every event after it, nothing missed; without either the stream starts
// with the next event (?after=-1 sends the whole log). Visitors who are
// not logged in get only index and type, to know when to reload the public
// views. ?plain=1 leaves out the event: line, so that EventSource's
// onmessage sees every event. A comment line is sent every 15 s of quiet.
func (api *API) events(w http.ResponseWriter, r *http.Request) {
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return
	}
	full := auth.FromContext(r.Context()).In(a.ID())
	feed := a.Feed()
	from := feed.Next()
	last := r.Header.Get("Last-Event-ID")
	if v := r.URL.Query().Get("after"); v != "" && last == "" {
		last = v
	}
	if last != "" {
		n, err := strconv.ParseInt(last, 10, 64)
		if err != nil || n < -1 {
			problem(w, http.StatusBadRequest, "malformed", "after", "Last-Event-ID (or after) must be an event index")
			return
		}
		from = n + 1
	}
	plain := r.URL.Query().Get("plain") == "1"
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	// The response's own buffer (2 KiB, then the connection's 4 KiB) is
	// the only buffer: a connection costs little more than its goroutine.
	bw, ok := w.(streamWriter)
	if !ok {
		bw = stringWriter{w}
	}
	bw.WriteString("retry: 2000\n\n")
	if !api.flush(rc) {
		return
	}
	ctx := r.Context()
	for {
		wctx, cancel := context.WithTimeout(ctx, api.opts.Heartbeat)
		ups, err := feed.Wait(wctx, from, sseBatch)
		cancel()
		switch {
		case err == nil:
		case ctx.Err() != nil:
			return
		case errors.Is(err, context.DeadlineExceeded):
			bw.WriteString(": keep-alive\n\n")
			if !api.flush(rc) {
				return
			}
			continue
		default:
			return // the feed closed (shutdown) or the log failed: the client reconnects
		}
		for i := range ups {
			writeEvent(bw, &ups[i], full, plain)
		}
		if !api.flush(rc) {
			return
		}
		from = ups[len(ups)-1].Index + 1
	}
}

// streamWriter is what a http.ResponseWriter of net/http is.
type streamWriter interface {
	Write([]byte) (int, error)
	WriteString(string) (int, error)
}

type stringWriter struct{ http.ResponseWriter }

func (s stringWriter) WriteString(x string) (int, error) { return s.Write([]byte(x)) }

func (api *API) flush(rc *http.ResponseController) bool {
	rc.SetWriteDeadline(time.Now().Add(sseWriteTimeout))
	return rc.Flush() == nil
}

// writeEvent writes one event; the payload is the ledger entry's JSON,
// compact, so it fits on one data line.
func writeEvent(bw streamWriter, u *engine.Update, full, plain bool) {
	var num [20]byte
	idx := strconv.AppendInt(num[:0], u.Index, 10)
	bw.WriteString("id: ")
	bw.Write(idx)
	if !plain {
		bw.WriteString("\nevent: ")
		bw.WriteString(u.Type)
	}
	bw.WriteString("\ndata: {\"index\":")
	bw.Write(idx)
	bw.WriteString(",\"type\":\"")
	bw.WriteString(u.Type)
	bw.WriteString("\"")
	if full {
		bw.WriteString(",\"actor\":\"")
		bw.WriteString(u.Actor) // an id: letters, digits, - and _
		bw.WriteString("\",\"event\":")
		bw.Write(oneLine(u.Payload))
	}
	bw.WriteString("}\n\n")
}

// oneLine returns JSON without raw newlines (compact JSON has none; this
// guards the stream's framing anyway).
func oneLine(b []byte) []byte {
	for _, c := range b {
		if c == '\n' || c == '\r' {
			return compactJSON(b)
		}
	}
	return b
}
