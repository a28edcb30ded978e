package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/assembly"
	"plenum/engine"
	"plenum/internal/ballotmodule"
	"plenum/ledger"
	"plenum/web"
)

var (
	moduleOnce sync.Once
	moduleDir  string
	moduleErr  error
)

// ballotModule builds the browser build of package ballot once per test
// binary into a folder, as an operator does for plenum serve
// --ballot-module.
func ballotModule(t testing.TB) string {
	t.Helper()
	moduleOnce.Do(func() {
		moduleDir, moduleErr = os.MkdirTemp("", "plenum-ballot-module-")
		if moduleErr == nil {
			moduleErr = ballotmodule.Build(moduleDir)
		}
	})
	if moduleErr != nil {
		t.Fatal(moduleErr)
	}
	return moduleDir
}

// bodies records the body of every request the server receives.
type bodies struct {
	mu  sync.Mutex
	all bytes.Buffer
}

func (b *bodies) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		b.mu.Lock()
		fmt.Fprintf(&b.all, "%s %s\n%s\n", r.Method, r.URL, body)
		b.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func (b *bodies) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.all.String()
}

// TestEncryptedVoteInTheBrowser: two trustees make their keys in their
// browsers, three delegates vote in theirs, the trustees decrypt the
// total and the projector shows the result; the server never had a
// choice, and the record passes plenum verify's audit.
func TestEncryptedVoteInTheBrowser(t *testing.T) {
	encryptedVoteInTheBrowser(t, []string{"sec", "mc"}, 2, []string{"sec", "mc"})
}

// TestEncryptedVoteTrusteeMissing: under 2 of 3, the third trustee takes
// part in the key ceremony but not in the decryption, and the count
// happens all the same.
func TestEncryptedVoteTrusteeMissing(t *testing.T) {
	encryptedVoteInTheBrowser(t, []string{"sec", "mc", "chair"}, 2, []string{"mc", "chair"})
}

