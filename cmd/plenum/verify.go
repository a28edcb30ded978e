package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/remote"
	"plenum/store"
)

func init() {
	register(&subcommand{
		name:    "verify",
		summary: "audit the record: every hash, signature and checkpoint",
		usage: `
NAME
    plenum verify — audit the record: every hash, signature and checkpoint

SYNOPSIS
    plenum verify --db PATH|URL [--key VERIFIERKEY | --data DIR] [--marks FILE|DIR] [--no-replay]
    plenum verify --db PATH|URL [--key VERIFIERKEY | --data DIR] --document FILE
    plenum verify --url URL [--assembly ID] --key VERIFIERKEY
                  [--witness VKEY ...] [--witnesses-needed K]
                  [--since CHECKPOINTFILE] [--no-replay] [--timeout D]
                  [--keep DIR]
    plenum verify --receipt FILE --key VERIFIERKEY [--witness VKEY ...]
                  [--url URL [--timeout D]] [--token TOKEN | --tracker TRACKER]
    plenum verify --excerpt FILE --key VERIFIERKEY [--witness VKEY ...]
                  [--complete] [--json]

DESCRIPTION
    With --db alone, verify audits a database:
    Reads every entry of every assembly's log in the database, recomputes
    every record and tree hash and compares them with the stored ones,
    checks every stored checkpoint's signature against the verifier key and
    that each checkpoint is the root of the same tree the entries make (so
    each is consistent with the one before), checks the payloads stored
    beside the log against their SHA-256, replays every event through the
    rules of procedure, and compares the ballot box of every secret vote
    still open with the ballots its ballot_cast entries record (a box
    whose number of rows differs was altered outside plenum). In an
    encrypted vote the replay re-checks the trustees' key ceremony, every
    ballot's proofs, the encrypted total (the sum of the last ballot of
    each mandate), every partial decryption with its proof, and that the
    declared result is the decryption.

    The database is opened read-only; it is safe to verify while plenum
    serve is running. --db takes a SQLite file or a postgres:// URL.

    Without --key, the verifier key is derived from the signing key in the
    data directory: --data DIR, by default the SQLite file's folder. That
    checks the record against itself only: whoever can rewrite the
    database can replace that key too. For an independent audit, pass the
    verifier key published when the server started. A PostgreSQL database
    has no folder beside it: give --key (or, to trust the server's own
    key, --data with the server's data directory).

    Whatever the mode, a key given with --key must have signed the
    checkpoints verify is shown: one that did not is refused with exit
    status 1, naming the key given and the key that signed them (a
    signature names its key's name and hash; a document states its
    whole key), and a --key that is no key is refused with exit status 2.

    On a large log a progress bar is drawn on standard error.

    With --document, verify checks an exported document (plenum export:
    md, html or akn) against the database: the checkpoint the document
    states must be signed by --key (and the document must state that
    key) and be the root of the log's first entries, and
    re-rendering the record at that checkpoint must give the document byte
    for byte. A difference is named by its line. The bytes are compared
    only with the renderer of the version the document states ("md/2"; a
    document without the statement, exported before December 2026, is
    version 1): a document of another version is refused with exit status
    3, after its checkpoint and the record it was rendered from are
    checked, naming the version and the plenum that can compare it.
    Without --key, the key is the one of the signing key beside the
    database (or in --data), or, when there is none, as for a record file
    from the record page, the key the document states; verify says so,
    and that this proves only that the document and the database agree,
    not who signed them: give --key, the key the assembly published (the
    record page prints the command with it), to know that.

    With --url, verify checks a log served by any plenum server (or any
    C2SP tlog-tiles server) as an outside client would: it fetches the
    checkpoint and every tile and entry bundle, checks the signature with
    --key and the cosignatures of the --witness keys, the consistency with
    the checkpoint remembered in --since (created on the first visit and
    replaced after each successful check), every record and tree hash, and
    replays every event. It says where it read the log from, up to which
    signed checkpoint (its tree size and root hash), and that it replayed
    every entry, how many (or, with --no-replay, that it did not):

        read from http://127.0.0.1:8080/log/march-1917/, up to its signed
        checkpoint of tree size 731 (root hash 3lUDJ9Ys…=)
        replayed: 731 entries, every event in order through the rules of
        procedure up to that checkpoint, none refused

    URL is the log's prefix, for example
    http://127.0.0.1:8080/log/march-1917; when it ends in /log/<id>, the
    checkpoint must be that assembly's (one key signs every log of a
    server). Redirects are followed only within the URL's host. URL may
    also be a folder holding a copy of the log laid out as the server
    serves it (checkpoint, tile/..., blob/...: a copy of .../log/<id>/,
    or of .../log/ with --assembly): it is checked as the server would
    be.

    With --keep DIR, verify keeps such a copy: every file it fetched (the
    checkpoint as served, with its cosignatures, every tile and entry
    bundle, full or partial, every payload under blob/) is written to DIR,
    laid out as the server serves the log under .../log/<id>/, once the
    whole check passed; a check that fails writes nothing. Run again with
    the same DIR, it brings the copy up to date: new tiles are added,
    partial tiles replaced by wider ones, and the checkpoint replaced
    last, each file by a rename. It does so only if the log verified
    extends the copy, proved from the tiles it fetched against both
    checkpoints' roots: a server that rewrote or forked its history and
    signed it with its key is refused, naming both tree sizes and roots,
    before the entries are downloaded (the server's checkpoint is
    checked against the copy's first, from the few tiles the proof
    needs, and the checkpoint verified again at the end).
    So is a DIR holding a copy of another log (another origin), or one
    not signed by --key; each is left as it is, with exit status 1. One
    --keep at a time writes to DIR: another one meanwhile is refused. The
    hidden stage folder (.plenum-keep-…) a killed --keep leaves in DIR is
    removed by the next --keep into it. plenum verify --url DIR checks
    the copy; any static host can serve it as the log. --keep needs the
    replay (not --no-replay), which fetches the payloads.

    A plenum server serves one log for each assembly: with the server's
    address, http://127.0.0.1:8080, --assembly ID says which log to
    verify (the one at …/log/ID/). Without it, a server's address that
    serves no log of its own is refused with exit status 2, naming the
    logs the server lists (at …/log/) and how to pick one; an assembly
    the server has no log of is refused with exit status 1, naming them
    too. verify never picks a log for you: one check is of one log, and
    --since remembers that log's checkpoint.

    Each request to the server must end within a minute, and the whole
    check within --timeout (10 minutes unless given; 0 for no limit):
    otherwise it stops, saying how many entries it verified, with exit
    status 4. A log of millions of entries, or a slow server, may need a
    longer --timeout; a server that answers each request slowly cannot
    keep the check waiting for ever.

    With --receipt, verify checks a ballot receipt (a C2SP tlog-proof file
    from the delegate page) offline, and with --url also against the log as
    it is now. When the receipt's entry is about a vote or an election (a
    ballot), --url also verifies the whole log as --url alone does, within
    --timeout as above, replaying it, and so names the vote by its
    question (its motion's or alternatives' title) and the election by its
    title, as the pages do, with the id after it: "Adopt the budget" (v1);
    and an election's candidates by their names as the record gives them
    (a list by the name the election gives it), the id after a name two
    candidates share: "Käthe Fuß, Anna Weber (anna-1)". Offline, the
    receipt's entry names them by their id alone, and verify says so.

    With --receipt and --token, the receipt is of a ballot in a secret
    vote (from the delegate page, or POST /api/assemblies/{id}/votes/
    {vote}/receipt): verify also checks that its entry is a sealed_ballots
    entry carrying the ballot of TOKEN, the code given when the ballot was
    cast (a ballot of several votes under tokens derived from it, which
    only the holder of TOKEN can derive), and prints the choice recorded
    under it. The receipt names no voter; only whoever holds the token
    can tell the ballot is theirs. A ballot of several votes (a mandate's
    weight) enters the log as that many votes, shuffled among all the
    vote's sealed ballots, 200 an entry, so that its votes may be in
    several entries, of which the receipt holds one: offline, verify
    counts the votes in the receipt's entry and says that is all it
    counted; with --url it counts them among all the vote's
    sealed_ballots entries, naming those entries, and refuses votes of
    one ballot under two choices with exit status 1.

    With --receipt and --tracker, the receipt is of a ballot in an
    encrypted vote: verify also checks that its entry is an
    encrypted_ballot_cast holding the encrypted ballot of that tracker.

    With --excerpt, it checks a certified excerpt of the minutes offline:
    some of the log's entries (the server's excerpt of a motion holds
    every entry its fate rests on: its moving, seconding, amendments,
    disposal, and every entry of each vote on it), each proved
    against one signed checkpoint. An excerpt proves that what it shows
    is in the record, not that nothing was left out; so verify says how
    many of the checkpoint's entries it holds and which runs of indexes
    it leaves out, the first ten and how many more:

        excerpt: 3 of 412 entries; absent: 0–20, 23–24, 26–411

    or, when it holds every entry, that it is the whole record:

        complete: 412 of 412 entries, the whole record at its checkpoint

    then prints the entries, one a line (its index, when it was
    recorded, and when its event is dated where that is otherwise, as in
    a record restored from old minutes, its type, by whom, its payload
    in short; with --json, as the log holds it). A plain vote whose opening it holds is counted
    again from its ballots or the last count entered, as the replay
    does; a declaration they do not bear out is refused (exit 1).
    A valid excerpt is exit status 0 either way;
    --complete demands the whole record, and refuses an excerpt that
    leaves entries out with exit status 5, naming them. The excerpt of a
    motion decided by an encrypted vote also holds the vote's count (key
    ceremony, ballots, their sum, the trustees' partial decryptions, the
    derived counts); verify checks it as the full replay does, says so
    ("the count was checked from 2 of its 3 trustees' decryptions (...)
    of the sum of 4 ballots"), and names the entry that fails (exit 1).
    The excerpt of an election holds its opening, nominations, every
    ballot, the close and the declaration (and, encrypted, its count);
    verify counts the election again by its method from the ballots,
    checks that the declaration names whom the count elects and records
    that count, and names the entry that fails (exit 1). It names the
    candidates by the names the excerpt's own entries give them (a list
    by the name the election's opening gives it); the excerpt of an
    election holds no entry naming its candidates, so verify gives them by
    their ids and says so.

OPTIONS
    --db PATH|URL       the SQLite database (default ./plenum-data/plenum.db),
                        or a postgres:// URL for PostgreSQL
    --key VERIFIERKEY   the verifier key ("name+hash+key"), or a file
                        holding it
    --data DIR          the data directory whose signing.key gives the key
                        when --key is not given (default: the SQLite
                        database's folder; with PostgreSQL, give --key or
                        --data)
    --no-replay         check hashes and signatures only, without replaying
                        the events through the rules of procedure
    --marks FILE|DIR    with --db: check the database against the server's
                        high-water marks too (the marks file, or the data
                        directory holding it): a log with fewer entries
                        than its mark, or another tree at the mark's size,
                        was rolled back (exit 1). Without --key, the marks
                        in the data directory are read when it has them
    --document FILE     an exported document to check against --db
    --url URL           a log's address (its tlog-tiles prefix), or with
                        --assembly a plenum server's; or a folder holding
                        a copy of either
    --assembly ID       with --url: verify the log of this assembly among
                        the server's (at URL/log/ID/)
    --witness VKEY      a witness's verifier key, or a file holding it;
                        repeat for each witness
    --witnesses-needed K
                        how many of the witnesses must have cosigned
                        (default: all of them)
    --since FILE        the checkpoint remembered from an earlier visit
    --keep DIR          with --url: keep a copy of the log verified in DIR,
                        laid out as the server serves it (written only
                        when the check passes; updated on the next run
                        if the log extends the copy)
    --timeout D         with --url: the most the whole log's check may take
                        (with --receipt too, when it is of a ballot), such
                        as 30s, 10m or 2h (default 10m; 0 for no limit)
    --receipt FILE      a ballot receipt to check
    --token TOKEN       with --receipt: the ballot token of a secret ballot
                        (upper or lower case; the spaces between its
                        groups are dropped)
    --tracker TRACKER   with --receipt: the tracker of an encrypted ballot
                        (the receipt's entry must hold the ballot whose
                        SHA-256 it is)
    --excerpt FILE      a certified excerpt to check
    --complete          with --excerpt: demand the whole record at the
                        excerpt's checkpoint (exit status 5 if it leaves
                        any entry out)
    --json              with --excerpt: print each entry as the log holds
                        it (its JSON) instead of on one line in short

EXIT STATUS
    0 when the record is intact; 1 when it is not, naming the assembly, the
    first bad entry and why, or when the database cannot be read; 2 for a
    usage error; with --document, 3 when the document states a version of
    the renderer other than this plenum's, so that its bytes could not be
    compared (its checkpoint and record checked out); with --db, --url
    and --excerpt, 3 when the replay (or the excerpt's check) reaches an
    election or a vote counted by a version of the counting rules this
    plenum does not know (a later plenum's: the message names the
    version, the entry and the election or vote; verify it with a newer
    plenum), the entries before it having checked out; with --url, 4 when
    the check did not finish within --timeout (nothing wrong was found in
    the entries it verified, but the log is not verified). A problem found
    in what the server sent is exit status 1 even when the time ran out as
    it was found: only a check that found nothing wrong ends with 4. With
    --excerpt --complete, 5 when the excerpt is valid but leaves entries
    out (it names them; without --complete such an excerpt is 0).

EXAMPLES
    Check a copy of the server's database against the verifier key that
    plenum serve printed at start (saved in verifier.key):

        plenum verify --db copy-of-the-server.db --key verifier.key

    Check the running server's own database against the key beside it:

        plenum verify --db plenum-data/plenum.db

    Check minutes saved from the record page against the record file
    saved beside them, when the server is gone, with the key it published:

        plenum verify --db march-1917-record-412.db \
            --document march-1917-minutes-412.md --key verifier.key

    Keep a copy of a server's log of an assembly, checked, in a folder,
    and check the copy later, when the server may be gone:

        plenum verify --url https://plenum.example --assembly march-1917 \
            --key verifier.key --keep march-1917-log
        plenum verify --url march-1917-log --key verifier.key

    Check a PostgreSQL database against the published key:

        plenum verify --db postgres://plenum@db.example/plenum --key verifier.key
`,
		run: runVerify,
	})
}

