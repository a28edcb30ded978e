package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestBenchHTTPAnswerFromServer reads net/http's own answers, on one
// keep-alive connection: a small JSON answer as httpapi writes it (with
// a Content-Length), a chunked one (flushed, and above net/http's
// buffer), one that sets a cookie, a 204 and an error: each whole, and
// the next request answered on the same connection, so that no byte of
// an answer is left behind or taken from the next.
func TestBenchHTTPAnswerFromServer(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 700) // 11,200 bytes
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/json": // as httpapi's writeJSON
			body, _ := io.ReadAll(r.Body)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusCreated)
			w.Write([]byte(`{"got":` + strconv.Quote(string(body)) + `}`))
			w.Write([]byte("\n"))
		case "/chunked":
			w.Write([]byte(big[:100]))
			w.(http.Flusher).Flush()
			w.Write([]byte(big[100:]))
		case "/cookie":
			http.SetCookie(w, &http.Cookie{Name: "plenum_session", Value: "tok-1", Path: "/", HttpOnly: true})
			http.SetCookie(w, &http.Cookie{Name: "other", Value: "x"})
		case "/empty":
			w.WriteHeader(http.StatusNoContent)
		default:
			http.Error(w, "no such page", http.StatusNotFound)
		}
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	c, err := dialHTTP(context.Background(), host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	deadline := time.Now().Add(10 * time.Second)
	for _, tc := range []struct {
		req     []byte
		status  int
		body    string
		cookies int
	}{
		{httpRequest("POST", host, "/json", []string{"Content-Type: application/json"}, `{"a":1}`), 201, `{"got":"{\"a\":1}"}` + "\n", 0},
		{httpRequest("GET", host, "/chunked", nil, ""), 200, big, 0},
		{httpRequest("GET", host, "/cookie", nil, ""), 200, "", 2},
		{httpRequest("GET", host, "/empty", nil, ""), 204, "", 0},
		{httpRequest("GET", host, "/nothing", nil, ""), 404, "no such page\n", 0},
		{httpRequest("POST", host, "/json", nil, ""), 201, `{"got":""}` + "\n", 0},
	} {
		a, err := c.roundTrip(tc.req, deadline, 1<<20)
		if err != nil {
			t.Fatalf("%q: %v", tc.req, err)
		}
		if a.status != tc.status || string(a.body) != tc.body || len(a.cookies) != tc.cookies || a.close {
			t.Errorf("%q: status %d, body %d bytes %.40q, cookies %q, close %v; want %d, %d bytes %.40q, %d cookies", tc.req, a.status, len(a.body), a.body, a.cookies, a.close, tc.status, len(tc.body), tc.body, tc.cookies)
		}
		if tc.cookies > 0 {
			if ck, err := http.ParseSetCookie(a.cookies[0]); err != nil || ck.Name != "plenum_session" || ck.Value != "tok-1" {
				t.Errorf("cookie %q: %v %v", a.cookies[0], ck, err)
			}
		}
		if !c.open() {
			t.Fatalf("%q: the connection was closed", tc.req)
		}
	}
	// keep bounds what is kept of a body; the rest is read all the same.
	a, err := c.roundTrip(httpRequest("GET", host, "/chunked", nil, ""), deadline, 10)
	if err != nil || string(a.body) != big[:10] {
		t.Fatalf("keep 10: %q %v", a.body, err)
	}
	if a, err = c.roundTrip(httpRequest("GET", host, "/empty", nil, ""), deadline, 10); err != nil || a.status != 204 {
		t.Fatalf("after a body kept in part: %d %v", a.status, err)
	}
}

