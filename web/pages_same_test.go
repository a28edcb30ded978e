package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"plenum/auth"
	"plenum/i18n"
	"plenum/web"
)

// The pages most fetched (the delegate's page, whole and as its live
// fragment; the chair's console and its fragment; the projector) are made
// cheaper to render now and then: fewer actions of the templates, parts
// kept across renders. Such a change must not change a byte of what they
// show. TestPagesRenderTheSame renders them over fixed halls at a fixed
// clock, in every language of i18n, for delegates who have voted and who
// have not, in the hall and out of it:
//
//   - every page twice, the first render with nothing kept yet (a fresh
//     server) and the second with whatever the first kept: the two must
//     be the same, once the random tokens are masked;
//   - with PLENUM_PAGES_SAVE=DIR it writes them to DIR, and with
//     PLENUM_PAGES_COMPARE=DIR it compares them with those written
//     there: save on the commit before a change, compare after it.
//
// The halls' clocks, ids and names are fixed, so two runs render the
// same bytes but for the tokens masked (maskPage).

// fixedNow is the clock of the halls rendered.
var fixedNow = time.Date(2026, 5, 9, 10, 30, 0, 0, time.UTC)

// fixedOptions are the pages' options of the halls rendered: a fixed
// clock, zone and secret.
func fixedOptions() web.Options {
	return web.Options{BaseURL: hallBaseURL, Now: func() time.Time { return fixedNow }, Location: time.UTC, Secret: []byte("pages rendered the same, fixed secret")}
}

// pageToRender is one page of a hall: who asks (a person of the hall's
// sessions, "" for nobody), the path, and a form to post to it (nil: GET).
type pageToRender struct {
	name, who, path string
	form            url.Values
}

// renderedHall is a hall and its sessions (person → session token).
type renderedHall struct {
	name     string
	h        *hall
	sessions map[string]string
}

// withSessions gives persons of h sessions, by token.
func withSessions(tb testing.TB, name string, h *hall, id string, persons ...string) renderedHall {
	tb.Helper()
	tokens, err := h.auth.NewSessions(context.Background(), id, persons)
	if err != nil {
		tb.Fatal(err)
	}
	rh := renderedHall{name: name, h: h, sessions: map[string]string{}}
	for i, p := range persons {
		rh.sessions[p] = tokens[i]
	}
	return rh
}

// hallPages are the pages of a hall to render: each delegate's page whole
// and as its fragment, the chair's console and its hall tab and their
// fragments, the projector and its fragment.
func hallPages(id, chair string, delegates ...string) []pageToRender {
	base := "/a/" + id + "/"
	var out []pageToRender
	for _, d := range delegates {
		out = append(out, pageToRender{"delegate-" + d, d, base + "delegate", nil}, pageToRender{"delegate-live-" + d, d, base + "delegate?fragment=live", nil})
	}
	if chair != "" {
		out = append(out, pageToRender{"chair", chair, base + "chair", nil}, pageToRender{"chair-live", chair, base + "chair?fragment=live", nil},
			pageToRender{"chair-hall", chair, base + "chair/hall", nil}, pageToRender{"chair-hall-live", chair, base + "chair/hall?fragment=live", nil})
	}
	return append(out, pageToRender{"projector", "", base + "projector", nil}, pageToRender{"projector-live", "", base + "projector?fragment=live", nil})
}

var (
	maskKey  = regexp.MustCompile(`web-[0-9a-f]{24}`)
	maskCSRF = regexp.MustCompile(`name="csrf" value="[0-9a-f]+"`)
)

// maskPage masks what differs on every render or every run: the
// idempotency keys (fresh on every render) and the anti-forgery token
// (of the session, random).
func maskPage(page []byte) []byte {
	page = maskKey.ReplaceAll(page, []byte("web-KEY"))
	return maskCSRF.ReplaceAll(page, []byte(`name="csrf" value="CSRF"`))
}

// render renders p of rh in lang (the language switch's cookie; the
// projector by ?lang=, as its screen is opened for a language) and
// returns the page masked.
func (rh renderedHall) render(tb testing.TB, p pageToRender, lang string) []byte {
	tb.Helper()
	path := p.path
	if p.who == "" {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "lang=" + lang
	}
	req := httptest.NewRequest("GET", path, nil)
	if p.form != nil {
		form := url.Values{"csrf": {rh.csrf(tb, p.who)}}
		for k, v := range p.form {
			form[k] = v
		}
		req = httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "http://"+req.Host)
	}
	req.AddCookie(&http.Cookie{Name: i18n.Cookie, Value: lang})
	if p.who != "" {
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: rh.sessions[p.who]})
	}
	w := httptest.NewRecorder()
	rh.h.srv.Config.Handler.ServeHTTP(w, req)
	if w.Code != http.StatusOK {
		tb.Fatalf("%s %s %s: %d %s", rh.name, p.name, lang, w.Code, w.Body)
	}
	return maskPage(w.Body.Bytes())
}

