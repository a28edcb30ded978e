package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/assembly"
	"plenum/auth"
	"plenum/httpapi"
	"plenum/internal/crashtest"
	"plenum/ledger"
	"plenum/remote"
	"plenum/store/sqlite"
)

// The environment of the plenum serve process TestKillRetry starts and
// kills, and how many rounds it runs (PLENUM_KILL_RETRY_ROUNDS, to run it
// longer than the default).
const (
	envRetryDB     = "PLENUM_KILL_RETRY_DB"
	envRetryData   = "PLENUM_KILL_RETRY_DATA"
	envRetryRounds = "PLENUM_KILL_RETRY_ROUNDS"
)

// Sizes of TestKillRetry.
const (
	retryRounds  = 4  // kills, unless PLENUM_KILL_RETRY_ROUNDS says more
	retryExtra   = 8  // kills more at the most, until one cut off the answer to a recorded ballot
	retryBallots = 96 // ballots sent a round, each by a delegate of its own
	retryWorkers = 24 // ballots in flight at once
)

// retryServe is the child process of TestKillRetry: plenum serve on db,
// run by the command line's own code, on a port of its choosing. Once it
// listens it says "ready" and its URL; it serves until it is killed.
func retryServe(db, data string) {
	pr, pw := io.Pipe()
	env := &cliEnv{stdin: strings.NewReader(""), stdout: pw, stderr: os.Stderr}
	go func() {
		code := runCLI(context.Background(), env, []string{"serve", "--db", db, "--data", data, "--addr", "127.0.0.1:0"})
		fmt.Fprintf(os.Stderr, "plenum serve ended with exit code %d\n", code)
		os.Exit(3)
	}()
	listening := regexp.MustCompile(`listening on (http://[^/ ]+)/`)
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if m := listening.FindStringSubmatch(sc.Text()); m != nil {
			fmt.Println("ready")
			fmt.Println(m[1])
		}
	}
}

// retryBallot is one delegate's ballot: the request, sent again
// unchanged, and the first answer that gave it a place in the log.
type retryBallot struct {
	voter, choice, key, body, token string

	sent       bool   // sent before the kill
	answered   bool   // an answer with a receipt came (before the kill, or to a retry)
	round      int    // the round it was first sent in
	index      int64  // the receipt's index, once answered
	leaf       string // the receipt's leaf hash (base64), once answered
	beforeKill bool   // answered before the kill: acknowledged by the killed process
}

// retryAnswer is what came back for a ballot.
type retryAnswer struct {
	status     int
	replayed   bool // the body says replayed and the header Idempotent-Replayed
	index      int64
	leaf       string
	checkpoint string
	raw        string
}

// killRetry is the state of TestKillRetry.
type killRetry struct {
	t      *testing.T
	db     string
	origin string
	verif  note.Verifiers
	hc     *http.Client

	mu          sync.Mutex
	problems    []string
	checkpoints map[string]bool // every signed checkpoint an answer gave
}

func (k *killRetry) problem(format string, args ...any) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.problems = append(k.problems, fmt.Sprintf(format, args...))
}

// failOnProblems ends the test with the problems found so far.
func (k *killRetry) failOnProblems(when string) {
	k.t.Helper()
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.problems) == 0 {
		return
	}
	p := k.problems
	more := ""
	if len(p) > 10 {
		more = fmt.Sprintf("\n… and %d more", len(p)-10)
		p = p[:10]
	}
	k.t.Fatalf("%s:\n%s%s", when, strings.Join(p, "\n"), more)
}

