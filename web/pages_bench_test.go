package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/web"
)

// bigHall is a congress of n delegates with verified decisive mandates,
// nine in ten of them arrived, a sitting chaired by "chair" with an item
// under discussion and the open roll-call vote v1 on its motion, in which
// cast delegates have voted: the hall that `plenum bench vote` reads
// during its burst of ballots. It returns the hall and the chair's
// session cookie.
func bigHall(tb testing.TB, n, cast int) (*hall, *http.Cookie) {
	tb.Helper()
	return bigHallWith(tb, web.Options{BaseURL: hallBaseURL}, n, cast)
}

// bigHallWith is bigHall served with the pages' options opts; with a
// clock (opts.Now) its commands are given an hour before it.
func bigHallWith(tb testing.TB, opts web.Options, n, cast int) (*hall, *http.Cookie) {
	tb.Helper()
	h := newEmptyHallWith(tb, opts, nil)
	if opts.Now != nil {
		h.at = opts.Now().Add(-time.Hour)
	}
	ctx := context.Background()
	if _, err := h.eng.Submit(ctx, assembly.Envelope{Cmd: "create_assembly", Actor: auth.AdminPerson, At: h.at,
		Args: mustJSON(tb, obj{"id": asm, "name": "Benchmark congress", "starts": "2026-05-09", "rules": "congress"})}); err != nil {
		tb.Fatal(err)
	}
	var metas []assembly.Meta
	var cmds []assembly.Command
	add := func(actor, cmd string, args any) {
		h.at = h.at.Add(time.Microsecond)
		env := assembly.Envelope{Cmd: cmd, Assembly: asm, Actor: actor, At: h.at, Args: mustJSON(tb, args)}
		c, err := assembly.ParseCommand(env)
		if err != nil {
			tb.Fatalf("%s: %v", cmd, err)
		}
		metas, cmds = append(metas, env.Meta()), append(cmds, c)
	}
	admin := auth.AdminPerson
	add(admin, "add_organization", obj{"id": "org", "name": "The Federation", "kind": "delegating"})
	add(admin, "add_person", obj{"id": "chair", "name": "The Chair"})
	add(admin, "grant_role", obj{"person": "chair", "role": "chair"})
	for i := 1; i <= n; i++ {
		p := "p" + strconv.Itoa(i)
		add(admin, "add_person", obj{"id": p, "name": "Delegate " + strconv.Itoa(i)})
		add(admin, "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "org", "kind": "decisive"})
		add(admin, "verify_mandate", obj{"mandate": "m-" + p})
		if i%10 != 0 {
			add(admin, "check_in", obj{"person": p})
		}
	}
	add("chair", "open_sitting", obj{"id": "s1", "title": "First sitting", "date": "2026-05-09", "chair": "chair"})
	add("chair", "add_item", obj{"id": "i1", "title": "The budget"})
	add("chair", "take_up_item", obj{"item": "i1"})
	add("chair", "move_motion", obj{"id": "mo1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chair"})
	add("chair", "open_vote", obj{"id": "v1", "motion": "mo1", "method": "roll_call"})
	for i := 1; i <= n && cast > 0; i++ {
		if i%10 == 0 {
			continue
		}
		p := "p" + strconv.Itoa(i)
		add(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": []string{"for", "against", "abstain"}[i%3]})
		cast--
	}
	a, _ := h.eng.Assembly(asm)
	for start := 0; start < len(cmds); start += 4096 {
		end := min(start+4096, len(cmds))
		if _, i, err := a.SubmitAll(ctx, metas[start:end], cmds[start:end]); err != nil {
			tb.Fatalf("%s: %v", cmds[start+i].CommandName(), err)
		}
	}
	tokens, err := h.auth.NewSessions(ctx, asm, []string{"chair", "p1"})
	if err != nil {
		tb.Fatal(err)
	}
	h.codes = map[string]string{"chair": tokens[0], "p1": tokens[1]}
	return h, &http.Cookie{Name: auth.CookieName, Value: tokens[0]}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

func mustJSON(tb testing.TB, v any) json.RawMessage {
	raw, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

// BenchmarkChairPage10000 renders the pages `plenum bench vote` reads
// while 10,000 delegates vote (the chair's console, whole and as the
// live fragment the script fetches on every event), and the other pages
// of the hall that show the vote, in an assembly of 10,000 delegates with
// 3,000 ballots cast: through the server's handler (the session
// middleware, the page handler) without the network.
func BenchmarkChairPage10000(b *testing.B) {
	h, _ := bigHall(b, 10_000, 3_000)
	benchPages(b, h, []pageCase{
		{"chair", "chair", "/a/" + asm + "/chair", "Adopt the budget"},
		{"chair-live", "chair", "/a/" + asm + "/chair?fragment=live", "Adopt the budget"},
		{"chair-hall", "chair", "/a/" + asm + "/chair/hall", "Who left the hall"},
		{"chair-hall-live", "chair", "/a/" + asm + "/chair/hall?fragment=live", "In the hall"},
		{"chair-hall-live-search", "chair", "/a/" + asm + "/chair/hall?find-l-persons=delegate+12&fragment=live", "In the hall"},
		{"choices-in-hall", "chair", "/a/" + asm + "/choices/in-hall?q=delegate+12", `"label":"Delegate 12"`},
		{"projector", "chair", "/a/" + asm + "/projector", "Adopt the budget"},
		{"delegate", "p1", "/a/" + asm + "/delegate", "Adopt the budget"},
	})
}

// pageCase is a page a benchmark renders: name, the viewer (of h.codes),
// the path, and what the page must show.
type pageCase struct{ name, who, path, want string }

// benchPages renders each page of cases through h's handler (the session
// middleware, the page handler) without the network, as b's
// sub-benchmarks, reporting the allocations, the process's CPU time
// (cpu-ns/op: the clock's time is not the CPU's on a shared machine)
// and the page's size.
func benchPages(b *testing.B, h *hall, cases []pageCase) {
	handler := h.srv.Config.Handler
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", c.path, nil)
			req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: h.codes[c.who]})
			var w *httptest.ResponseRecorder
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				w = httptest.NewRecorder()
				handler.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", c.path, w.Code, w.Body)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
			if !strings.Contains(w.Body.String(), c.want) {
				b.Fatalf("%s does not show %q", c.path, c.want)
			}
			b.ReportMetric(float64(w.Body.Len()), "B/page")
		})
	}
}