// verifyLargeLog is the number of entries from which verify draws a
// progress bar even when standard error is not a terminal.
const verifyLargeLog = 200_000

func runVerify(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlagSet(subcommands["verify"], env)
	db := fs.String("db", defaultDBPath, "")
	key := fs.String("key", "", "")
	data := fs.String("data", "", "")
	noReplay := fs.Bool("no-replay", false, "")
	document := fs.String("document", "", "")
	url := fs.String("url", "", "")
	assemblyID := fs.String("assembly", "", "")
	var witnesses listFlag
	fs.Var(&witnesses, "witness", "")
	needed := fs.Int("witnesses-needed", 0, "")
	since := fs.String("since", "", "")
	receipt := fs.String("receipt", "", "")
	excerpt := fs.String("excerpt", "", "")
	token := fs.String("token", "", "")
	tracker := fs.String("tracker", "", "")
	timeout := fs.Duration("timeout", defaultVerifyTimeout, "")
	complete := fs.Bool("complete", false, "")
	raw := fs.Bool("json", false, "")
	keep := fs.String("keep", "", "")
	marksArg := fs.String("marks", "", "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if *timeout < 0 {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.timeout", timeout.String())}
	}
	timeoutGiven := false
	fs.Visit(func(f *flag.Flag) { timeoutGiven = timeoutGiven || f.Name == "timeout" })
	if timeoutGiven && *url == "" {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.timeout_url")}
	}
	if fs.NArg() != 0 {
		return &exitError{code: 2, msg: env.locale().T("cli.no_args", "verify")}
	}
	if *complete && *excerpt == "" {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.complete")}
	}
	if *raw && *excerpt == "" {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.json")}
	}
	if *token != "" && *receipt == "" {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.token")}
	}
	if *tracker != "" && (*receipt == "" || *token != "") {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.tracker")}
	}
	if *keep != "" && (*url == "" || *receipt != "") {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.keep")}
	}
	if *keep != "" && *noReplay {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.keep_replay")}
	}
	if *assemblyID != "" && (*url == "" || *receipt != "") {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.assembly")}
	}
	modes := 0
	for _, set := range []bool{*document != "", *receipt != "", *excerpt != "", *url != "" && *receipt == ""} {
		if set {
			modes++
		}
	}
	if modes > 1 {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.modes")}
	}
	if *key != "" && *data != "" && (*document != "" || modes == 0) {
		return &exitError{code: 2, msg: env.locale().T("cli.verify.key_or_data")}
	}
	// Each mode of verify reads its own source.
	switch {
	case *document != "":
		return runVerifyDocument(ctx, env, *db, *data, *key, *document)
	case *receipt != "":
		return runVerifyReceiptWithin(ctx, env, *receipt, *key, witnesses, *url, *token, *tracker, *timeout)
	case *excerpt != "":
		return runVerifyExcerptAs(ctx, env, *excerpt, *key, witnesses, *complete, *raw)
	case *url != "":
		if *key == "" {
			return &exitError{code: 2, msg: env.locale().T("cli.remote.url_key")}
		}
		logURL, err := assemblyLogURL(env.locale(), *url, *assemblyID)
		if err != nil {
			return err
		}
		// The time limit bounds the payloads' fetches of the replay too.
		ctx, cancel := withVerifyTimeout(ctx, *timeout)
		defer cancel()
		a := remoteVerify{url: logURL, vkey: *key, witnesses: witnesses, quorum: *needed, since: *since, timeout: *timeout, keep: *keep}
		if *keep != "" {
			k, err := remote.NewKeeper(logURL, *keep)
			if errors.Is(err, remote.ErrKeepBusy) {
				return &exitError{code: 1, msg: env.locale().T("cli.verify.keep_busy", *keep)}
			}
			if err != nil {
				return &exitError{code: 1, msg: env.locale().T("cli.verify.keep_failed", *keep, err)}
			}
			defer k.Discard()
			a.keeper = k
		}
		if !*noReplay {
			a.replay, a.finish = remoteReplay(ctx, env.locale(), logURL, a.client(logURL, time.Minute))
			a.counting = &unknownCounting{}
			replay := a.replay
			a.replay = func(index int64, data []byte) error {
				err := replay(index, data)
				a.counting.note(remoteOrigin, index, err)
				return err
			}
		}
		return verifyRemote(ctx, env, a)
	}
	return verifyDBMarks(ctx, env, *db, *data, *key, !*noReplay, *marksArg)
}