// TestBenchHTTPAnswer: well-formed answers in the forms HTTP/1.1 allows,
// and malformed ones, each an error that says what was wrong.
func TestBenchHTTPAnswer(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		status   int
		body     string
		close    bool
		err      string // a malformed answer: the error must contain it
	}{
		{name: "length", in: "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello", status: 201, body: "hello"},
		{name: "no reason", in: "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", status: 200},
		{name: "bare LF", in: "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi", status: 200, body: "hi"},
		{name: "chunked", in: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nTrailer: x\r\n\r\n", status: 200, body: "hello, world!!!"},
		{name: "same length twice", in: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nhi", status: 200, body: "hi"},
		{name: "interim answer", in: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi", status: 200, body: "hi"},
		{name: "no content", in: "HTTP/1.1 204 No Content\r\n\r\n", status: 204},
		{name: "connection close", in: "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy", status: 503, body: "busy", close: true},
		{name: "HTTP/1.0", in: "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi", status: 200, body: "hi", close: true},
		{name: "HTTP/1.0 keep-alive", in: "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nhi", status: 200, body: "hi"},

		{name: "nothing", in: "", err: "the connection closed before an answer"},
		{name: "truncated body", in: "HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"events\":", err: "cut short"},
		{name: "truncated headers", in: "HTTP/1.1 201 Created\r\nContent-Length: 100\r\n", err: "reading the headers"},
		{name: "truncated status line", in: "HTTP/1.1 20", err: "reading the status line"},
		{name: "truncated chunk", in: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nhello", err: "cut short"},
		{name: "no last chunk", in: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", err: "cut short"},
		{name: "chunk longer than its size", in: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n", err: "a chunk longer than its size"},
		{name: "bad chunk size", in: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\nhello\r\n", err: "bad chunk size line"},
		{name: "negative chunk size", in: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n", err: "bad chunk size line"},
		{name: "missing length", in: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}", err: "neither a Content-Length nor chunks"},
		{name: "bad status line", in: "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n", err: "bad status line"},
		{name: "bad status code", in: "HTTP/1.1 999 What\r\nContent-Length: 0\r\n\r\n", err: "bad status line"},
		{name: "status not digits", in: "HTTP/1.1 20a OK\r\nContent-Length: 0\r\n\r\n", err: "bad status line"},
		{name: "status too long", in: "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n", err: "bad status line"},
		{name: "bad protocol", in: "HTTX/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", err: "bad status line"},
		{name: "not HTTP", in: "SSH-2.0-OpenSSH_9.6\r\n", err: "bad status line"},
		{name: "HTTP/2", in: "HTTP/2 200\r\nContent-Length: 0\r\n\r\n", err: "bad status line"},
		{name: "bad length", in: "HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n", err: "bad Content-Length"},
		{name: "signed length", in: "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nhi", err: "bad Content-Length"},
		{name: "two lengths", in: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nhi!", err: "bad Content-Length"},
		{name: "length and chunks", in: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n", err: "both a Content-Length and chunks"},
		{name: "other coding", in: "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", err: "only chunked is understood"},
		{name: "header without colon", in: "HTTP/1.1 200 OK\r\nContent-Length 2\r\n\r\nhi", err: "bad header line"},
		{name: "space before colon", in: "HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nhi", err: "bad header line"},
		{name: "folded header", in: "HTTP/1.1 200 OK\r\nX-A: 1\r\n  2\r\nContent-Length: 0\r\n\r\n", err: "bad header line"},
		{name: "switching protocols", in: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", err: "switched protocols"},
		{name: "too large", in: "HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n", err: "above the"},
		{name: "line too long", in: "HTTP/1.1 200 OK\r\nX-Long: " + strings.Repeat("a", httpReadBuffer) + "\r\n\r\n", err: "a line longer than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			br := bufio.NewReaderSize(strings.NewReader(tc.in), httpReadBuffer)
			a, err := readHTTPAnswer(br, nil, 1<<20)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one saying %q (answer: status %d, body %q)", err, tc.err, a.status, a.body)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.status != tc.status || string(a.body) != tc.body || a.close != tc.close {
				t.Errorf("status %d, body %q, close %v; want %d, %q, %v", a.status, a.body, a.close, tc.status, tc.body, tc.close)
			}
			if rest, _ := io.ReadAll(br); len(rest) != 0 {
				t.Errorf("%q left unread", rest)
			}
		})
	}
}

// TestBenchBurstBadAnswers runs the vote's clients (voteClients) against a
// server that proves the connections properly and then answers ballots
// malformed: each such ballot is reported failed (status 0) with the
// reason, never counted; a well-formed 201 among them is counted.
func TestBenchBurstBadAnswers(t *testing.T) {
	answers := map[string]string{
		"p1": "HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"events\":",
		"p2": "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\r\n{}",
		"p3": "HTTP/1.1 20 Created\r\nContent-Length: 2\r\n\r\n{}",
		"p4": "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}",
		"p5": "",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "GET" && r.URL.Path == "/api/session" {
			w.Write([]byte(`{"logged_in":false}`))
			return
		}
		body, _ := io.ReadAll(r.Body)
		var voter string
		for p := range answers {
			if strings.Contains(string(body), `"voter":"`+p+`"`) {
				voter = p
			}
		}
		conn, bw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		bw.WriteString(answers[voter])
		bw.Flush()
		conn.Close()
	}))
	defer srv.Close()
	lines := runVoteClients(t, srv.URL, 5)
	want := map[int]string{0: "cut short", 1: "neither a Content-Length nor chunks", 2: "bad status line", 4: "the connection closed before an answer"}
	for i, l := range lines.b {
		if i == 3 {
			if l[2] != "201" {
				t.Errorf("ballot 4, answered 201 well-formed: %q", l)
			}
			continue
		}
		if l[2] != "0" || !strings.Contains(lines.e[i], want[i]) {
			t.Errorf("ballot %d: %q, why %q; want status 0 and %q", i+1, l, lines.e[i], want[i])
		}
	}
}

// TestBenchBurstRetries: with two nodes, a ballot whose node answers 503 or
// breaks its connection goes again, with its idempotency key, to the
// other node, on a connection of its own; one answered otherwise is not
// sent again.
func TestBenchBurstRetries(t *testing.T) {
	var keys atomic.Int64
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Idempotency-Key") == "ballot-v1" {
			keys.Add(1)
			w.WriteHeader(http.StatusCreated)
		}
		w.Write([]byte("{}"))
	}))
	defer ok.Close()
	var posts atomic.Int64
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "POST" {
			w.Write([]byte("{}"))
			return
		}
		switch body, _ := io.ReadAll(r.Body); {
		case strings.Contains(string(body), `"voter":"p1"`):
			http.Error(w, "not now", http.StatusServiceUnavailable)
		case strings.Contains(string(body), `"voter":"p3"`):
			conn, _, _ := http.NewResponseController(w).Hijack()
			conn.Close()
		default:
			http.Error(w, "refused", http.StatusConflict)
		}
		posts.Add(1)
	}))
	defer bad.Close()
	lines := runVoteClients(t, bad.URL+","+ok.URL, 6)
	// Ballots 1, 3, 5 go to bad first, 2, 4, 6 to ok.
	want := []string{"201 2", "201 1", "201 2", "201 1", "409 1", "201 1"}
	for i, l := range lines.b {
		if got := l[2] + " " + l[3]; got != want[i] {
			t.Errorf("ballot %d: status and attempts %q, want %q", i+1, got, want[i])
		}
	}
	if !strings.Contains(lines.e[4], `409 "refused\n"`) {
		t.Errorf("ballot 5's why: %q", lines.e[4])
	}
	if keys.Load() != 5 || posts.Load() != 3 {
		t.Errorf("%d ballots with their key on the good node, %d posts on the bad one; want 5 and 3", keys.Load(), posts.Load())
	}
}

