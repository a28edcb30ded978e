package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/fault"
	"plenum/internal/crashtest"
	"plenum/store"
	"plenum/store/postgres/pgtest"
)

// The environment of the voting process TestKilledDuringSecretVote starts:
// the database and the data directory (the signing key's, which a
// PostgreSQL database needs given).
const (
	envKillDB   = "PLENUM_KILL_VOTER_DB"
	envKillData = "PLENUM_KILL_VOTER_DATA"
)

const (
	killAssembly = "kill-2026"
	killVote     = "v1"
	killVoters   = 800
	killRounds   = 20 // rounds killed at a random moment
)

var killChoices = []string{"for", "against", "abstain"}

// killChoice is the choice voter i casts, the same in every round, so that
// a ballot recorded in a round whose answer the kill cut off is still known.
func killChoice(i int) string { return killChoices[i%len(killChoices)] }

// killScript sets up an assembly of killVoters checked-in delegates with a
// secret vote open.
func killScript() string {
	var b strings.Builder
	at := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)
	line := func(cmd string, args map[string]any) {
		at = at.Add(time.Second)
		env := map[string]any{"cmd": cmd, "assembly": killAssembly, "actor": auth.AdminPerson, "at": at.Format(time.RFC3339), "args": args}
		if cmd == "create_assembly" {
			delete(env, "assembly")
		}
		raw, _ := json.Marshal(env)
		b.Write(raw)
		b.WriteByte('\n')
	}
	line("create_assembly", map[string]any{"id": killAssembly, "name": "A congress killed mid-vote", "starts": "2026-05-09", "rules": "congress"})
	line("add_organization", map[string]any{"id": "org", "name": "The Federation", "kind": "delegating"})
	line("add_person", map[string]any{"id": "chair", "name": "The Chair"})
	for i := range killVoters {
		p := "p" + strconv.Itoa(i)
		line("add_person", map[string]any{"id": p, "name": "Delegate " + strconv.Itoa(i)})
		line("submit_mandate", map[string]any{"id": "m-" + p, "person": p, "organization": "org", "kind": "decisive"})
		line("verify_mandate", map[string]any{"mandate": "m-" + p})
		line("check_in", map[string]any{"person": p})
	}
	line("open_sitting", map[string]any{"id": "s1", "date": "2026-05-09", "chair": "chair"})
	line("add_item", map[string]any{"id": "i1", "title": "The budget"})
	line("take_up_item", map[string]any{"item": "i1"})
	line("move_motion", map[string]any{"id": "mo1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chair"})
	line("open_vote", map[string]any{"id": killVote, "motion": "mo1", "method": "secret"})
	return b.String()
}

// killVoter is the child process: it opens the database as plenum serve
// would and casts the ballots of every voter, 16 at a time, in a random
// order, until it is killed. It prints "ack <voter>" once a ballot is
// recorded and "had <voter>" when the rules say the voter has voted (a
// ballot recorded in an earlier round whose answer the kill cut off).
func killVoter(db, data string) {
	ctx := context.Background()
	eng, closeAll, err := openEngine(ctx, db, data, "plenum.localhost")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	defer closeAll()
	var mu sync.Mutex
	out := bufio.NewWriter(os.Stdout)
	say := func(format string, args ...any) {
		mu.Lock()
		fmt.Fprintf(out, format+"\n", args...)
		out.Flush() // the parent learns of an answer only once it was given
		mu.Unlock()
	}
	say("ready")
	order := rand.Perm(killVoters)
	next := make(chan int)
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := "p" + strconv.Itoa(i)
				args, _ := json.Marshal(map[string]string{"vote": killVote, "voter": p, "choice": killChoice(i)})
				_, err := eng.Submit(ctx, assembly.Envelope{Cmd: "cast_ballot", Assembly: killAssembly, Actor: p, At: time.Now(), Args: args})
				// An append refused because the second writer appended
				// first is "nothing was recorded; send it again", which a
				// client does (on a loaded machine this came often enough
				// to end a run).
				for try := 0; try < 5 && errors.Is(err, engine.ErrNotRecorded); try++ {
					_, err = eng.Submit(ctx, assembly.Envelope{Cmd: "cast_ballot", Assembly: killAssembly, Actor: p, At: time.Now(), Args: args})
				}
				var refusal *assembly.Error
				switch {
				case err == nil:
					say("ack %s", p)
				case errors.As(err, &refusal) && strings.Contains(refusal.Msg, "already voted"):
					say("had %s", p)
				default:
					say("error %s %v", p, err)
					os.Exit(3)
				}
			}
		}()
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	say("done")
	select {} // wait to be killed, as a server would wait for more
}

