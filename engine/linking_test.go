package engine_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
)

// newTestEnvOn is newTestEnv over the store kind ("sqlite" or "postgres";
// the latter on a fresh database, skipped without a server unless
// PLENUM_REQUIRE_POSTGRES=1). It returns the PostgreSQL DSN, if any.
func newTestEnvOn(t *testing.T, kind string) (*testEnv, string) {
	t.Helper()
	if kind == "sqlite" {
		return newTestEnv(t), ""
	}
	dsn := pgtest.Fresh(t)
	env := newTestEnv(t)
	env.close()
	env.path = ""
	env.reopen = func() (ledger.Store, error) { return postgres.Open(context.Background(), dsn) }
	env.open()
	return env, dsn
}

// secretVote is a secret vote with n voters cast and still open: half of
// them one by one, half at once (several ballots in one batch).
type secretVote struct {
	order   []string          // the voters in the order the log has their ballot_cast
	choices map[string]string // voter → choice
	tokens  map[string]string // voter → token
}

func castSecretVote(t *testing.T, env *testEnv, n int) *secretVote {
	t.Helper()
	env.setup(n)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	sv := &secretVote{choices: map[string]string{}, tokens: map[string]string{}}
	options := []string{"for", "against", "abstain"}
	envs := make([]assembly.Envelope, n)
	for i := range n {
		p := fmt.Sprintf("d%d", i)
		sv.choices[p] = options[i%len(options)]
		envs[i] = env.envelope(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": sv.choices[p]})
	}
	var mu sync.Mutex
	cast := func(e assembly.Envelope) {
		r, err := env.eng.Submit(context.Background(), e)
		if err != nil {
			t.Error(err)
			return
		}
		mu.Lock()
		sv.tokens[e.Actor] = r.BallotToken
		mu.Unlock()
	}
	for _, e := range envs[:n/2] {
		cast(e)
	}
	var wg sync.WaitGroup
	for _, e := range envs[n/2:] {
		wg.Go(func() { cast(e) })
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	a, _ := env.eng.Assembly("coop")
	entries, err := a.Log().Read(context.Background(), 0, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type == "ballot_cast" {
			sv.order = append(sv.order, e.Actor)
		}
	}
	if len(sv.order) != n {
		t.Fatalf("%d ballot_cast entries for %d voters", len(sv.order), n)
	}
	return sv
}

// boxRow is a ballot-box row as an attacker holding the database reads
// it: its bytes, where it lies, and (PostgreSQL) the transaction that
// wrote it.
type boxRow struct {
	xmin string
	data []byte
}

// boxTable is the ballot box's table in the store's schema: ballot_box,
// or sealed_ballots before migration 0004 (so that these attacks run
// against the old box too).
func boxTable(has func(string) bool) string {
	if has("ballot_box") {
		return "ballot_box"
	}
	return "sealed_ballots"
}

// learned runs the second half of every linking attack: given rows linked
// to voters (by transaction, WAL commit, or order), it tries to read each
// row's choice — from a token published at the close found in its bytes,
// or a choice in plain — and returns the voters whose choice it learned.
func (sv *secretVote) learned(linked map[string][]byte) []string {
	published := map[string]string{} // what the log's sealed_ballots entries show
	for p, tok := range sv.tokens {
		published[tok] = sv.choices[p]
	}
	var out []string
	for voter, data := range linked {
		guess := ""
		for tok, c := range published {
			if bytes.Contains(data, []byte(tok)) {
				guess = c
			}
		}
		for _, c := range []string{"for", "against", "abstain"} {
			if bytes.Contains(data, []byte(`"choice":"`+c+`"`)) {
				guess = c
			}
		}
		if guess != "" && guess == sv.choices[voter] {
			out = append(out, voter)
		}
	}
	return out
}

// checkSizes: every row of the box has the same length, so that length
// tells nothing of a ballot's choice or weight.
func checkSizes(t *testing.T, rows []boxRow, sv *secretVote) {
	t.Helper()
	if len(rows) != len(sv.order) {
		t.Fatalf("the box holds %d rows for %d ballots", len(rows), len(sv.order))
	}
	sizes := map[int]int{}
	for _, r := range rows {
		sizes[len(r.data)]++
	}
	if len(sizes) != 1 {
		t.Errorf("row sizes vs choice: the box's rows have %d different lengths (%v); a row's length tells its choice", len(sizes), sizes)
	}
}

// byOrder is the order attack: the i-th row as stored is taken for the
// i-th ballot cast.
func byOrder(rows []boxRow, sv *secretVote) map[string][]byte {
	linked := map[string][]byte{}
	for i, r := range rows {
		if i < len(sv.order) {
			linked[sv.order[i]] = r.data
		}
	}
	return linked
}

// TestSecretBallotLinkingSQLite runs the linking attacks on a copy of a
// SQLite database (and its WAL) taken while a secret vote is open, then
// reads the tokens the close publishes: no voter's choice is learned.
func TestSecretBallotLinkingSQLite(t *testing.T) {
	env, _ := newTestEnvOn(t, "sqlite")
	const n = 12
	sv := castSecretVote(t, env, n)

	// The files as a copy or a backup holds them, while the vote is open.
	var raw []byte
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		b, err := os.ReadFile(env.path + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		raw = append(raw, b...)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	for _, suffix := range []string{"", "-wal"} {
		if b, err := os.ReadFile(env.path + suffix); err == nil {
			if err := os.WriteFile(copyPath+suffix, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	db, err := sql.Open("sqlite", "file:"+copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	table := boxTable(func(name string) bool {
		var n int
		db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name = ?`, name).Scan(&n)
		return n > 0
	})
	// Rows in the order they lie in the file (no ORDER BY).
	q, err := db.Query(`SELECT data FROM ` + table)
	if err != nil {
		t.Fatal(err)
	}
	var rows []boxRow
	for q.Next() {
		var r boxRow
		if err := q.Scan(&r.data); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	q.Close()

	// The vote closes: the log publishes every token with its choice.
	env.must("admin", "close_vote", obj{"vote": "v1"})

	// Raw file and WAL bytes: no token, no choice in plain.
	for p, tok := range sv.tokens {
		if bytes.Contains(raw, []byte(tok)) {
			t.Errorf("raw bytes: the database files hold %s's token %s in plain while the vote is open", p, tok)
		}
	}
	for _, c := range []string{"for", "against", "abstain"} {
		if bytes.Contains(raw, []byte(`"choice":"`+c+`"`)) {
			t.Errorf("raw bytes: the database files hold a choice %q in plain while the vote is open", c)
		}
	}
	// Row order vs cast order (several ballots were in one batch).
	if got := sv.learned(byOrder(rows, sv)); len(got) > 0 {
		t.Errorf("row order vs cast order: the choices of %d of %d voters learned: %v", len(got), n, got)
	}
	checkSizes(t, rows, sv)
	checkEmptied(t, env, sv)

	// After the close and a shutdown (the WAL checkpointed and truncated),
	// the files hold no trace of the rows: secure_delete overwrote them,
	// so not even the signing key opens a ballot of the closed vote.
	env.close()
	raw = raw[:0]
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(env.path + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		raw = append(raw, b...)
	}
	left := 0
	for _, r := range rows {
		if bytes.Contains(raw, r.data[len(r.data)-32:]) {
			left++
		}
	}
	if left > 0 {
		t.Errorf("after the close and a shutdown the database files still hold %d of the %d rows", left, len(rows))
	}
	env.open()
}

// checkEmptied: after the close the box is empty, the vote counted every
// ballot, and the record audits and replays.
func checkEmptied(t *testing.T, env *testEnv, sv *secretVote) {
	t.Helper()
	a, _ := env.eng.Assembly("coop")
	box, err := a.Log().SealedBallots(context.Background(), "v1")
	if err != nil || len(box) != 0 {
		t.Errorf("after the close the box holds %d rows (%v)", len(box), err)
	}
	if got := env.state().Votes["v1"].Sealed; len(got) != len(sv.order) {
		t.Errorf("%d sealed ballots counted, want %d", len(got), len(sv.order))
	}
	auditReplay(t, env)
}

// TestSecretBallotLinkingPostgres runs the linking attacks on a
// PostgreSQL database while a secret vote is open: the box rows are
// joined to the ballot_cast entries by the transaction that wrote them
// (xmin), and by the order they lie in (ctid); with the tokens the close
// publishes, no voter's choice is learned.
func TestSecretBallotLinkingPostgres(t *testing.T) {
	env, dsn := newTestEnvOn(t, "postgres")
	const n = 12
	sv := castSecretVote(t, env, n)

	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	table := boxTable(func(name string) bool {
		var ok bool
		c.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, name).Scan(&ok)
		return ok
	})
	q, err := c.Query(ctx, `SELECT xmin::text, data FROM `+table+` ORDER BY ctid`)
	if err != nil {
		t.Fatal(err)
	}
	var rows []boxRow
	for q.Next() {
		var r boxRow
		if err := q.Scan(&r.xmin, &r.data); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	q.Close()
	if err := q.Err(); err != nil {
		t.Fatal(err)
	}
	// Which transaction recorded which voter's ballot_cast.
	voters := map[string][]string{}
	eq, err := c.Query(ctx, `SELECT xmin::text, data FROM entries WHERE position('"type":"ballot_cast"' in convert_from(data, 'UTF8')) > 0`)
	if err != nil {
		t.Fatal(err)
	}
	for eq.Next() {
		var x string
		var data []byte
		if err := eq.Scan(&x, &data); err != nil {
			t.Fatal(err)
		}
		var e struct {
			Actor string `json:"actor"`
		}
		if err := json.Unmarshal(data, &e); err != nil {
			t.Fatal(err)
		}
		voters[x] = append(voters[x], e.Actor)
	}
	eq.Close()

	env.must("admin", "close_vote", obj{"vote": "v1"})

	// xmin: a row written with one voter's entry is that voter's; a row
	// in a batch of several voters is tried as each of them.
	linked := map[string][]byte{}
	exact := 0
	for _, r := range rows {
		vs := voters[r.xmin]
		if len(vs) == 1 {
			exact++
		}
		for _, v := range vs {
			if linked[v] == nil || len(vs) == 1 {
				linked[v] = r.data
			}
		}
	}
	t.Logf("xmin joins %d rows to exactly one voter (the box's rows are opaque, so that is all it gives)", exact)
	if got := sv.learned(linked); len(got) > 0 {
		t.Errorf("xmin: the choices of %d of %d voters learned: %v", len(got), n, got)
	}
	if got := sv.learned(byOrder(rows, sv)); len(got) > 0 {
		t.Errorf("row order (ctid) vs cast order: the choices of %d of %d voters learned: %v", len(got), n, got)
	}
	for _, r := range rows {
		for _, tok := range sv.tokens {
			if bytes.Contains(r.data, []byte(tok)) {
				t.Errorf("a row holds a token in plain")
			}
		}
	}
	checkSizes(t, rows, sv)
	checkEmptied(t, env, sv)
}

// TestSecretVoteSurvivesRestart: a server restarted in the middle of an
// open secret vote counts every acknowledged ballot, on both stores.
func TestSecretVoteSurvivesRestart(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			env, _ := newTestEnvOn(t, kind)
			env.setup(5)
			env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
			choices := []string{"for", "against", "for", "abstain", "for"}
			for i, c := range choices[:3] {
				p := fmt.Sprintf("d%d", i)
				env.must(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": c})
			}
			env.close()
			env.open()
			for i, c := range choices[3:] {
				p := fmt.Sprintf("d%d", i+3)
				env.must(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": c})
			}
			env.close()
			env.open()
			env.must("admin", "close_vote", obj{"vote": "v1"})
			env.must("admin", "declare_result", obj{"vote": "v1"})
			if got := env.state().Votes["v1"].Result.Arithmetic; !strings.HasPrefix(got, "3 for, 1 against, 1 abstaining, 4 cast") {
				t.Fatalf("result %q", got)
			}
			auditReplay(t, env)
			env.close()
			env.open()
			if got := env.state().Votes["v1"].Sealed; len(got) != 5 {
				t.Fatalf("after a restart, %d sealed ballots", len(got))
			}
		})
	}
}

// TestWithdrawnSecretVoteEmptiesItsBox: withdrawing a secret vote takes
// its ballot box away in the same append.
func TestWithdrawnSecretVoteEmptiesItsBox(t *testing.T) {
	env := newTestEnv(t)
	env.setup(2)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	env.must("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "for"})
	a, _ := env.eng.Assembly("coop")
	if box, err := a.Log().SealedBallots(context.Background(), "v1"); err != nil || len(box) != 1 {
		t.Fatalf("box before: %d, %v", len(box), err)
	}
	env.must("chief", "withdraw_vote", obj{"vote": "v1", "reason": "the motion was redrafted", "consent": "the assembly agreed"})
	if box, err := a.Log().SealedBallots(context.Background(), "v1"); err != nil || len(box) != 0 {
		t.Fatalf("box after the withdrawal: %d, %v", len(box), err)
	}
	auditReplay(t, env)
}

// auditReplay checks the record as plenum verify does: every hash and
// signature, and every event replayed.
func auditReplay(t *testing.T, env *testEnv) {
	t.Helper()
	if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), ledger.AuditOptions{Replay: engine.NewReplayer().Apply}); err != nil {
		t.Fatalf("audit and replay: %v", err)
	}
}

// TestSecretBallotEntriesTellNoChoice: the ballot_cast entries of a
// secret vote, as stored in the log, cannot tell choices apart. Two
// voters cast different choices with the same idempotency key: their
// entries are identical once voter, mandate, time and key are blanked
// (before the fix the request hash in the meta covered the choice, and
// three choices are brute-forced in microseconds). A retry with the same
// key and another choice is answered as replayed: the first ballot stands.
func TestSecretBallotEntriesTellNoChoice(t *testing.T) {
	env := newTestEnv(t)
	env.setup(3)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	cast := func(p, choice string) error {
		e := env.envelope(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": choice})
		e.Key = "ballot-key"
		_, err := env.eng.Submit(context.Background(), e)
		return err
	}
	before := env.logSize()
	if err := cast("d0", "for"); err != nil {
		t.Fatal(err)
	}
	if err := cast("d1", "against"); err != nil {
		t.Fatal(err)
	}
	a, _ := env.eng.Assembly("coop")
	raw, err := a.Log().Raw(context.Background(), before, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) != 2 {
		t.Fatalf("%d entries for two ballots", len(raw))
	}
	entries, err := a.Log().Read(context.Background(), before, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	blank := func(i int, p string) string {
		s := string(raw[i])
		s = regexp.MustCompile(`"(index|time|at|req)":("[^"]*"|[0-9]+)`).ReplaceAllString(s, `"$1":"-"`)
		return strings.ReplaceAll(s, p, "VOTER")
	}
	if b0, b1 := blank(0, "d0"), blank(1, "d1"); b0 != b1 {
		t.Fatalf("the ballot_cast entries of two secret ballots with different choices differ:\n%s\n%s", b0, b1)
	}
	// The request hash is the one field left: brute-force it as anyone
	// reading the log could, over every choice the vote offers.
	for i, p := range []string{"d0", "d1"} {
		req := entries[i].Payload
		var linked []string
		for _, c := range []string{"for", "against", "abstain"} {
			h := engine.RequestHash("coop", assembly.CastBallot{Vote: "v1", Voter: p, Choice: c})
			if strings.Contains(string(req), `"req":"`+h+`"`) {
				linked = append(linked, c)
			}
		}
		if len(linked) == 1 {
			t.Fatalf("the request hash of %s's secret ballot gives away the choice %q", p, linked[0])
		}
	}
	// The same key with another choice: the first ballot stands.
	e := env.envelope("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "against"})
	e.Key = "ballot-key"
	r, err := env.eng.Submit(context.Background(), e)
	if err != nil || !r.Replayed {
		t.Fatalf("a retry with another choice: %+v, %v; want replayed", r, err)
	}
	env.must("admin", "close_vote", obj{"vote": "v1"})
	if v := env.state().Votes["v1"]; len(v.Sealed) != 2 {
		t.Fatalf("%d sealed ballots", len(v.Sealed))
	}
	got := map[string]int{}
	for _, s := range env.state().Votes["v1"].Sealed {
		got[s]++
	}
	if got["for"] != 1 || got["against"] != 1 {
		t.Fatalf("sealed choices %v", got)
	}
}

// TestElectionBallotHashLeavesOutTheRanking: an election ballot's request
// hash, recorded in its meta, does not depend on its ranking, approvals
// or list, but does on the election and the voter.
func TestElectionBallotHashLeavesOutTheRanking(t *testing.T) {
	a := engine.RequestHash("coop", assembly.CastElectionBallot{Election: "e1", Voter: "d0", Ranking: []string{"x", "y"}})
	for _, b := range []assembly.CastElectionBallot{
		{Election: "e1", Voter: "d0", Ranking: []string{"y", "x"}},
		{Election: "e1", Voter: "d0", Approve: []string{"x"}},
		{Election: "e1", Voter: "d0", List: "l2"},
	} {
		if engine.RequestHash("coop", b) != a {
			t.Errorf("the hash of %+v differs by its choice", b)
		}
	}
	if engine.RequestHash("coop", assembly.CastElectionBallot{Election: "e1", Voter: "d1"}) == a || engine.RequestHash("coop", assembly.CastElectionBallot{Election: "e2", Voter: "d0"}) == a {
		t.Error("the hash does not tell voters or elections apart")
	}
}