type burstLines struct {
	b [][]string     // the fields of "b LATENCY STATUS ATTEMPTS", ballot by ballot
	e map[int]string // why ballot i (from 0) failed
}

// runVoteClients runs voteClients for n delegates against urls and
// returns what they reported.
func runVoteClients(t *testing.T, urls string, n int) burstLines {
	t.Helper()
	var in strings.Builder
	fmt.Fprintln(&in, n)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&in, "p%d token-%d\n", i, i)
	}
	in.WriteString("go\n")
	var out strings.Builder
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := runClients(ctx, strings.NewReader(in.String()), &out, []string{"vote", urls}, false); err != nil {
		t.Fatal(err)
	}
	l := burstLines{e: map[int]string{}}
	for line := range strings.SplitSeq(out.String(), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 4 && f[0] == "b":
			l.b = append(l.b, f)
		case len(f) >= 3 && f[0] == "e":
			i, _ := strconv.Atoi(f[1])
			_, why, _ := strings.Cut(line, f[1]+" ")
			l.e[i] = why
		}
	}
	if len(l.b) != n || !strings.Contains(out.String(), "\nend ") {
		t.Fatalf("%d ballot lines for %d delegates:\n%s", len(l.b), n, out.String())
	}
	return l
}

// TestBenchBurstWithoutGo: clients told to stop before "go" send no ballot,
// not even as a retry of the reads they had waiting, and return.
func TestBenchBurstWithoutGo(t *testing.T) {
	var posts atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "POST" {
			posts.Add(1)
		}
		w.Write([]byte("{}"))
	}))
	defer srv.Close()
	in := "3\np1 t1\np2 t2\np3 t3\n" // and no "go"
	var out strings.Builder
	err := runClients(context.Background(), strings.NewReader(in), &out, []string{"vote", srv.URL + "," + srv.URL}, false)
	if err == nil || !strings.Contains(err.Error(), "no go") {
		t.Fatalf("clients without go: %v", err)
	}
	time.Sleep(300 * time.Millisecond) // a retry would come 20 ms after its read failed
	if n := posts.Load(); n != 0 {
		t.Errorf("%d ballots sent without go", n)
	}
}