// BenchmarkChairPageAfterBallots10000 renders the chair's console as the
// live fragment the script fetches on every event, once after each batch
// of ballots of a burst (five ballots a batch, submitted to the engine
// and durable before the render; not timed), in the hall of
// BenchmarkChairPage10000: the first render of each new readers' state.
// When everyone present has voted in a vote, another is opened (not
// timed). cpu-ns/op is the process's CPU time of the renders alone.
func BenchmarkChairPageAfterBallots10000(b *testing.B) {
	h, cookie := bigHall(b, 10_000, 3_000)
	handler := h.srv.Config.Handler
	a, _ := h.eng.Assembly(asm)
	ctx := context.Background()
	vote, votes, next := "v1", 1, 3_334 // the first 3,000 of those arrived have voted
	submit := func(metas []assembly.Meta, cmds []assembly.Command) {
		if _, i, err := a.SubmitAll(ctx, metas, cmds); err != nil {
			b.Fatalf("%s: %v", cmds[i].CommandName(), err)
		}
	}
	req := httptest.NewRequest("GET", "/a/"+asm+"/chair?fragment=live", nil)
	req.AddCookie(cookie)
	var w *httptest.ResponseRecorder
	var cpu time.Duration
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		var metas []assembly.Meta
		var cmds []assembly.Command
		for len(cmds) < 5 {
			if next%10 == 0 {
				next++ // not arrived
			}
			if next > 10_000 {
				votes++
				vote, next = "v"+strconv.Itoa(votes), 1
				h.at = h.at.Add(time.Microsecond)
				submit([]assembly.Meta{{Assembly: asm, Actor: "chair", At: h.at}},
					[]assembly.Command{assembly.OpenVote{ID: vote, Question: "Question " + vote, Method: "roll_call"}})
			}
			p := "p" + strconv.Itoa(next)
			next++
			h.at = h.at.Add(time.Microsecond)
			metas = append(metas, assembly.Meta{Assembly: asm, Actor: p, At: h.at})
			cmds = append(cmds, assembly.CastBallot{Vote: vote, Voter: p, Choice: "for"})
		}
		submit(metas, cmds)
		b.StartTimer()
		c := cpuTime()
		w = httptest.NewRecorder()
		handler.ServeHTTP(w, req)
		cpu += cpuTime() - c
		if w.Code != http.StatusOK {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	if !strings.Contains(w.Body.String(), "Adopt the budget") {
		b.Fatal("the console does not show the vote")
	}
}

// BenchmarkDelegatePage10000 renders a delegate's page (whole, and as the
// live fragment the script fetches on every event) in an assembly of
// 11,112 delegates, 10,001 of them arrived, during the vote v1 in which
// 10,000 have voted: for one who has not voted yet (p11112) and for the
// last who did (p11111). Whether the viewer has voted was a walk of every
// ballot on each render.
func BenchmarkDelegatePage10000(b *testing.B) {
	h, _ := bigHall(b, 11_112, 10_000)
	tokens, err := h.auth.NewSessions(context.Background(), asm, []string{"p11111", "p11112"})
	if err != nil {
		b.Fatal(err)
	}
	h.codes["p11111"], h.codes["p11112"] = tokens[0], tokens[1]
	benchPages(b, h, []pageCase{
		{"not-voted", "p11112", "/a/" + asm + "/delegate", `name="vote" value="v1"`},
		{"not-voted-live", "p11112", "/a/" + asm + "/delegate?fragment=live", `name="vote" value="v1"`},
		{"voted-last", "p11111", "/a/" + asm + "/delegate", "Adopt the budget"},
	})
}