func encryptedVoteInTheBrowser(t *testing.T, trustees []string, quorum int, decrypting []string) {
	module := ballotModule(t)
	rec := &bodies{}
	var logs bytes.Buffer
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, BallotModule: module, Logger: slog.New(slog.NewTextHandler(&logs, nil))}, rec.wrap)
	h.setup()
	s := newSession(t, h)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "encrypted", "trustees": trustees, "trustee_quorum": quorum})

	step := browserCeremony(t, s, "task-v1", trustees, decrypting)
	step("deal")
	step("confirm")
	if read(h, func(st *assembly.State) bool { return st.Votes["v1"].Encrypted.Key == nil }) {
		t.Fatal("no election key after every trustee confirmed")
	}

	choices := map[string]string{"anna": "for", "boris": "against", "clara": "for"}
	index := map[string]int{"for": 0, "against": 1, "abstain": 2}
	trackers := map[string]string{}
	for _, d := range delegates {
		p := s.open(d, 800, 900, "/a/coop/delegate")
		s.until(p, "the encrypted ballot", `!!document.querySelector("form.encrypted-ballot")`)
		s.click(p, fmt.Sprintf(`form.encrypted-ballot button.choice[value="%d"]`, index[choices[d]]))
		s.confirmEncrypted(p, `form.encrypted-ballot`)
		s.until(p, "the tracker", `!!document.querySelector("#receipt-slot #ballot-tracker")`)
		trackers[d] = eval[string](s, p, `document.querySelector("#ballot-tracker").textContent`)
		if d == "anna" {
			// Back on the page, it says she voted and offers no second
			// ballot (the vote allows no re-voting).
			s.run(p, "reload", chromedp.Navigate(h.srv.URL+"/a/coop/delegate"))
			s.until(p, "voted", `document.querySelector("#ballot").innerText.includes("You have voted in this vote.") && !document.querySelector("form.encrypted-ballot")`)
		}
	}
	cast := read(h, func(st *assembly.State) []assembly.EncryptedBallot { return st.Votes["v1"].Encrypted.Cast })
	if len(cast) != 3 {
		t.Fatalf("%d ballots recorded", len(cast))
	}
	for _, b := range cast {
		if trackers[b.Voter] != b.Tracker {
			t.Fatalf("%s's tracker %s, recorded %s", b.Voter, trackers[b.Voter], b.Tracker)
		}
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	// The chair's console counts the ballots and, once closed, waits for
	// the trustees instead of offering a count by hand.
	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	s.until(chair, "the chair waits for the trustees", fmt.Sprintf(`document.querySelector(".next").innerText.includes("waiting for the trustees to decrypt the total (0 of %d)") && !document.querySelector(".next a[href^='#count-']")`, quorum))
	if n := read(h, func(st *assembly.State) int { return st.Votes["v1"].BallotsCast() }); n != 3 {
		t.Fatalf("BallotsCast = %d", n)
	}
	step("decrypt")
	res := read(h, func(st *assembly.State) *assembly.Result { return st.Votes["v1"].Result })
	if res == nil || res.Arithmetic != "2 for, 1 against, 3 cast; 2 needed; carried" {
		t.Fatalf("result %+v", res)
	}
	proj := s.open("", 1280, 720, "/a/coop/projector")
	s.until(proj, "the projector shows the result", `document.body.innerText.includes("2 for, 1 against")`)

	// The server never held a choice: not in what it received, not in the
	// log, the database file, its journal or its logs. A choice could
	// only appear as a word or as the marks the browser encrypts.
	a, _ := h.eng.Assembly("coop")
	raw, err := a.Log().Raw(context.Background(), 0, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	var stored bytes.Buffer
	for _, e := range raw {
		stored.Write(e)
		stored.WriteByte('\n')
	}
	files2, _ := filepath.Glob(filepath.Join(h.dir, "*"))
	for _, f := range files2 {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		stored.Write(b)
	}
	for what, text := range map[string]string{"the requests": rec.String(), "the record and the database files": stored.String(), "the server's log": logs.String()} {
		for _, leak := range []string{`"choice":"for"`, `"choice":"against"`, `"choice":"abstain"`, `choice=`, `[1,0,0]`, `[0,1,0]`, `[0,0,1]`} {
			if i := strings.Index(text, leak); i >= 0 {
				t.Errorf("%s hold %s: %q", what, leak, text[max(0, i-200):i+50])
			}
		}
	}
	for _, e := range raw {
		ent, _, err := ledger.DecodeEntry(e)
		if err != nil {
			t.Fatal(err)
		}
		if ent.Type == "encrypted_ballot_cast" {
			for _, w := range []string{"for", "against", "abstain"} {
				if bytes.Contains(ent.Payload, []byte(w)) {
					t.Errorf("an encrypted ballot's entry holds %q: %s", w, ent.Payload)
				}
			}
		}
	}
	if !strings.Contains(rec.String(), `"cmd":"cast_encrypted_ballot"`) {
		t.Fatal("the requests were not recorded")
	}

	// plenum verify's audit: every hash and signature, and the replay
	// that re-checks every ballot proof, the sum, each partial decryption
	// and the declared result.
	r := engine.NewAuditReplayer()
	if _, err := ledger.Audit(context.Background(), h.eng.Store(), h.verifiers, ledger.AuditOptions{Replay: r.Apply}); err != nil {
		t.Fatalf("audit: %v", err)
	}
	if err := r.Finish(); err != nil {
		t.Fatalf("audit of the ballot proofs: %v", err)
	}
}

// browserCeremony has each trustee make their key on their trustee page,
// in the task whose element id is task, saving the key file, and returns
// the function that runs one later step (deal, confirm, decrypt) on each
// trustee's page with that file (decrypt by the decrypting ones only).
func browserCeremony(t *testing.T, s *session, task string, trustees, decrypting []string) func(step string) {
	pages := map[string]*person{}
	files := map[string]string{}
	dir := t.TempDir()
	for _, tr := range trustees {
		p := s.open(tr, 1000, 900, "/a/coop/trustee")
		pages[tr] = p
		next := s.downloads(p)
		eval[bool](s, p, fmt.Sprintf(`(document.querySelector('#%s [data-trustee-action="key"]').click(), true)`, task))
		s.until(p, "the key file is offered", `!!document.querySelector("#trustee-slot a.key-download")`)
		// Saving the file publishes the public key.
		s.click(p, "#trustee-slot a.key-download")
		secret := string(next(tr + "'s key file"))
		if !strings.Contains(secret, `"version":"plenum-ballot-v1/trustee-secret"`) {
			t.Fatalf("%s's key file: %q", tr, secret)
		}
		files[tr] = filepath.Join(dir, tr+".json")
		if err := os.WriteFile(files[tr], []byte(secret), 0o600); err != nil {
			t.Fatal(err)
		}
		s.until(p, "the key is published", `document.querySelector("#trustee-slot").innerText.includes("public key published")`)
	}
	return func(step string) {
		for _, tr := range trustees {
			p := pages[tr]
			if step == "decrypt" && !contains1(decrypting, tr) {
				continue
			}
			s.until(p, "the step "+step, fmt.Sprintf(`(document.querySelector("#%[1]s")||{}).dataset && document.querySelector("#%[1]s").dataset.step === %[2]q`, task, step))
			s.run(p, "choose the key file", chromedp.SetUploadFiles(chromedp.CSS("#key-file"), []string{files[tr]}))
			// One query and click, which a live update cannot come between.
			eval[bool](s, p, fmt.Sprintf(`(document.querySelector('#%s [data-trustee-action=%q]').click(), true)`, task, step))
			s.until(p, step+" done", fmt.Sprintf(`document.querySelector("#%[1]s .trustee-status").innerText === "Done." || document.querySelector("#%[1]s").dataset.step !== %[2]q`, task, step))
		}
	}
}

// TestEncryptedElectionInTheBrowser: an encrypted approval election of at
// most 2 of 3 candidates: two trustees make the key on their pages, three
// delegates tick their candidates in the browser (three ticks are refused
// before anything is sent), the trustees decrypt, the elected are declared
// and shown on the projector, the requests and the record hold no choice,
// and the record passes plenum verify's audit.
func TestEncryptedElectionInTheBrowser(t *testing.T) {
	module := ballotModule(t)
	rec := &bodies{}
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, BallotModule: module}, rec.wrap)
	h.setup()
	s := newSession(t, h)
	h.must("chair", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "approval", "candidates": []string{"anna", "boris", "clara"},
		"approvals": 2, "encrypted": true, "trustees": []string{"sec", "mc"}, "trustee_quorum": 2})
	step := browserCeremony(t, s, "task-election-e1", []string{"sec", "mc"}, []string{"sec", "mc"})
	step("deal")
	step("confirm")
	if read(h, func(st *assembly.State) bool { return st.Elections["e1"].Encrypted.Key == nil }) {
		t.Fatal("no election key after every trustee confirmed")
	}
	ticks := map[string][]int{"anna": {1, 2}, "boris": {1}, "clara": {0, 1}}
	for _, d := range delegates {
		p := s.open(d, 800, 900, "/a/coop/delegate")
		s.until(p, "the encrypted ballot", `!!document.querySelector("form.encrypted-ballot[data-field=election]")`)
		if d == "anna" {
			for i := range 3 {
				s.click(p, fmt.Sprintf(`form.encrypted-ballot input[value="%d"]`, i))
			}
			s.click(p, `form.encrypted-ballot button[type=submit]`)
			s.until(p, "three ticks refused", `document.querySelector(".encrypt-status").innerText.includes("up to 2 options; you marked 3")`)
			s.click(p, `form.encrypted-ballot input[value="0"]`)
		} else {
			for _, i := range ticks[d] {
				s.click(p, fmt.Sprintf(`form.encrypted-ballot input[value="%d"]`, i))
			}
		}
		s.click(p, `form.encrypted-ballot button[type=submit]`)
		s.confirmEncrypted(p, `form.encrypted-ballot`)
		s.until(p, "the tracker", `!!document.querySelector("#receipt-slot #ballot-tracker")`)
	}
	if n := read(h, func(st *assembly.State) int { return st.Elections["e1"].BallotsCast() }); n != 3 {
		t.Fatalf("%d ballots recorded", n)
	}
	// The API counts an encrypted election's ballots as the pages do
	// (its plain ballots stay empty; it said "cast":0).
	if code, body, _ := h.browser("chair").get("/api/assemblies/coop/elections"); code != 200 || !strings.Contains(body, `"id":"e1"`) || !strings.Contains(body, `"cast":3`) {
		t.Fatalf("GET elections: %d %s", code, body)
	}
	h.must("chair", "close_election", obj{"election": "e1"})
	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	s.until(chair, "the chair waits for the trustees", `document.querySelector(".next").innerText.includes("waiting for the trustees to decrypt the total (0 of 2)")`)
	step("decrypt")
	el := read(h, func(st *assembly.State) assembly.Election { return *st.Elections["e1"] })
	if el.Status != assembly.ElectionStatusDeclared || strings.Join(el.Elected, ",") != "boris" || el.Encrypted.Counts["boris"] != 3 || el.Encrypted.Counts["clara"] != 1 || el.Encrypted.Counts["anna"] != 1 {
		t.Fatalf("election %s, elected %v, counts %v", el.Status, el.Elected, el.Encrypted.Counts)
	}
	proj := s.open("", 1280, 720, "/a/coop/projector")
	s.until(proj, "the projector shows the elected", `(document.querySelector(".proj-elected")||{innerText:""}).innerText.includes("Boris Borisov")`)
	for _, leak := range []string{`"approve"`, `[0,1,1]`, `[1,1,0]`, `[0,1,0]`} {
		if strings.Contains(rec.String(), leak) {
			t.Errorf("the requests hold %s", leak)
		}
	}
	r := engine.NewAuditReplayer()
	if _, err := ledger.Audit(context.Background(), h.eng.Store(), h.verifiers, ledger.AuditOptions{Replay: r.Apply}); err != nil {
		t.Fatalf("audit: %v", err)
	}
	if err := r.Finish(); err != nil {
		t.Fatalf("audit of the ballot proofs: %v", err)
	}
}