// post sends b's ballot to the server at base: the same body, key and
// session every time. An error is an answer that did not come whole, or
// a success without its receipt (a problem, whenever it comes).
func (k *killRetry) post(base string, b *retryBallot) (retryAnswer, error) {
	req, err := http.NewRequest("POST", base+"/api/assemblies/"+benchAssembly+"/commands", strings.NewReader(b.body))
	if err != nil {
		return retryAnswer{}, err
	}
	req.Header.Set("Origin", base)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", b.key)
	req.Header.Set("Cookie", auth.CookieName+"="+b.token)
	res, err := k.hc.Do(req)
	if err != nil {
		return retryAnswer{}, err
	}
	raw, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return retryAnswer{}, err
	}
	a := retryAnswer{status: res.StatusCode, raw: strings.TrimSpace(string(raw))}
	if a.status != http.StatusCreated && a.status != http.StatusOK {
		return a, nil
	}
	var ans httpapi.CommandResponse
	if err := json.Unmarshal(raw, &ans); err != nil || ans.Receipt == nil {
		k.problem("%s's ballot answered %s without a receipt (%v): %s", b.voter, res.Status, err, raw)
		return a, errors.New("no receipt")
	}
	headerSays := res.Header.Get("Idempotent-Replayed") == "true"
	if headerSays != ans.Replayed || ans.Replayed != (a.status == http.StatusOK) {
		k.problem("%s's ballot answered %s with Idempotent-Replayed %q and replayed %v: %s", b.voter, res.Status, res.Header.Get("Idempotent-Replayed"), ans.Replayed, raw)
		return a, errors.New("replayed, or not")
	}
	a.replayed, a.index, a.leaf, a.checkpoint = ans.Replayed, ans.Receipt.Index, ans.Receipt.LeafHash, ans.Receipt.Checkpoint
	k.mu.Lock()
	k.checkpoints[a.checkpoint] = true
	k.mu.Unlock()
	return a, nil
}

// startServer starts plenum serve on the test's database as a child
// process and returns it and its URL. Two are started at once, as an
// operator restarting by hand and a service manager might: exactly one
// must serve, the other must refuse, naming the writer that holds the
// database, and end.
func (k *killRetry) startServer() (*crashtest.Child, string) {
	k.t.Helper()
	env := []string{envRetryDB + "=" + k.db, envRetryData + "=" + filepath.Dir(k.db)}
	var children [2]*crashtest.Child
	var errs [2]error
	var wg sync.WaitGroup
	for i := range children {
		wg.Go(func() { children[i], errs[i] = crashtest.TryStart("TestKillRetry", env...) })
	}
	wg.Wait()
	var child *crashtest.Child
	for i, c := range children {
		if c == nil {
			continue
		}
		k.t.Cleanup(c.Kill)
		if child != nil {
			k.t.Fatalf("two plenum serve started at once on one SQLite database both serve: %s", children[1-i].Stderr())
		}
		child = c
	}
	if child == nil {
		k.t.Fatalf("of two plenum serve started at once, neither serves: %v; %v", errs[0], errs[1])
	}
	for _, err := range errs {
		if err != nil && !strings.Contains(err.Error(), "is in use by another writer") {
			k.t.Fatalf("the second plenum serve started at once ended, but not because the first holds the database: %v", err)
		}
	}
	base, ok := <-child.Lines
	if !ok {
		child.Wait()
		k.t.Fatalf("plenum serve said it was ready, but not where: %s", child.Stderr())
	}
	go func() {
		for range child.Lines {
		}
	}()
	return child, base
}

// secondWriter tries, from the test's own process, to open the database
// for writing as plenum serve does while the child serves it, in the midst
// of the ballots: the open must be refused (ErrLocked) and write nothing;
// the ledger's check at the next restart sees every entry.
func (k *killRetry) secondWriter() {
	srv, err := openServer(context.Background(), serverConfig{db: k.db, data: filepath.Dir(k.db), name: ledger.DefaultServerName})
	if err == nil {
		srv.Close()
		k.problem("a second writer opened the database while plenum serve wrote it")
		return
	}
	if !errors.Is(err, sqlite.ErrLocked) {
		k.problem("a second writer's open, while plenum serve wrote the database: %v, want sqlite.ErrLocked", err)
	}
}

// load sends the ballots to the server at base, retryWorkers at a time,
// and kills it delay after the killAfter-th answer: requests are in
// flight then, and with no delay the others of that answer's batch are
// being answered. After the kill nothing more is sent. It marks each
// ballot answered as its answer comes.
func (k *killRetry) load(child *crashtest.Child, base string, ballots []*retryBallot, killAfter int, delay time.Duration) {
	var answers atomic.Int64
	each(ballots, retryWorkers, func(b *retryBallot) {
		if child.Killed() {
			return
		}
		b.sent = true
		a, err := k.post(base, b)
		switch {
		case err != nil && child.Killed():
			// Cut by the kill: the retry tells whether it was recorded.
		case err != nil:
			k.problem("%s's ballot, before the kill: %v", b.voter, err)
		case a.status != http.StatusCreated:
			k.problem("%s's ballot, before the kill: answered %d, want 201: %s", b.voter, a.status, a.raw)
		default:
			b.answered, b.beforeKill, b.index, b.leaf = true, true, a.index, a.leaf
			if answers.Add(1) == int64(killAfter) {
				k.secondWriter()
				if delay == 0 {
					child.Kill()
				} else {
					time.AfterFunc(delay, child.Kill)
				}
			}
		}
	})
	child.Kill() // if the ballots all came back first
	child.Wait()
}

