package httpapi

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"plenum/auth"
)

// TestStreamStart: where a stream resumes, for every Last-Event-ID.
func TestStreamStart(t *testing.T) {
	const head = 40
	for _, c := range []struct {
		last   string
		from   int64
		beyond bool
		bad    bool
	}{
		{"", head, false, false},
		{"-1", 0, false, false},
		{"0", 1, false, false},
		{"39", 40, false, false},
		{"40", 0, true, false},
		{"999999", 0, true, false},
		{strconv.FormatInt(math.MaxInt64, 10), 0, true, false}, // not MinInt64: not the whole log
		{"9223372036854775808", 0, false, true},
		{"-2", 0, false, true},
		{"abc", 0, false, true},
		{" 3", 0, false, true},
	} {
		from, err := StreamStart(c.last, head)
		switch {
		case c.beyond:
			if !errors.Is(err, ErrBeyondHead) || !strings.Contains(err.Error(), "the log holds 40 events") {
				t.Errorf("%q: %d %v, want beyond the head", c.last, from, err)
			}
		case c.bad:
			if err == nil || errors.Is(err, ErrBeyondHead) {
				t.Errorf("%q: %d %v, want malformed", c.last, from, err)
			}
		case err != nil || from != c.from:
			t.Errorf("%q: %d %v, want %d", c.last, from, err, c.from)
		}
	}
}

// TestStreamStartSaysItInEnglish: a refused Last-Event-ID's Go error is
// the catalog's English, counted as English counts ("1 event", not
// "1 events"), and still says which refusal it is.
func TestStreamStartSaysItInEnglish(t *testing.T) {
	for _, c := range []struct {
		last string
		head int64
		want string
	}{
		{"1", 1, "the log holds 1 event (index 0), so this stream cannot resume after 1;"},
		{"7", 3, "the log holds 3 events (indexes 0 to 2), so this stream cannot resume after 7;"},
		{"x", 3, `must be an event index, -1 or more, not "x"`},
	} {
		_, err := StreamStart(c.last, c.head)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "%!") {
			t.Errorf("StreamStart(%q, %d): %v, want it to say %q", c.last, c.head, err, c.want)
		}
		if beyond := c.last != "x"; errors.Is(err, ErrBeyondHead) != beyond {
			t.Errorf("StreamStart(%q, %d): %v is ErrBeyondHead: %v, want %v", c.last, c.head, err, !beyond, beyond)
		}
	}
}

// TestEventsBeyondTheHead: a Last-Event-ID the log has not reached is a
// clear 409 on the API's stream, never a silent stream, and the largest
// int64 does not wrap round to replay the whole log.
func TestEventsBeyondTheHead(t *testing.T) {
	w := newWorld(t, 1)
	d1 := w.as("d1")
	for _, last := range []string{"999999", strconv.FormatInt(math.MaxInt64, 10)} {
		for _, who := range []*client{d1, w.public()} {
			r := who.do("GET", "/api/assemblies/coop/events", "", "Last-Event-ID", last)
			if r.status != http.StatusConflict || !strings.Contains(r.problem().Detail, "beyond the log's head") {
				t.Errorf("Last-Event-ID %s: %d %s", last, r.status, r.body)
			}
			r = who.do("GET", "/api/assemblies/coop/events?after="+last, "")
			if r.status != http.StatusConflict {
				t.Errorf("after=%s: %d %s", last, r.status, r.body)
			}
		}
	}
}

// TestPublicStreamLimits: 3,000 public streams from one address get the
// limit's worth and a clear 429 for the rest; logged-in persons are not
// counted against the address, and a closed stream frees its place.
func TestPublicStreamLimits(t *testing.T) {
	w := newWorld(t, 1)
	gate := NewStreamGate(20, 100)
	w.api.opts.Streams = gate
	open := 0
	var limited response
	var bodies []func()
	for range 3000 {
		req, _ := http.NewRequest("GET", w.srv.URL+"/api/assemblies/coop/events", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode == 200 {
			open++
			bodies = append(bodies, func() { res.Body.Close() })
			continue
		}
		if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
			t.Fatalf("stream %d: %d", open, res.StatusCode)
		}
		limited.status = res.StatusCode
		res.Body.Close()
	}
	if open != 20 || limited.status != 429 {
		t.Fatalf("%d public streams open from one address, want 20", open)
	}
	if pub, _ := gate.Open(); pub != 20 {
		t.Fatalf("the gate counts %d", pub)
	}
	// A logged-in delegate still gets a stream.
	s := w.stream(w.as("d1"), "")
	s.res.Body.Close()
	// Closing the streams frees the places.
	for _, c := range bodies {
		c()
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if pub, _ := gate.Open(); pub == 0 {
			break
		}
		if time.Now().After(deadline) {
			pub, _ := gate.Open()
			t.Fatalf("%d streams still counted after their clients left", pub)
		}
		time.Sleep(50 * time.Millisecond) // the stream notices at its next write (heartbeat 100 ms)
	}
}

// TestStreamGate counts per address, in all and per person.
func TestStreamGate(t *testing.T) {
	g := NewStreamGate(2, 3)
	var rel []func()
	for i, c := range []struct {
		addr string
		ok   bool
	}{{"a", true}, {"a", true}, {"a", false}, {"b", true}, {"c", false}} {
		r, ok := g.Enter(c.addr, nil)
		if ok != c.ok {
			t.Fatalf("%d (%s): %v", i, c.addr, ok)
		}
		if ok {
			rel = append(rel, r)
		}
	}
	rel[0]()
	rel[0]() // twice is once
	if _, ok := g.Enter("c", nil); !ok {
		t.Fatal("a freed place was not given again")
	}
	if _, ok := g.Enter("d", nil); ok {
		t.Fatal("the total was exceeded after a double release")
	}
	sess := &auth.Session{Assembly: "coop", Person: "d1"}
	for i := range 17 {
		if _, ok := g.Enter("a", sess); ok != (i < 16) {
			t.Fatalf("person's stream %d: %v", i, ok)
		}
	}
	var nilGate *StreamGate
	if _, ok := nilGate.Enter("x", nil); !ok {
		t.Fatal("a nil gate refused")
	}
}