// TestEncryptedRankedElectionInTheBrowser: an encrypted IRV election:
// the delegates rank the candidates in the browser (a rank given twice is
// refused in the page), the page says that the server shuffles and is
// trusted to forget the order, the server shuffles at the close with a
// proof, the trustees decrypt the shuffled ballots, the elected are
// declared, and the record passes plenum verify's audit.
func TestEncryptedRankedElectionInTheBrowser(t *testing.T) {
	module := ballotModule(t)
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, BallotModule: module}, nil)
	h.setup()
	s := newSession(t, h)
	h.must("chair", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "irv", "candidates": []string{"anna", "boris", "clara"},
		"encrypted": true, "trustees": []string{"sec", "mc"}, "trustee_quorum": 2})
	step := browserCeremony(t, s, "task-election-e1", []string{"sec", "mc"}, []string{"sec", "mc"})
	step("deal")
	step("confirm")
	// Ranks by option (anna, boris, clara); "" is unranked.
	ranks := map[string][]string{"anna": {"1", "2", ""}, "boris": {"2", "1", ""}, "clara": {"", "2", "1"}}
	for _, d := range delegates {
		p := s.open(d, 800, 900, "/a/coop/delegate")
		s.until(p, "the ranked ballot", `!!document.querySelector("form.encrypted-ballot select.enc-rank")`)
		if !strings.Contains(eval[string](s, p, `document.querySelector("form.encrypted-ballot").parentNode.innerText`), "trusted to forget the order") {
			t.Fatal("the page does not say what the server is trusted with")
		}
		if d == "anna" {
			s.run(p, "rank 1 twice", chromedp.SetValue("#erk-0", "1"), chromedp.SetValue("#erk-1", "1"))
			s.click(p, `form.encrypted-ballot button[type=submit]`)
			s.until(p, "twice refused", `document.querySelector(".encrypt-status").innerText.includes("Rank 1 is given twice")`)
		}
		for i, r := range ranks[d] {
			s.run(p, "rank", chromedp.SetValue(fmt.Sprintf("#erk-%d", i), r))
		}
		s.click(p, `form.encrypted-ballot button[type=submit]`)
		if d == "anna" {
			// The confirmation names the candidates in the order ranked.
			s.until(p, "the ranking confirmed in words", `Array.prototype.map.call(document.querySelectorAll("#ballot .confirm .ballot-text li"), function (li) { return li.textContent; }).join("|") === "Anna Arkadyevna|Boris Borisov"`)
			s.shot(p, "enc-ranked-confirm")
		}
		s.confirmEncrypted(p, `form.encrypted-ballot`)
		s.until(p, "the tracker", `!!document.querySelector("#receipt-slot #ballot-tracker")`)
	}
	h.must("chair", "close_election", obj{"election": "e1"})
	step("decrypt")
	el := read(h, func(st *assembly.State) assembly.Election { return *st.Elections["e1"] })
	// First preferences anna 1, boris 1, clara 1: a tie for exclusion
	// broken by lot; whoever is excluded, the rankings decide between the
	// other two, and the count must be that of the rankings cast.
	if el.Status != assembly.ElectionStatusDeclared || len(el.Elected) != 1 || len(el.Encrypted.Rankings) != 3 {
		t.Fatalf("election %s, elected %v, rankings %v (%s)", el.Status, el.Elected, el.Encrypted.Rankings, el.Arithmetic)
	}
	proj := s.open("", 1280, 720, "/a/coop/projector")
	s.until(proj, "the projector shows the elected", `(document.querySelector(".proj-elected")||{innerText:""}).innerText.length > 0`)
	r := engine.NewAuditReplayer()
	if _, err := ledger.Audit(context.Background(), h.eng.Store(), h.verifiers, ledger.AuditOptions{Replay: r.Apply}); err != nil {
		t.Fatalf("audit: %v", err)
	}
	if err := r.Finish(); err != nil {
		t.Fatalf("audit of the ballot proofs: %v", err)
	}
}