// csrf is the anti-forgery token of who's session, as their page has it.
func (rh renderedHall) csrf(tb testing.TB, who string) string {
	tb.Helper()
	req := httptest.NewRequest("GET", "/a/"+rh.h.asm+"/delegate", nil)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: rh.sessions[who]})
	w := httptest.NewRecorder()
	rh.h.srv.Config.Handler.ServeHTTP(w, req)
	m := csrfRe.FindStringSubmatch(w.Body.String())
	if m == nil {
		tb.Fatalf("%s: no form token on %s's page", rh.name, who)
	}
	return m[1]
}

// sameHalls are the halls TestPagesRenderTheSame renders, each with the
// pages of it: a small hall at several steps of a sitting, the hall of
// ten thousand the benchmarks read, and (unless -short) the demo.
func sameHalls(t *testing.T) map[string]func() (renderedHall, []pageToRender) {
	small := func(steps func(h *hall)) func() (renderedHall, []pageToRender) {
		return func() (renderedHall, []pageToRender) {
			h := newEmptyHallWith(t, fixedOptions(), nil)
			h.at = fixedNow.Add(-2 * time.Hour)
			h.setup()
			tourSteps(h)
			steps(h)
			rh := withSessions(t, "small", h, asm, "chair", "anna", "boris", "clara", "dmitri")
			return rh, hallPages(asm, "chair", "anna", "boris", "clara", "dmitri")
		}
	}
	halls := map[string]func() (renderedHall, []pageToRender){
		// A vote and an election open: boris has voted, anna has voted
		// in the election, clara neither, dmitri's mandate is not checked.
		"small-open": func() (renderedHall, []pageToRender) {
			rh, pages := small(func(*hall) {})()
			base := "/a/" + asm + "/delegate"
			return rh, append(pages,
				pageToRender{"draft-vote-clara", "clara", base, url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"against"}}},
				pageToRender{"draft-election-boris", "boris", base, url.Values{"step": {"check"}, "election": {"e1"}, "a:ranking:rank": {"1:rosa", "2:ivan", "", ""}}},
				pageToRender{"draft-election-twice-clara", "clara", base, url.Values{"step": {"check"}, "election": {"e1"}, "a:ranking:rank": {"1:rosa", "1:ivan", "", ""}}},
				pageToRender{"fill-election-clara", "clara", base, url.Values{"step": {"fill"}, "election": {"e1"}, "a:ranking:rank": {"1:rosa", "2:ivan", "", ""}}},
			)
		},
		// The same, boris (voted) and clara (not) out of the hall.
		"small-left": small(func(h *hall) {
			h.must("sec", "leave_hall", obj{"persons": []string{"boris", "clara"}})
		}),
		// The vote and the election declared, a secret vote open in which
		// anna has voted; boris has the floor.
		"small-declared": small(func(h *hall) {
			h.must("clara", "cast_ballot", obj{"vote": "v1", "voter": "clara", "choice": "against"})
			h.must("chair", "close_vote", obj{"vote": "v1"})
			h.must("chair", "declare_result", obj{"vote": "v1"})
			h.must("boris", "cast_election_ballot", obj{"election": "e1", "voter": "boris", "ranking": []string{"ivan", "rosa"}})
			h.must("chair", "close_election", obj{"election": "e1"})
			h.must("chair", "declare_election", obj{"election": "e1"})
			h.must("chair", "give_floor", obj{"item": "i1"})
			h.must("chair", "open_vote", obj{"id": "v2", "motion": "m1", "method": "secret"})
			h.must("anna", "cast_ballot", obj{"vote": "v2", "voter": "anna", "choice": "for"})
			h.must("sec", "leave_hall", obj{"persons": []string{"clara"}})
		}),
		// Nothing open: the last outcome is the election's.
		"small-after": small(func(h *hall) {
			h.must("chair", "withdraw_vote", obj{"vote": "v1", "reason": "Put again later", "consent": "No objection"})
			h.must("chair", "close_election", obj{"election": "e1"})
			h.must("chair", "declare_election", obj{"election": "e1"})
		}),
		// A show of hands counted twice, closed: the chair's card asks how
		// the assembly consented to a withdrawal after a count.
		"small-hands": small(func(h *hall) {
			h.must("chair", "withdraw_vote", obj{"vote": "v1", "reason": "Put again later", "consent": "No objection"})
			h.must("chair", "open_vote", obj{"id": "v2", "motion": "m2", "method": "show_of_hands"})
			h.must("chair", "enter_count", obj{"vote": "v2", "for": "1", "against": "1"})
			h.must("chair", "enter_count", obj{"vote": "v2", "for": "2", "against": "1"})
			h.must("chair", "close_vote", obj{"vote": "v2"})
		}),
		// A roll call on competing drafts, anna has voted; the election
		// declared.
		"small-drafts": small(func(h *hall) {
			h.must("chair", "withdraw_vote", obj{"vote": "v1", "reason": "Put again later", "consent": "No objection"})
			h.must("chair", "close_election", obj{"election": "e1"})
			h.must("chair", "declare_election", obj{"election": "e1"})
			h.must("chair", "open_vote", obj{"id": "v2", "motion": "m2", "method": "show_of_hands"})
			h.must("chair", "enter_count", obj{"vote": "v2", "for": "2", "against": "1"})
			h.must("chair", "close_vote", obj{"vote": "v2"})
			h.must("chair", "declare_result", obj{"vote": "v2"})
			h.must("chair", "move_motion", obj{"id": "m3", "kind": "substantive", "title": "The members' draft", "text": "The meeting adopts the members' budget.", "item": "i1"})
			h.must("chair", "group_alternatives", obj{"id": "g1", "title": "The budget drafts", "motions": []string{"m1", "m3"}})
			h.must("chair", "open_vote", obj{"id": "v3", "alternatives": "g1", "method": "roll_call"})
			h.must("anna", "cast_ballot", obj{"vote": "v3", "voter": "anna", "choice": "m3"})
		}),
		// The hall of ten thousand during its vote: p1 has voted, p9999
		// has not, p10 never arrived, p2 voted and left the hall, p3 left
		// before voting.
		"big": func() (renderedHall, []pageToRender) {
			h, _ := bigHallWith(t, fixedOptions(), 10_000, 3_000)
			h.must("chair", "leave_hall", obj{"persons": []string{"p2", "p3999"}})
			rh := withSessions(t, "big", h, asm, "chair", "p1", "p2", "p10", "p3999", "p9999")
			pages := hallPages(asm, "chair", "p1", "p2", "p10", "p3999", "p9999")
			// The hall's pickers, searched on the server, and the
			// searches behind them.
			base := "/a/" + asm + "/"
			for i, q := range []string{"delegate+12", "DÉLÉGATE+3999", "p2", "9+delegate+99", "1", "nobody"} {
				n := strconv.Itoa(i)
				pages = append(pages,
					pageToRender{"hall-search-in-" + n, "chair", base + "chair/hall?find-l-persons=" + q, nil},
					pageToRender{"hall-search-live-" + n, "chair", base + "chair/hall?find-l-persons=" + q + "&find-r-persons=" + q + "&fragment=live", nil},
					pageToRender{"choices-in-" + n, "chair", base + "choices/in-hall?q=" + q, nil},
					pageToRender{"choices-out-" + n, "chair", base + "choices/out-of-hall?q=" + q, nil},
					pageToRender{"choices-all-" + n, "chair", base + "choices/persons?q=" + q, nil})
			}
			return rh, pages
		},
	}
	// A motion submitted with supporters, recommended on and changed by
	// the committee, amended twice on the same lines; and carried.
	for _, carried := range []bool{false, true} {
		name := map[bool]string{false: "motions-open", true: "motions-carried"}[carried]
		halls[name] = func() (renderedHall, []pageToRender) {
			h := newCongressHallWith(t, fixedOptions(), fixedNow)
			motionPaperSteps(h, "Wages", "W", "The wage round", "Two years are too short.", "Packaging", carried)
			rh := withSessions(t, name, h, asm, "hans")
			// Not the record: its checkpoint is signed with the hall's
			// key, made at random.
			return rh, append(motionPages("hans"), motionPages("")...)
		}
	}
	if !testing.Short() {
		halls["demo"] = func() (renderedHall, []pageToRender) {
			h := newEmptyHallWith(t, fixedOptions(), nil)
			id := h.replay(filepath.Join("..", "demo", "march-1917.jsonl"))
			h.asm = id
			rh := withSessions(t, "demo", h, id, "nogin", "daineko", "restorer")
			return rh, hallPages(id, "nogin", "daineko", "restorer")
		}
	}
	return halls
}