// retry sends again, to the new process at base, every ballot whose
// answer did not come, twice at once (as a client might, its first retry
// slow to answer): each copy must be answered 201 (it was not recorded)
// or 200 replayed (it was: before the kill, its answer lost, or by the
// other copy), at most one 201, both at the same index. It returns how
// many of the ballots had been recorded before the kill and how many
// not.
func (k *killRetry) retry(base string, ballots []*retryBallot) (lost, notRecorded int) {
	var mu sync.Mutex
	each(ballots, 4, func(b *retryBallot) {
		if b.answered {
			return
		}
		var copies [2]retryAnswer
		var errs [2]error
		var wg sync.WaitGroup
		for i := range copies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				copies[i], errs[i] = k.post(base, b)
			}()
		}
		wg.Wait()
		created := 0
		for i, a := range copies {
			switch {
			case errs[i] != nil:
				k.problem("%s's ballot, retried after the restart: %v", b.voter, errs[i])
				return
			case a.status == http.StatusCreated:
				created++
			case a.status != http.StatusOK:
				k.problem("%s's ballot, retried after the restart: answered %d, want 201 or 200: %s", b.voter, a.status, a.raw)
				return
			}
		}
		first, second := copies[0], copies[1]
		switch {
		case created > 1:
			k.problem("%s's ballot, retried twice at once after the restart: both answered 201, at index %d and %d", b.voter, first.index, second.index)
		case first.index != second.index || first.leaf != second.leaf:
			k.problem("%s's ballot, retried twice at once after the restart: answered at index %d (%d) and %d (%d)", b.voter, first.index, first.status, second.index, second.status)
		default:
			mu.Lock()
			if created == 0 {
				lost++
			} else {
				notRecorded++
			}
			mu.Unlock()
			b.answered, b.index, b.leaf = true, first.index, first.leaf
		}
	})
	return lost, notRecorded
}

// resend sends a third of the ballots, every one answered by now (before
// a kill or to a retry), once more to the process at base: each must be
// answered 200 replayed, with the index and leaf hash of its first
// answer.
func (k *killRetry) resend(base string, ballots []*retryBallot) {
	var sample []*retryBallot
	for _, b := range ballots {
		if rand.IntN(3) == 0 {
			sample = append(sample, b)
		}
	}
	each(sample, 4, func(b *retryBallot) {
		a, err := k.post(base, b)
		switch {
		case err != nil:
			k.problem("%s's answered ballot, sent again after the restart: %v", b.voter, err)
		case a.status == http.StatusCreated:
			k.problem("%s's ballot, answered at index %d (round %d, before the kill: %v), sent again after the restart: answered 201 at index %d, recorded anew", b.voter, b.index, b.round, b.beforeKill, a.index)
		case a.status != http.StatusOK:
			k.problem("%s's ballot, answered at index %d, sent again after the restart: answered %d, want 200 replayed: %s", b.voter, b.index, a.status, a.raw)
		case a.index != b.index || a.leaf != b.leaf:
			k.problem("%s's ballot, answered at index %d (leaf %s), sent again after the restart: answered at index %d (leaf %s)", b.voter, b.index, b.leaf, a.index, a.leaf)
		}
	})
}

// each calls f for every ballot, workers at a time, and returns once
// every call has.
func each(ballots []*retryBallot, workers int, f func(b *retryBallot)) {
	queue := make(chan *retryBallot, len(ballots))
	for _, b := range ballots {
		queue <- b
	}
	close(queue)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range queue {
				f(b)
			}
		}()
	}
	wg.Wait()
}