// remoteReplay returns a replay callback for a log fetched over HTTP: each
// entry is decoded (a payload stored beside the log is fetched from its
// blob address with client, remoteVerify.client's, and checked against
// its SHA-256) and applied to the domain.
func remoteReplay(ctx context.Context, l *i18n.Locale, url string, client *http.Client) (replay func(int64, []byte) error, finish func() error) {
	r := engine.NewAuditReplayer()
	return remoteReplayInto(ctx, l, url, client, r), r.Finish
}

// remoteOrigin is the origin under which remoteReplayInto replays a log
// into its Replayer (engine.Replayer.State).
const remoteOrigin = "remote"

// remoteReplayInto is remoteReplay's callback, replaying into r.
func remoteReplayInto(ctx context.Context, l *i18n.Locale, url string, client *http.Client, r *engine.Replayer) func(int64, []byte) error {
	return func(index int64, data []byte) error {
		e, ref, err := ledger.DecodeEntry(data)
		if err != nil {
			return err
		}
		if ref != nil {
			req, err := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(url, "/")+"/blob/"+hex.EncodeToString(ref.SHA256[:]), nil)
			if err != nil {
				return err
			}
			// A payload not received (the server unreachable or
			// refusing, the time up) is no finding about the entry:
			// remote.Unfetched says so, so that the end of the time
			// limit is reported as such. One received that is not the
			// entry's is.
			resp, err := client.Do(req)
			if err != nil {
				return remote.Unfetched(errors.New(l.T("cli.remote.blob_fetch", err)))
			}
			payload, err := io.ReadAll(io.LimitReader(resp.Body, ledger.MaxPayloadSize+1))
			resp.Body.Close()
			if err != nil {
				return remote.Unfetched(errors.New(l.T("cli.remote.blob_fetch", err)))
			}
			if resp.StatusCode != http.StatusOK {
				return remote.Unfetched(errors.New(l.T("cli.remote.blob_bad", hex.EncodeToString(ref.SHA256[:]))))
			}
			if sha256.Sum256(payload) != ref.SHA256 || int64(len(payload)) != ref.Size {
				return errors.New(l.T("cli.remote.blob_bad", hex.EncodeToString(ref.SHA256[:])))
			}
			e.Payload = payload
		}
		return r.Apply(remoteOrigin, e)
	}
}