// languages are the languages the pages are rendered in: every one of
// the switch, and the pseudo-locale.
func renderLanguages() []string {
	var out []string
	for _, l := range i18n.Languages {
		out = append(out, l.Tag)
	}
	return append(out, i18n.Pseudo)
}

func TestPagesRenderTheSame(t *testing.T) {
	save, compare := os.Getenv("PLENUM_PAGES_SAVE"), os.Getenv("PLENUM_PAGES_COMPARE")
	halls := sameHalls(t)
	names := make([]string, 0, len(halls))
	for name := range halls {
		names = append(names, name)
	}
	sort.Strings(names)
	rendered, differ := 0, 0
	for _, name := range names {
		rh, pages := halls[name]()
		for _, lang := range renderLanguages() {
			for _, p := range pages {
				first := rh.render(t, p, lang)
				if again := rh.render(t, p, lang); !bytes.Equal(first, again) {
					t.Errorf("%s %s in %s: rendered again, the page differs: %s", name, p.name, lang, firstDifference(first, again))
				}
				rendered++
				file := fmt.Sprintf("%s.%s.%s.html", name, p.name, lang)
				if save != "" {
					if err := os.MkdirAll(save, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(save, file), first, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if compare != "" {
					before, err := os.ReadFile(filepath.Join(compare, file))
					if err != nil {
						t.Errorf("%s: %v", file, err)
						continue
					}
					if !bytes.Equal(before, first) {
						differ++
						t.Errorf("%s differs from the page saved: %s", file, firstDifference(before, first))
					}
				}
			}
		}
	}
	t.Logf("%d pages rendered, %d differ from those saved", rendered, differ)
}

// firstDifference shows where a and b first differ.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d:\n  was %q\n  now %q", i, a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}