// checkRecord reads the log from the server at base, as an outside
// verifier would (its signed checkpoint, its entry bundles, its hash
// tiles authenticated against that checkpoint), and checks it against
// the ballots sent so far, every one of them answered by now: the log
// holds the setup's entries and one ballot a delegate, no more; each at
// the index and with the leaf hash of its first answer, with the choice
// sent; every checkpoint an answer gave is a prefix of this tree; and
// the checkpoint covers every entry in the database.
func (k *killRetry) checkRecord(when, base string, setupSize int64, ballots []*retryBallot) tlog.Tree {
	t := k.t
	t.Helper()
	ctx := context.Background()
	lc := remote.NewClient(base+"/log/"+benchAssembly, k.hc)
	tree := k.servedCheckpoint(base)
	for _, q := range []string{
		`SELECT size FROM logs WHERE origin = '` + k.origin + `'`,
		`SELECT COUNT(*) FROM entries WHERE log_id = (SELECT id FROM logs WHERE origin = '` + k.origin + `')`,
	} {
		if n := killQueryCount(t, k.db, q); int64(n) != tree.N {
			t.Fatalf("the checkpoint is of tree size %d; the database says %d (%s)", tree.N, n, q)
		}
	}
	if want := setupSize + int64(len(ballots)); tree.N != want {
		k.problem("the log has %d entries; the setup's %d and %d ballots make %d", tree.N, setupSize, len(ballots), want)
	}
	hr := lc.HashReader(ctx, tree)
	found, err := ballotsInLog(ctx, lc, tree.N)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != len(ballots) {
		k.problem("the log holds the ballots of %d delegates; %d sent theirs", len(found), len(ballots))
	}
	for _, b := range ballots {
		c := found[b.voter]
		switch {
		case len(c) == 0 && b.beforeKill:
			k.problem("%s's ballot, acknowledged at index %d before the kill of round %d, is not in the log", b.voter, b.index, b.round)
		case len(c) != 1:
			k.problem("%s's ballot (round %d, answered at index %d, before the kill: %v) is in the log %d times: %v", b.voter, b.round, b.index, b.beforeKill, len(c), c)
		case !b.answered:
			k.problem("%s's ballot (round %d) was never answered", b.voter, b.round)
		case c[0].index != b.index:
			k.problem("%s's ballot, answered at index %d (round %d, before the kill: %v), is in the log at %d", b.voter, b.index, b.round, b.beforeKill, c[0].index)
		case c[0].choice != b.choice:
			k.problem("%s's ballot is in the log as %q; %q was sent", b.voter, c[0].choice, b.choice)
		default:
			hs, err := hr.ReadHashes([]int64{tlog.StoredHashIndex(0, b.index)})
			if err != nil {
				t.Fatalf("the record hash of entry %d: %v", b.index, err)
			}
			if got := base64.StdEncoding.EncodeToString(hs[0][:]); got != b.leaf {
				k.problem("%s's ballot was answered with the leaf hash %s at index %d; the log has %s", b.voter, b.leaf, b.index, got)
			}
		}
	}
	k.failOnProblems(when)
	k.mu.Lock()
	defer k.mu.Unlock()
	for signed := range k.checkpoints {
		c, err := remote.OpenCheckpoint([]byte(signed), k.verif, k.origin)
		if err != nil {
			t.Fatalf("a checkpoint an answer gave: %v", err)
		}
		if c.Size > tree.N {
			t.Fatalf("%s: an answer gave a checkpoint of tree size %d; the log has %d entries", when, c.Size, tree.N)
		}
		if h, err := tlog.TreeHash(c.Size, hr); err != nil || h != c.Hash {
			t.Fatalf("%s: an answer gave a checkpoint of tree size %d that is not a prefix of the log (%v)", when, c.Size, err)
		}
		// The logs checked later extend this one (ProveTree).
		delete(k.checkpoints, signed)
	}
	return tree
}

// servedCheckpoint is the tree of the log's checkpoint the server at base
// serves, its signature checked.
func (k *killRetry) servedCheckpoint(base string) tlog.Tree {
	k.t.Helper()
	signed, err := remote.NewClient(base+"/log/"+benchAssembly, k.hc).Checkpoint(context.Background())
	if err != nil {
		k.t.Fatal(err)
	}
	cp, err := remote.OpenCheckpoint(signed, k.verif, k.origin)
	if err != nil {
		k.t.Fatalf("the served checkpoint: %v", err)
	}
	return tlog.Tree{N: cp.Size, Hash: cp.Hash}
}