func contains1(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestTrusteeWrongKeyFile: a trustee who picks a file that is not a key
// file, or the key file of another vote, is told so in the task's status
// — not "t is not a function", which the script said when its reading
// of the file shadowed the message function — and nothing is posted;
// the right file then deals.
func TestTrusteeWrongKeyFile(t *testing.T) {
	h := encryptedElectionHall(t, nil)
	s := newSession(t, h)
	browserCeremony(t, s, "task-election-e1", []string{"sec", "mc"}, nil)
	p := s.open("sec", 1000, 900, "/a/coop/trustee")
	s.until(p, "the step deal", `(document.querySelector("#task-election-e1")||{}).dataset && document.querySelector("#task-election-e1").dataset.step === "deal"`)
	dir := t.TempDir()
	for _, c := range []struct{ file, want string }{
		{`{"not":"a key"}`, "Refused: this is not a trustee's key file"},
		{`{"parameters":{"election":"other-vote"}}`, "Refused: this key file is for another vote (other-vote)"},
	} {
		f := filepath.Join(dir, "wrong.json")
		if err := os.WriteFile(f, []byte(c.file), 0o600); err != nil {
			t.Fatal(err)
		}
		s.run(p, "choose the wrong file", chromedp.SetUploadFiles(chromedp.CSS("#key-file"), []string{f}))
		eval[bool](s, p, `(document.querySelector("#task-election-e1 .trustee-status").textContent = "", document.querySelector('#task-election-e1 [data-trustee-action="deal"]').click(), true)`)
		s.until(p, "the refusal", `document.querySelector("#task-election-e1 .trustee-status").innerText.indexOf("Refused") === 0`)
		if got := eval[string](s, p, `document.querySelector("#task-election-e1 .trustee-status").innerText`); got != c.want {
			t.Errorf("the file %s: %q, want %q", c.file, got, c.want)
		}
	}
	if n := read(h, func(st *assembly.State) int { return len(st.Elections["e1"].Encrypted.Dealings) }); n != 0 {
		t.Fatalf("%d dealings posted with wrong files", n)
	}
}

// encryptedElectionHall is a hall serving the ballot module, in which
// the chair has opened e1, an encrypted approval election of at most 2
// of the candidates anna, boris and clara, with the trustees sec and mc
// (both needed); wrap is newEmptyHallWith's.
func encryptedElectionHall(t *testing.T, wrap func(http.Handler) http.Handler) *hall {
	t.Helper()
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, BallotModule: ballotModule(t)}, wrap)
	h.setup()
	h.must("chair", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "approval", "candidates": []string{"anna", "boris", "clara"},
		"approvals": 2, "encrypted": true, "trustees": []string{"sec", "mc"}, "trustee_quorum": 2})
	return h
}