// TestBenchBurstHeldBack: clients told "go 2" send all but the last two
// ballots, and no more until the next line lets those go (a burst cannot
// end before; clusterVote's --kill mid lets them go at the kill); then
// all are answered. A bad count is refused before any is sent.
func TestBenchBurstHeldBack(t *testing.T) {
	var posts atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "POST" {
			posts.Add(1)
			w.WriteHeader(http.StatusCreated)
		}
		w.Write([]byte("{}"))
	}))
	defer srv.Close()
	inR, inW := io.Pipe()
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- runClients(context.Background(), inR, &out, []string{"vote", srv.URL}, false) }()
	fmt.Fprint(inW, "5\np1 t1\np2 t2\np3 t3\np4 t4\np5 t5\n")
	for deadline := time.Now().Add(time.Minute); !strings.Contains(out.String(), "ready"); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the clients did not get ready: %q", out.String())
		}
	}
	fmt.Fprintln(inW, "go 2")
	for deadline := time.Now().Add(time.Minute); posts.Load() < 3; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d ballots sent after go 2, want 3", posts.Load())
		}
	}
	time.Sleep(300 * time.Millisecond)
	if n := posts.Load(); n != 3 || strings.Contains(out.String(), "end ") {
		t.Fatalf("before the held ballots were let go: %d sent, output %q; want 3 and no end", n, out.String())
	}
	fmt.Fprintln(inW, "more")
	inW.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := posts.Load(); n != 5 || strings.Count(out.String(), "\nb ") != 5 || !strings.Contains(out.String(), "\nend ") {
		t.Errorf("after more: %d sent, output %q; want 5 answered and the end", n, out.String())
	}
	for _, bad := range []string{"go 6", "go -1", "go x", "going"} {
		if _, err := heldBack(bad, 5); err == nil {
			t.Errorf("heldBack(%q, 5) accepted", bad)
		}
	}
}