// TestKillRetry: plenum serve on SQLite takes the ballots of many
// delegates at once, each with its own session and Idempotency-Key, and
// is killed (SIGKILL) in their midst: some answers given, some cut off
// (the ballot recorded or not), some requests not yet sent. A new plenum
// serve on the same database gets every ballot whose answer did not come
// again, unchanged, twice at once; then a sample of all the ballots
// answered so far once more. Every retry must be answered 201 or 200
// replayed, a ballot at most once 201; a ballot answered before the kill
// must be in the log at the index and with the leaf hash its answer gave
// (acknowledged means durable), and every later answer must give that
// place again, appending nothing; every delegate's ballot must be in the
// log exactly once, with no other entry added; every checkpoint an
// answer gave must be a prefix of the log, each round's log must extend
// the last's, and the served checkpoint must cover every entry in the
// database. At the end plenum verify passes and the vote counts every
// delegate once. It kills at least PLENUM_KILL_RETRY_ROUNDS times
// (default 4), and more, up to 8, until a kill has cut off the answer to
// a recorded ballot (most rounds do), so that the case it is for is
// never left untested. A second writer is tried at both ends of each
// round: two plenum serve started at once after each kill (one serves,
// the other refuses), and an open for writing from the test's own
// process just before each kill, amid the ballots (refused); the lost
// answers, the kill and the second writer thus meet on one database.
func TestKillRetry(t *testing.T) {
	if db := os.Getenv(envRetryDB); db != "" {
		retryServe(db, os.Getenv(envRetryData))
		return
	}
	if testing.Short() {
		t.Skip("starts and kills plenum serve a few times")
	}
	rounds := retryRounds
	if s := os.Getenv(envRetryRounds); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a number of rounds, 1 or more", envRetryRounds, s)
		}
		rounds = n
	}
	started := time.Now()
	ctx := context.Background()
	dir := t.TempDir()
	k := &killRetry{t: t, db: filepath.Join(dir, "plenum.db"), origin: ledger.DefaultServerName + "/log/" + benchAssembly,
		checkpoints: map[string]bool{},
		hc:          &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: retryWorkers, DisableCompression: true}}}
	t.Cleanup(k.hc.CloseIdleConnections)

	// The assembly as plenum bench vote sets it up (delegates p1…pN with
	// verified decisive mandates, present, an open roll-call vote), and a
	// session for each delegate, by the server's own code; then closed.
	srv, err := openServer(ctx, serverConfig{db: k.db, data: dir, name: ledger.DefaultServerName})
	if err != nil {
		t.Fatal(err)
	}
	n := (rounds + retryExtra) * retryBallots
	if err := (&benchServer{eng: srv.engine, clock: time.Now().UTC()}).setup(ctx, n, true); err != nil {
		srv.Close()
		t.Fatal(err)
	}
	ps := persons(n)
	tokens, err := srv.auth.NewSessions(ctx, benchAssembly, ps)
	if err != nil {
		srv.Close()
		t.Fatal(err)
	}
	a, _ := srv.engine.Assembly(benchAssembly)
	setupSize := a.Log().Size()
	v, err := note.NewVerifier(srv.vkey)
	srv.Close()
	if err != nil {
		t.Fatal(err)
	}
	k.verif = note.VerifierList(v)
	var all []*retryBallot
	for i, p := range ps {
		choice := killChoice(i)
		all = append(all, &retryBallot{voter: p, choice: choice, key: "ballot-" + p, token: tokens[i],
			body: fmt.Sprintf(`{"cmd":"cast_ballot","args":{"vote":"v1","voter":%q,"choice":%q}}`, p, choice)})
	}
	t.Logf("set up %d delegates and %d entries in %v", n, setupSize, time.Since(started).Round(time.Millisecond))

	var prev tlog.Tree
	var lostInAll, cutInAll int
	var sent []*retryBallot // the ballots of the rounds so far
	for round := 1; ; round++ {
		child, base := k.startServer()
		if round > 1 {
			// The round before's ballots again, to this new process.
			last := sent[(round-2)*retryBallots:]
			before := countOf(last, func(b *retryBallot) bool { return b.beforeKill })
			cut := countOf(last, func(b *retryBallot) bool { return b.sent && !b.answered })
			unsent := countOf(last, func(b *retryBallot) bool { return !b.sent })
			lost, notRecorded := k.retry(base, last)
			k.failOnProblems(fmt.Sprintf("round %d, retried after the restart", round-1))
			tree := k.checkRecord(fmt.Sprintf("the log after round %d", round-1), base, setupSize, sent)
			// Answered again, from the log; nothing appended.
			k.resend(base, sent)
			k.failOnProblems(fmt.Sprintf("round %d, answered ballots sent again after the restart", round-1))
			if cp := k.servedCheckpoint(base); cp.N != tree.N {
				t.Fatalf("round %d: the log grew from %d to %d entries while answered ballots were sent again", round-1, tree.N, cp.N)
			}
			// The log after this restart extends the one after the last.
			if prev.N > 0 {
				proof, err := tlog.ProveTree(tree.N, prev.N, remote.NewClient(base+"/log/"+benchAssembly, k.hc).HashReader(ctx, tree))
				if err == nil {
					err = tlog.CheckTree(proof, tree.N, tree.Hash, prev.N, prev.Hash)
				}
				if err != nil {
					t.Fatalf("round %d: the log of size %d does not extend the one of size %d checked a round before: %v", round-1, tree.N, prev.N, err)
				}
			}
			prev = tree
			lostInAll += lost
			cutInAll += cut
			t.Logf("round %d: %d ballots answered before the kill, %d cut off by it (in flight), %d not sent; retried: %d had been recorded (their answers lost), %d not; log size %d",
				round-1, before, cut, unsent, lost, notRecorded, tree.N)
		}
		// At least rounds kills; more, until one cut off the answer to a
		// recorded ballot, the case this test is for.
		if round > rounds+retryExtra || round > rounds && lostInAll > 0 {
			child.Kill()
			child.Wait()
			break
		}
		// This round's ballots, the process killed in their midst: some
		// answers come, some requests are in flight, some not yet sent.
		batch := all[(round-1)*retryBallots : round*retryBallots]
		for _, b := range batch {
			b.round = round
		}
		sent = all[:round*retryBallots]
		killAfter := 1 + rand.IntN(retryBallots-2*retryWorkers)
		delay := time.Duration(rand.IntN(3)) * time.Millisecond
		k.load(child, base, batch, killAfter, delay)
		k.failOnProblems(fmt.Sprintf("round %d, before the kill", round))
	}
	if lostInAll == 0 {
		t.Errorf("no kill in %d rounds fell between a ballot's commit and its answer (%d requests were cut off, none of them recorded): the retry of a recorded ballot whose answer was lost went untested", len(sent)/retryBallots, cutInAll)
	}

	// Offline: the whole audit of plenum verify, and the vote's state as
	// the log folds to.
	if code, out, errs := runForTest(t, "", "verify", "--db", k.db, "--data", dir); code != 0 {
		t.Fatalf("plenum verify after the kills: exit %d: %s %s", code, out, errs)
	}
	eng, closeAll, err := openEngine(ctx, k.db, dir, ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	a, _ = eng.Assembly(benchAssembly)
	var voted int
	tally, want := map[string]int{}, map[string]int{}
	a.Read(func(s *assembly.State) {
		voted = len(s.Votes["v1"].Voted)
		for _, b := range s.Votes["v1"].Ballots {
			tally[b.Choice] += b.Weight
		}
	})
	for _, b := range sent {
		want[b.choice]++
	}
	if voted != len(sent) || !maps.Equal(tally, want) {
		t.Errorf("the vote counts %d delegates as having voted, the ballots %v; %d voted, once each: %v", voted, tally, len(sent), want)
	}
	t.Logf("%d rounds in %v; of %d requests the kills cut off, %d had been recorded", len(sent)/retryBallots, time.Since(started).Round(time.Millisecond), cutInAll, lostInAll)
}

// countOf counts the ballots of which is says true.
func countOf(ballots []*retryBallot, is func(b *retryBallot) bool) int {
	n := 0
	for _, b := range ballots {
		if is(b) {
			n++
		}
	}
	return n
}