// loadVerifier returns the verifier for key (a verifier key or a file
// holding one) or, if key is empty, derived from the signing key in
// dataDir (by default beside a SQLite db), saying so on standard error
// and that it proves only that the record agrees with that key.
func loadVerifier(env *cliEnv, key, db, dataDir string) (*keyCheck, error) {
	if key == "" {
		if dataDir == "" {
			if store.IsPostgres(db) {
				return nil, &exitError{code: 2, msg: env.locale().T("cli.verify.pg_key")}
			}
			dataDir = filepath.Dir(db)
		}
		path := filepath.Join(dataDir, ledger.SigningKeyFile)
		skey, err := os.ReadFile(path)
		if err != nil {
			return nil, &exitError{code: 1, msg: env.locale().T("cli.verify.no_signing_key", err)}
		}
		vkey, err := ledger.VerifierKey(string(skey))
		if err != nil {
			return nil, &exitError{code: 1, msg: env.locale().T("cli.about", path, err)}
		}
		fmt.Fprintln(env.stderr, env.locale().T("cli.verify.no_key", path, vkey))
		fmt.Fprintln(env.stderr, env.locale().T("cli.vk.db_own_key"))
		key = vkey
	} else {
		var err error
		if key, err = readKeyArg(env.locale(), key); err != nil {
			return nil, err
		}
	}
	return newKeyCheck(env.locale(), key)
}