// TestKilledDuringSecretVote kills a process casting secret ballots with
// SIGKILL at random moments, 20 times, and checks after each kill, from the database
// alone, that every acknowledged ballot is recorded once: its voter is
// marked voted in the log and the sealed box holds exactly one ballot per
// voter marked (a box row without its log entry, or the reverse, would
// link or lose a ballot). While it runs, a second writer is refused. At
// the end the vote closes, the sealed ballots enter the log with the
// choices that were cast, the box is emptied and plenum verify passes.
func TestKilledDuringSecretVote(t *testing.T) {
	if db := os.Getenv(envKillDB); db != "" {
		killVoter(db, os.Getenv(envKillData))
		return
	}
	if testing.Short() {
		t.Skip("starts a dozen processes")
	}
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		db := filepath.Join(dir, "plenum.db")
		killDuringSecretVote(t, db, db, dir, nil)
	})
	t.Run("postgres", func(t *testing.T) {
		// The voting process reaches PostgreSQL through a proxy that
		// drops the reply to one of its first COMMITs each round.
		dsn := pgtest.Fresh(t)
		proxiedDSN, proxy := proxied(t, dsn)
		killDuringSecretVote(t, dsn, proxiedDSN, t.TempDir(), proxy)
	})
}

// killDuringSecretVote runs the rounds on db, which the voting process
// reaches as childDB. With a proxy (PostgreSQL), each killed round also
// loses the reply to one of the process's first COMMITs, and a second
// writer in this process casts the same voters' ballots beside it: every
// ballot acknowledged by either must be in the record once.
func killDuringSecretVote(t *testing.T, db, childDB, data string, proxy *fault.Proxy) {
	script := filepath.Join(t.TempDir(), "setup.jsonl")
	if err := os.WriteFile(script, []byte(killScript()), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runForTest(t, "", "replay", "--db", db, "--data", data, script); code != 0 {
		t.Fatalf("setting up: exit %d: %s", code, errs)
	}
	postgres := store.IsPostgres(db)
	acked := map[string]bool{}
	done := false
	for round := 0; !done; round++ {
		if round == killRounds+3 {
			t.Fatalf("%d rounds and the voters have not all voted", round)
		}
		if proxy != nil {
			proxy.Arm()
		}
		child := crashtest.Start(t, "TestKilledDuringSecretVote", envKillDB+"="+childDB, envKillData+"="+data)
		if proxy != nil && round < killRounds {
			// Counted from here: the ballots' appends, not the opening's.
			proxy.Arm(fault.Fault{Kind: fault.DropReply, At: 1 + rand.IntN(4)})
		}
		var second *secondWriter
		if postgres && round < killRounds {
			second = startSecondWriter(t, db, data)
		}
		if round == 0 && !postgres {
			// A second writer beside the running one is refused and
			// changes nothing. (PostgreSQL takes several writers, each
			// append fenced: see docs/storage.md.)
			code, _, errs := runForTest(t, "", "serve", "--db", db, "--addr", "127.0.0.1:0")
			if code != 1 || !strings.Contains(errs, "in use by another writer") {
				child.Kill()
				child.Wait()
				t.Fatalf("a second serve beside the voting process: exit %d, %q", code, errs)
			}
		}
		// killRounds rounds are killed at a random moment; after them
		// the voters finish.
		timer := time.AfterFunc(time.Hour, child.Kill)
		if round < killRounds {
			timer.Reset(time.Duration(10+rand.IntN(150)) * time.Millisecond)
		}
		n := 0
		for l := range child.Lines {
			verb, p, _ := strings.Cut(l, " ")
			switch {
			case verb == "ack":
				if acked[p] {
					child.Kill()
					t.Fatalf("round %d: %s's ballot acknowledged twice", round, p)
				}
				acked[p] = true
				n++
			case verb == "had":
			case l == "done":
				done = true
				child.Kill()
			case child.Killed():
				// A line cut by the kill was never an answer.
			default:
				child.Kill()
				t.Fatalf("round %d: the voting process said %q: %s", round, l, child.Stderr())
			}
		}
		timer.Stop()
		child.Wait()
		if second != nil {
			for _, p := range second.stop() {
				if acked[p] {
					t.Fatalf("round %d: %s's ballot acknowledged by both writers", round, p)
				}
				acked[p] = true
				n++
			}
		}
		if postgres {
			killSettled(t, db)
		}
		voted, boxed := killedVoteState(t, db, data)
		for p := range acked {
			if !voted[p] {
				t.Fatalf("round %d: %s's acknowledged ballot is lost", round, p)
			}
		}
		if boxed != len(voted) {
			t.Fatalf("round %d: %d voters marked voted in the log, %d ballots in the sealed box", round, len(voted), boxed)
		}
		t.Logf("round %d: %d acknowledged, %d voted in all, %d in the box", round, n, len(voted), boxed)
	}

	// Close the vote: every ballot enters the log with the choice cast.
	closeScript := filepath.Join(t.TempDir(), "close.jsonl")
	closeLine := fmt.Sprintf(`{"cmd": "close_vote", "assembly": %q, "actor": "chair", "at": %q, "args": {"vote": %q}}`+"\n", killAssembly, time.Now().UTC().Format(time.RFC3339), killVote)
	if err := os.WriteFile(closeScript, []byte(closeLine), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runForTest(t, "", "replay", "--db", db, "--data", data, closeScript); code != 0 {
		t.Fatalf("closing the vote: exit %d: %s", code, errs)
	}
	if code, out, errs := runForTest(t, "", "verify", "--db", db, "--data", data); code != 0 {
		t.Fatalf("verify after the kills: exit %d: %s %s", code, out, errs)
	}
	if box := killQueryCount(t, db, `SELECT COUNT(*) FROM ballot_box`); box != 0 {
		t.Errorf("%d rows left in the box after the close", box)
	}
	// The sealed ballots enter the log in entries of a bounded size.
	var payload strings.Builder
	for _, data := range killQueryTexts(t, db, `SELECT data FROM entries`) {
		if strings.Contains(data, `"type":"sealed_ballots"`) {
			payload.WriteString(data)
		}
	}
	want := map[string]int{}
	for i := range killVoters {
		want[killChoice(i)]++
	}
	for choice, n := range want {
		if got := strings.Count(payload.String(), `"`+choice+`"`); got != n {
			t.Errorf("the sealed ballots hold %q %d times, want %d (every voter once)", choice, got, n)
		}
	}
}

// killedVoteState reads, from the database of a killed process, the
// voters the log marks as having voted in the secret vote and the number
// of ballots in its sealed box.
func killedVoteState(t *testing.T, db, data string) (voted map[string]bool, boxed int) {
	t.Helper()
	ctx := context.Background()
	eng, closeAll, err := openEngine(ctx, db, data, "plenum.localhost")
	if err != nil {
		t.Fatalf("reopening after the kill: %v", err)
	}
	a, ok := eng.Assembly(killAssembly)
	if !ok {
		closeAll()
		t.Fatal("the assembly is gone after the kill")
	}
	voted = map[string]bool{}
	a.Read(func(s *assembly.State) {
		for right := range s.Votes[killVote].Voted {
			voted[strings.TrimPrefix(right, "m-")] = true
		}
	})
	closeAll()
	return voted, killQueryCount(t, db, `SELECT COUNT(*) FROM ballot_box`)
}

// secondWriter casts ballots through an engine of this process beside
// the voting process, on the same PostgreSQL database.
type secondWriter struct {
	halt  chan struct{}
	done  chan struct{}
	acked []string
}

func startSecondWriter(t *testing.T, db, data string) *secondWriter {
	t.Helper()
	eng, closeAll, err := openEngine(context.Background(), db, data, "plenum.localhost")
	if err != nil {
		t.Fatalf("the second writer: %v", err)
	}
	w := &secondWriter{halt: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		defer closeAll()
		for _, i := range rand.Perm(killVoters) {
			select {
			case <-w.halt:
				return
			default:
			}
			p := "p" + strconv.Itoa(i)
			args, _ := json.Marshal(map[string]string{"vote": killVote, "voter": p, "choice": killChoice(i)})
			if _, err := eng.Submit(context.Background(), assembly.Envelope{Cmd: "cast_ballot", Assembly: killAssembly, Actor: p, At: time.Now(), Args: args}); err == nil {
				w.acked = append(w.acked, p)
			}
		}
	}()
	return w
}

// stop halts the second writer and returns the voters whose ballots it
// had acknowledged.
func (w *secondWriter) stop() []string {
	close(w.halt)
	<-w.done
	return w.acked
}

// killSettled waits until PostgreSQL has ended the killed process's
// sessions: a COMMIT the process sent before it died may still be landing,
// and the count would race it (the log read before it lands, the box
// after).
func killSettled(t *testing.T, db string) {
	t.Helper()
	rdb := killDB(t, db)
	defer rdb.Close()
	rdb.SetMaxOpenConns(1)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var others int
		if err := rdb.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&others); err != nil {
			t.Fatal(err)
		}
		if others == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d sessions of the killed process still open after 30 s", others)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// killDB opens the database as it lies on disk, beside the engine; the
// caller closes it, so that no session of the test's stays open.
func killDB(t *testing.T, db string) *sql.DB {
	t.Helper()
	driver, dsn := "sqlite", "file:"+db+"?mode=ro"
	if store.IsPostgres(db) {
		driver, dsn = "pgx", db
	}
	rdb, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return rdb
}

func killQueryCount(t *testing.T, db, query string) int {
	t.Helper()
	rdb := killDB(t, db)
	defer rdb.Close()
	var n int
	if err := rdb.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// killQueryTexts returns the first column of every row of the query, as
// text.
func killQueryTexts(t *testing.T, db, query string) []string {
	t.Helper()
	rdb := killDB(t, db)
	defer rdb.Close()
	rows, err := rdb.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
