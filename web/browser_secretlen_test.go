package web_test

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"plenum/web"
)

// postRecorder keeps the bodies of the forms a browser posts to the
// ballot's two steps.
type postRecorder struct {
	mu    sync.Mutex
	posts []recordedPost
}

type recordedPost struct{ path, body string }

func (p *postRecorder) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "POST" && (r.URL.Path == "/a/coop/delegate" || r.URL.Path == "/a/coop/act") {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			p.mu.Lock()
			p.posts = append(p.posts, recordedPost{r.URL.Path, string(body)})
			p.mu.Unlock()
		}
		next.ServeHTTP(w, r)
	})
}

// take returns the posts recorded since the last take.
func (p *postRecorder) take() []recordedPost {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.posts
	p.posts = nil
	return out
}

// TestBrowserSecretBallotSameLength: what Chromium itself sends, with the
// page's script, at the draft and the confirming step of a secret vote is
// as long whatever the choice (three delegates, one choice each; the
// confirming form names the voter, whose id is taken out before the
// lengths are compared).
func TestBrowserSecretBallotSameLength(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	rec := &postRecorder{}
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL}, rec.wrap)
	h.setup()
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	s := newSession(t, h)
	lengths := map[string]map[string]int{} // step → choice → length
	for _, c := range []struct{ who, choice, shown string }{{"anna", "for", "FOR"}, {"boris", "against", "AGAINST"}, {"clara", "abstain", "ABSTAIN"}} {
		p := s.open(c.who, 390, 844, "/a/coop/delegate")
		rec.take()
		s.click(p, "#ballot button.choice-"+c.choice)
		s.until(p, "the confirmation step", contains("#ballot", "Cast your ballot: "+c.shown))
		s.click(p, "#ballot .confirm-btn")
		s.until(p, "the ballot's code", contains("#receipt-slot", "Keep this code"))
		for _, post := range rec.take() {
			form, err := url.ParseQuery(post.body)
			if err != nil {
				t.Fatalf("%s posted %q: %v", c.who, post.body, err)
			}
			step := "draft"
			if post.path == "/a/coop/act" {
				step = "confirm"
				if form.Get("cmd") != "cast_ballot" || strings.TrimSpace(form.Get("a:choice")) != c.choice {
					t.Fatalf("%s's confirming form: %q", c.who, post.body)
				}
			} else if strings.TrimSpace(form.Get("choice")) != c.choice {
				t.Fatalf("%s's draft: %q", c.who, post.body)
			}
			n := len(strings.Replace(post.body, "a%3Avoter="+c.who, "", 1))
			if lengths[step] == nil {
				lengths[step] = map[string]int{}
			}
			if was, ok := lengths[step][c.choice]; ok && was != n {
				t.Errorf("%s's %s step was sent with %d bytes and with %d", c.who, step, was, n)
			}
			lengths[step][c.choice] = n
		}
	}
	for _, step := range []string{"draft", "confirm"} {
		if len(lengths[step]) != 3 {
			t.Fatalf("the %s step was not seen for every choice: %v", step, lengths)
		}
		if lengths[step]["for"] != lengths[step]["against"] || lengths[step]["for"] != lengths[step]["abstain"] {
			t.Errorf("the %s step's bytes differ by the choice: %v", step, lengths[step])
		}
	}
	t.Logf("bytes sent by the choice: %v", lengths)
}