// readKeyArg returns the verifier key an argument gives: the key itself
// ("name+hash+key"), or the name of a file holding it.
func readKeyArg(l *i18n.Locale, key string) (string, error) {
	if strings.Count(key, "+") >= 2 {
		return key, nil
	}
	data, err := os.ReadFile(key)
	if err != nil {
		return "", &exitError{code: 2, msg: "--key " + l.T("cli.key_arg", key)}
	}
	return strings.TrimSpace(string(data)), nil
}

// verifyDBMarks verifies the database db (verify --db), checking it
// against the high-water marks too: those of the file or data directory
// marks names, or, if it is empty and no --key was given, those in the
// data directory whose key is used, if there are any (verify_marks.go).
func verifyDBMarks(ctx context.Context, env *cliEnv, db, dataDir, key string, replay bool, marks string) error {
	if !store.IsPostgres(db) {
		if _, err := os.Stat(db); err != nil {
			return &exitError{code: 1, msg: env.locale().T("cli.verify.cannot_read_db", err)}
		}
	}
	v, err := loadVerifier(env, key, db, dataDir)
	if err != nil {
		return err
	}
	st, err := store.OpenStore(ctx, db, true)
	if err != nil {
		return &exitError{code: 1, msg: env.locale().T("cli.verify.cannot_read_db", err)}
	}
	defer st.Close()

	opts := ledger.AuditOptions{}
	var replayer *engine.Replayer
	var unknown unknownCounting
	if replay {
		replayer = engine.NewAuditReplayer()
		opts = replayer.AuditOptions()
		apply := opts.Apply
		opts.Apply = func(origin string, e ledger.Entry, v any) error {
			err := apply(origin, e, v)
			unknown.note(origin, e.Index, err)
			return err
		}
	}
	l := env.locale()
	bar := newProgressBar(env.stderr, l)
	opts.Progress = bar.update
	start := time.Now()
	rep, err := ledger.Audit(ctx, st, v, opts)
	if replayer != nil {
		err = earliestFailure(err, replayer.Finish())
	}
	bar.finish()
	// A replay failure among entries a checkpoint cannot vouch for is
	// not a verdict on the assembly: the entries were changed after the
	// checkpoint was signed, and that is the verdict (review40 I3).
	var replayFailure *ledger.AuditError
	if replay {
		err, replayFailure = unvouched(ctx, st, v, err)
	}
	// A log none of whose checkpoints the key signed is not found
	// altered: the key is not the one that signs it.
	var ae *ledger.AuditError
	if errors.As(err, &ae) {
		if wrong := v.wrongKey(l, ae.Origin); wrong != nil {
			return wrong
		}
	}
	if errors.As(err, &ae) && ae.Checkpoint > 0 {
		from, to, size := strconv.FormatInt(ae.Index, 10), strconv.FormatInt(ae.Checkpoint-1, 10), strconv.FormatInt(ae.Checkpoint, 10)
		reason := l.T("cli.verify.changed_range", from, to, size, ae.Reason)
		fmt.Fprint(env.stdout, l.T("cli.verify.failed_range", ae.Origin, from, to, reason))
		if replayFailure != nil {
			fmt.Fprint(env.stdout, l.T("cli.verify.replay_too", strconv.FormatInt(replayFailure.Index, 10), replayFailure.Reason))
		}
		return &exitError{code: 1, msg: l.T("cli.verify.not_intact", ae.Origin+": "+reason)}
	}
	if errors.As(err, &ae) {
		if ee := unknown.exit(l, ae.Origin, ae.Index, ae.Origin); ee != nil {
			return ee
		}
		fmt.Fprint(env.stdout, l.T("cli.verify.failed", ae.Origin, strconv.FormatInt(ae.Index, 10), ae.Reason))
		if replayFailure != nil {
			fmt.Fprint(env.stdout, l.T("cli.verify.replay_too", strconv.FormatInt(replayFailure.Index, 10), replayFailure.Reason))
		}
		return &exitError{code: 1, msg: l.T("cli.verify.not_intact", ae)}
	}
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.cannot_read_record", err)}
	}
	if replayer != nil {
		if err := checkBallotBoxes(ctx, env, st, replayer, rep); err != nil {
			return err
		}
	}
	for _, lg := range rep.Logs {
		fmt.Fprint(env.stdout, l.T("cli.verify.log", lg.Origin, l.T("cli.verify.n_entries", int(lg.Size)), l.T("cli.verify.n_checkpoints", int(lg.Checkpoints))))
		if lg.Blobs > 0 {
			fmt.Fprint(env.stdout, l.T("cli.verify.blobs", int(lg.Blobs)))
		}
		fmt.Fprintf(env.stdout, "\n  %s\n", l.T("cli.verify.latest"))
		for _, line := range strings.Split(strings.TrimRight(string(lg.Checkpoint), "\n"), "\n") {
			fmt.Fprintf(env.stdout, "    %s\n", line)
		}
	}
	what := l.T("cli.verify.checked")
	if replay {
		what = l.T("cli.verify.checked_replayed")
	}
	if err := checkMarksFile(ctx, env, st, v.v, db, dataDir, key, marks); err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, l.T("cli.verify.ok", len(rep.Logs), l.T("cli.verify.n_entries", int(rep.Entries())), what, v.v.Name(), time.Since(start).Round(time.Millisecond).String()))
	return nil
}

// checkBallotBoxes compares the ballot box of every secret vote still
// open at the end of each log with the ballots the record says were cast
// in it (the vote's ballot_cast entries, replayed): the box's rows are
// sealed under a key verify does not have, but their number is not. A
// box holding rows, but not as many as the record's ballots, was altered
// outside plenum (rows deleted or copied): exit 1, before the close
// finds it (review40 I4). A box holding none is said, not refused: a
// record file (plenum export --format record) holds no ballot box. A log
// appended to while verify read it is left alone.
func checkBallotBoxes(ctx context.Context, env *cliEnv, st ledger.Store, replayer *engine.Replayer, rep *ledger.AuditReport) error {
	l := env.locale()
	for _, lg := range rep.Logs {
		state := replayer.State(lg.Origin)
		if state == nil {
			continue
		}
		ids := make([]string, 0, len(state.Votes))
		for id, v := range state.Votes {
			if v.Method == "secret" && v.Status == assembly.VoteStatusOpen {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		for _, id := range ids {
			cast := len(state.Votes[id].Ballots)
			box, err := st.SealedBallots(ctx, lg.Origin, id)
			if err != nil {
				return &exitError{code: 1, msg: l.T("cli.verify.cannot_read_record", err)}
			}
			if len(box) == cast {
				continue
			}
			if now, err := st.Head(ctx, lg.Origin); err != nil || now.Size != lg.Size {
				continue // a ballot cast, or the vote closed, meanwhile
			}
			if len(box) == 0 {
				fmt.Fprintln(env.stdout, l.T("cli.verify.box_empty", lg.Origin, id, strconv.Itoa(cast)))
				continue
			}
			reason := l.T("cli.verify.box_altered", id, strconv.Itoa(len(box)), strconv.Itoa(cast))
			fmt.Fprint(env.stdout, l.T("cli.verify.failed_box", lg.Origin, reason))
			return &exitError{code: 1, msg: l.T("cli.verify.not_intact", lg.Origin+": "+reason)}
		}
	}
	return nil
}

// unvouched returns the audit's verdict on a failure found by the replay
// (err, an *ledger.AuditError of a replayed entry): if the hashes and
// signatures alone fail at a checkpoint that cannot vouch for the entry
// the replay failed at (one at or after the last checkpoint that
// verified), that failure, with the replay's as the second; otherwise err
// as it is. The signatures are checked again only when the replay failed.
func unvouched(ctx context.Context, st ledger.Store, v *keyCheck, err error) (error, *ledger.AuditError) {
	var ae *ledger.AuditError
	if !errors.As(err, &ae) || ae.Checkpoint > 0 {
		return err, nil
	}
	_, herr := ledger.Audit(ctx, st, v, ledger.AuditOptions{Origins: []string{ae.Origin}})
	var he *ledger.AuditError
	if errors.As(herr, &he) && he.Index <= ae.Index {
		return herr, ae
	}
	return err, nil
}

// earliestFailure is the audit's error or the failed ballot check's
// (engine.Replayer.Finish), whichever is of the earlier entry: the checks
// run beside the replay, which goes on past a bad ballot.
func earliestFailure(audit, checks error) error {
	var a, c *ledger.AuditError
	switch {
	case checks == nil:
		return audit
	case audit == nil:
		return checks
	case errors.As(audit, &a) && errors.As(checks, &c) && a.Origin == c.Origin && c.Index < a.Index:
		return checks
	}
	return audit
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// progressBar draws "verifying [#####.....]  50%  500000/1000000" on a
// terminal, or on any stream once the log is large.
type progressBar struct {
	w        io.Writer
	l        *i18n.Locale // the officer's language
	terminal bool
	drawn    bool
	last     time.Time
}

func newProgressBar(w io.Writer, l *i18n.Locale) *progressBar {
	b := &progressBar{w: w, l: l}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			b.terminal = true
		}
	}
	return b
}

func (b *progressBar) update(done, total int64) {
	if total == 0 || (!b.terminal && total < verifyLargeLog) {
		return
	}
	if now := time.Now(); done < total && now.Sub(b.last) < 200*time.Millisecond {
		return
	} else {
		b.last = now
	}
	const width = 40
	filled := int(done * width / total)
	fmt.Fprintf(b.w, "\r%s [%s%s] %3d%%  %d/%d %s", b.l.T("cli.verify.progress"), strings.Repeat("#", filled), strings.Repeat(".", width-filled), done*100/total, done, total, b.l.T("cli.verify.entries"))
	b.drawn = true
}

func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprintln(b.w)
	}
}
