package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/remote"
	"plenum/tiles"
	"plenum/tlogproof"
	"plenum/witness"
)

// runVerifyRemote is plenum verify --url: it verifies the log served at url
// as any tlog client would (see package remote): the checkpoint's signature
// by vkey, the cosignatures of all the witnesses (verifier keys, or files
// holding them), the consistency with the checkpoint saved in the file
// since, every record and tree hash, and, if replay is not nil, every event
// replayed. A progress bar is drawn on large logs.
//
// If since is not empty, the file is created with the checkpoint verified
// when it does not exist, and replaced with it after a successful check:
// it is the checkpoint remembered for the next visit.
//
// It returns an *exitError with code 1 naming the first problem, or code 2
// for unusable arguments.
func runVerifyRemote(ctx context.Context, env *cliEnv, url, vkey string, witnesses []string, since string, replay func(index int64, data []byte) error) error {
	return verifyRemote(ctx, env, remoteVerify{url: url, vkey: vkey, witnesses: witnesses, since: since, replay: replay})
}

// remoteVerify holds the arguments of a remote verification.
type remoteVerify struct {
	url       string
	vkey      string
	witnesses []string
	quorum    int // cosignatures needed; 0 means all the witnesses
	since     string
	replay    func(index int64, data []byte) error
	finish    func() error  // the replay's last word (engine.Replayer.Finish), after the log
	timeout   time.Duration // the limit of withVerifyTimeout on ctx, named when it is reached
	keep      string        // --keep: the folder of the copy kept, if not empty
	keeper    *remote.Keeper
	counting  *unknownCounting // the replay's election or vote counted by counting rules this plenum does not know
}

// client is the HTTP client that reads the log at url, with each request
// bounded by timeout: remote.HTTPClientFor's (redirects only within the
// log's host; a folder's files), whose answers keeper keeps, with --keep.
func (a remoteVerify) client(url string, timeout time.Duration) *http.Client {
	hc := remote.HTTPClientFor(url, timeout)
	if a.keeper != nil {
		hc = a.keeper.Client(hc)
	}
	return hc
}

// defaultVerifyTimeout is plenum verify --url's --timeout when not given:
// time for a log of about 25 million entries from a server 50 ms away
// (the pass has 8 or 9 entry bundles of 256 entries under way at once,
// each with its level-0 tile), if the server and the link keep up; more
// from a nearer one.
const defaultVerifyTimeout = 10 * time.Minute

// errVerifyTimeout is the cause of the end of a remote verification's
// context at its --timeout.
var errVerifyTimeout = errors.New("plenum verify --timeout reached")

// withVerifyTimeout bounds a remote verification's context by d, unless d
// is 0 (no limit); verifyRemote tells that limit from other ends of ctx.
func withVerifyTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, d, errVerifyTimeout)
}

// verifyTimedOut is the refusal of a verification that ran out of time,
// naming the limit and how far it got; nil if err is not that.
func verifyTimedOut(l *i18n.Locale, a remoteVerify, err error) *exitError {
	var st *remote.Stopped
	if !errors.As(err, &st) || !errors.Is(st.Cause, errVerifyTimeout) {
		return nil
	}
	if st.Size < 0 {
		return &exitError{code: 4, msg: l.T("cli.remote.timeout_checkpoint", a.url, a.timeout.String()), cause: err}
	}
	return &exitError{code: 4, msg: l.T("cli.remote.timeout", a.url, a.timeout.String(), strconv.FormatInt(st.Checked, 10), strconv.FormatInt(st.Size, 10)), cause: err}
}

// verifyRemote is runVerifyRemote with all the arguments; it returns also
// an *exitError with code 4 when ctx, bounded by withVerifyTimeout with
// a.timeout, ends before the check is done.
func verifyRemote(ctx context.Context, env *cliEnv, a remoteVerify) error {
	if !strings.HasPrefix(a.url, "http://") && !strings.HasPrefix(a.url, "https://") && !remote.IsFolderURL(a.url) {
		return &exitError{code: 2, msg: env.locale().T("cli.remote.url", a.url)}
	}
	keys, policy, err := verifyKeys(env.locale(), a.vkey, a.witnesses)
	if err != nil {
		return err
	}
	if policy != nil && a.quorum > 0 {
		policy.Threshold = a.quorum
		if err := policy.Validate(); err != nil {
			return &exitError{code: 2, msg: env.locale().T("cli.about", "--witness", err)}
		}
	}
	// One key signs every log of a server: the checkpoint must be of the
	// assembly the address names, not another one's.
	opts := remote.Options{LogKeys: keys, LogID: remote.LogIDFromURL(a.url), Policy: policy, Replay: a.replay, Client: a.client(a.url, 60*time.Second)}
	var remembered []byte
	if a.since != "" {
		remembered, err = os.ReadFile(a.since)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			remembered = nil
		case err != nil:
			return &exitError{code: 1, msg: env.locale().T("cli.about", "--since", err)}
		default:
			if err := sinceOtherKey(env.locale(), a.since, remembered, keys.key); err != nil {
				return err
			}
			opts.Since = remembered
		}
	}
	if a.keeper != nil {
		if err := keepFirst(ctx, env, a, keys); err != nil {
			return err
		}
	}
	bar := newProgressBar(env.stderr, env.locale())
	opts.Progress = bar.update
	res, err := remote.Verify(ctx, a.url, opts)
	if err == nil && a.finish != nil {
		if ferr := a.finish(); ferr != nil {
			bar.finish()
			return &exitError{code: 1, msg: env.locale().T("cli.about", a.url, ferr)}
		}
	}
	bar.finish()
	if wrong := keys.wrongKey(env.locale(), a.url); err != nil && wrong != nil {
		return wrong
	}
	if ee := verifyTimedOut(env.locale(), a, err); ee != nil {
		return ee
	}
	if errors.Is(err, remote.ErrRefused) {
		return &exitError{code: 1, msg: env.locale().T("cli.remote.refused", a.url, err)}
	}
	if err != nil {
		var re *remote.Error
		if errors.As(err, &re) && a.counting != nil {
			if ee := a.counting.exit(env.locale(), remoteOrigin, re.Index, a.url); ee != nil {
				return ee
			}
		}
		if errors.As(err, &re) {
			return &exitError{code: 1, msg: env.locale().T("cli.about", a.url, err)}
		}
		refused := &exitError{code: 1, msg: env.locale().T("cli.remote.unreadable", a.url, err)}
		if errors.Is(err, remote.ErrNoLog) {
			return noLog(ctx, env.locale(), a.url, refused)
		}
		return refused
	}
	cp, l := res.Checkpoint, env.locale()
	fmt.Fprintln(env.stdout, l.T("cli.remote.verified", shown(cp.Origin), int(res.Entries), strconv.FormatInt(res.Entries, 10)))
	printRemoteRead(env, a.url, res, a.replay != nil)
	if opts.Policy != nil {
		fmt.Fprintln(env.stdout, l.T("cli.remote.cosigned", strings.Join(res.Cosigners, ", "), opts.Policy.String()))
	}
	if a.since != "" {
		if remembered != nil {
			old, _ := ledger.ParseSignedCheckpoint(remembered)
			fmt.Fprintln(env.stdout, l.T("cli.remote.consistent", strconv.FormatInt(old.Size, 10), a.since))
		} else {
			fmt.Fprintln(env.stdout, l.T("cli.remote.first", a.since))
		}
		if err := writeFileAtomic(a.since, res.Signed); err != nil {
			return &exitError{code: 1, msg: l.T("cli.remote.not_saved", err)}
		}
	}
	if a.keeper != nil {
		return keepCopy(ctx, env, a, res, keys)
	}
	return nil
}

// printRemoteRead says what plenum verify --url read and did, so that
// its output stands on its own: the address the log was read from, the
// signed checkpoint it was checked up to (its tree size and root hash),
// and whether every entry was replayed through the rules of procedure
// (replayed) or, with --no-replay, only the hashes and signatures were
// checked.
func printRemoteRead(env *cliEnv, url string, res *remote.Result, replayed bool) {
	l := env.locale()
	fmt.Fprintln(env.stdout, l.T("cli.remote.read_from", shown(url), strconv.FormatInt(res.Checkpoint.Size, 10), res.Checkpoint.Hash.String()))
	if replayed {
		fmt.Fprintln(env.stdout, l.T("cli.remote.replayed", l.T("cli.verify.n_entries", int(res.Entries))))
	} else {
		fmt.Fprintln(env.stdout, l.T("cli.remote.not_replayed"))
	}
}

// writeFileAtomic replaces path with data through a temporary file.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".checkpoint-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}

// verifyKeys parses the log's verifier key and the witnesses' keys (each a
// key or a file holding it) into what tlogproof and remote check against;
// the policy is nil without witnesses, else "all of them". The log's key
// is a keyCheck, which tells a key that signed nothing it was shown.
func verifyKeys(l *i18n.Locale, vkey string, witnesses []string) (*keyCheck, *witness.Policy, error) {
	if vkey == "" {
		return nil, nil, &exitError{code: 2, msg: l.T("cli.remote.no_key")}
	}
	v, err := givenKeyCheck(l, vkey)
	if err != nil {
		return nil, nil, err
	}
	if len(witnesses) == 0 {
		return v, nil, nil
	}
	var vkeys []string
	for _, w := range witnesses {
		k, err := keyArg(l, w)
		if err != nil {
			return nil, nil, &exitError{code: 2, msg: l.T("cli.about", "--witness", err)}
		}
		vkeys = append(vkeys, k)
	}
	p, err := witness.NewPolicy(len(vkeys), vkeys...)
	if err != nil {
		return nil, nil, &exitError{code: 2, msg: l.T("cli.about", "--witness", err)}
	}
	return v, p, nil
}

// readWithKeys is verifyKeys, then the file a receipt or an excerpt
// is in (one that cannot be read is refused with exit status 1).
func readWithKeys(l *i18n.Locale, file, vkey string, witnesses []string) (*keyCheck, *witness.Policy, []byte, error) {
	keys, policy, err := verifyKeys(l, vkey, witnesses)
	if err != nil {
		return nil, nil, nil, err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, nil, &exitError{code: 1, msg: err.Error()}
	}
	return keys, policy, data, nil
}

// runVerifyReceipt is plenum verify --receipt FILE: it checks a ballot
// receipt (a C2SP tlog-proof carrying the entry) offline against the log's
// key and the witnesses, prints the entry, and, if url is not empty, checks
// it against the log as it is now, which fails if the entry was altered or
// removed since; for an entry about a vote or an election, it then
// verifies the whole log (readVoteLog), which names the vote by its
// question and holds all a secret vote's sealed ballots. It returns an
// *exitError with code 1 naming the problem (4 when the whole log's
// check runs out of time).
func runVerifyReceipt(ctx context.Context, env *cliEnv, file, vkey string, witnesses []string, url, token, tracker string) error {
	return runVerifyReceiptWithin(ctx, env, file, vkey, witnesses, url, token, tracker, defaultVerifyTimeout)
}

// runVerifyReceiptWithin is runVerifyReceipt with the time limit of the
// whole log's check that --url makes of a receipt about a vote or an
// election (readVoteLog; --timeout, 0 for none).
func runVerifyReceiptWithin(ctx context.Context, env *cliEnv, file, vkey string, witnesses []string, url, token, tracker string, timeout time.Duration) error {
	l := env.locale()
	keys, policy, data, err := readWithKeys(l, file, vkey, witnesses)
	if err != nil {
		return err
	}
	if data, err = receiptOfProofAnswer(l, file, data); err != nil {
		return err
	}
	var r *tlogproof.Receipt
	if token != "" {
		r, token, err = verifySecretReceipt(data, token, keys, policy)
	} else if tracker != "" {
		r, err = tlogproof.VerifyEncryptedBallot(data, tracker, keys, policy)
	} else {
		r, err = tlogproof.VerifyReceipt(data, keys, policy)
	}
	if err := keys.refusedFile(l, file, err, tlogproof.ErrMalformed, func(err error) string { return l.T("cli.receipt.malformed", file, err) }); err != nil {
		return err
	}
	// What the entry says of a secret ballot is checked before the log
	// is read: a receipt that fails offline fails so with --url too.
	var vote string
	var choice sealedPick
	var units []string
	if token != "" {
		var votes int
		vote, choice, votes = sealedChoice(r.Entry, token)
		if votes == 0 {
			return &exitError{code: 1, msg: l.T("cli.receipt.no_sealed", file, strconv.FormatInt(r.Index, 10))}
		}
		if votes < 0 {
			return &exitError{code: 1, msg: l.T("cli.receipt.split", file, strconv.FormatInt(r.Index, 10))}
		}
		_, units, _ = sealedUnits(r.Entry, token)
	}
	fmt.Fprint(env.stdout, l.T("cli.receipt.entry", strconv.FormatInt(r.Index, 10), shown(r.Checkpoint.Origin), strconv.FormatInt(r.Checkpoint.Size, 10)))
	if policy != nil {
		fmt.Fprint(env.stdout, l.T("cli.receipt.witnessed", policy.String()))
	}
	// With --url, the log as it is now: the receipt's entry still in it,
	// and, for an entry about a vote or an election, the whole log
	// verified and replayed, which names it and holds all a secret
	// vote's sealed ballots.
	var res *remote.Result
	var at string
	var vl *voteLog
	if url != "" {
		if res, at, err = checkReceiptAt(ctx, l, logAddress(url), r, remote.Options{LogKeys: keys, Policy: policy}); err != nil {
			return err
		}
		if kind, _ := receiptSubject(r.Entry); kind != "" {
			if vl, err = readVoteLog(ctx, env, at, keys, policy, r.Checkpoint.Origin, vote, timeout); err != nil {
				return err
			}
			if err = vl.sealedOf(sealedType(r.Entry)); err != nil {
				return err
			}
		}
	}
	switch {
	case token != "":
		if err := printSecretBallot(env, file, vl, sealedType(r.Entry), token, vote, choice, units); err != nil {
			return err
		}
	case tracker != "":
		kind, id := receiptSubject(r.Entry)
		switch kind {
		case "vote":
			fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.receipt.encrypted_vote", tracker, shown(vl.name(l, kind, id))))
		case "election":
			fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.receipt.encrypted_election", tracker, shown(vl.name(l, kind, id))))
		default:
			fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.receipt.encrypted", tracker))
		}
	default:
		var name func(kind, id string) string
		var cands *candidateNamer
		if vl != nil {
			name = func(kind, id string) string { return vl.name(l, kind, id) }
			if kind, id := receiptSubject(r.Entry); kind == "election" {
				cands = candidateNames(vl.st, id)
			}
		}
		fmt.Fprintf(env.stdout, "\n%s\n", namedEntryText(l, r.Entry, name, cands))
	}
	if url != "" {
		fmt.Fprintln(env.stdout, l.T("cli.receipt.still", strconv.FormatInt(res.Checkpoint.Size, 10), at))
	}
	if vl != nil {
		// The whole log was read and replayed to name the vote: say so,
		// as verify --url does.
		fmt.Fprintln(env.stdout, l.T("cli.remote.replayed", l.T("cli.verify.n_entries", int(vl.replayed))))
	}
	return nil
}

// printSecretBallot says what a secret ballot's receipt holds: the votes
// of the ballot with token (units, under the vote vote with the choice
// choice) in its entry, the vote named as vl names it; and, for a ballot
// of several votes, which the close seals shuffled among all the vote's
// sealed_ballots entries, how many of its votes the vote's entries
// carry, all of them read from the log with --url (vl), or, without,
// that only the receipt's entry was counted. Votes of the ballot under
// two choices are refused with exit status 1.
func printSecretBallot(env *cliEnv, file string, vl *voteLog, typ, token, vote string, choice sealedPick, units []string) error {
	l := env.locale()
	says := func(c string) string {
		if l.Has("minutes.choice." + c) {
			return l.T("minutes.choice." + c)
		}
		return c
	}
	named := shown(vl.name(l, "vote", vote))
	var names *candidateNamer
	if typ == sealedElectionType {
		named = shown(vl.name(l, "election", vote))
		if vl != nil {
			names = candidateNames(vl.st, vote)
		}
	}
	said := func(p sealedPick) string { return shown(p.text(says, names)) }
	if len(units) == 1 && units[0] == token {
		// A ballot of one vote, sealed under its token.
		if typ == sealedElectionType {
			fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.receipt.secret_election", named, said(choice)))
			electionIDsOffline(env, vl)
		} else {
			fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.receipt.secret", named, said(choice)))
		}
		return nil
	}
	if typ == sealedElectionType {
		return printElectionUnits(env, file, vl, token, named, choice, units, said)
	}
	fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.receipt.secret_votes", len(units), named, said(choice)))
	if vl == nil {
		fmt.Fprintln(env.stdout, l.T("cli.receipt.units_here"))
		return nil
	}
	n, all, one, entries := vl.units(l, token)
	if !one {
		return &exitError{code: 1, msg: l.T("cli.receipt.split_vote", file, named, entries)}
	}
	fmt.Fprintln(env.stdout, l.T("cli.receipt.units_all", n, entries, said(all)))
	return nil
}

// printElectionUnits is printSecretBallot's count of a ballot of several
// votes in a secret election (named, as vl names it), whose close seals
// them shuffled among all the election's sealed_election_ballots
// entries: the votes in the receipt's entry (with the choice said), then
// how many of them all its entries carry (--url), or that only the
// receipt's entry was counted, each line naming the election.
func printElectionUnits(env *cliEnv, file string, vl *voteLog, token, named string, choice sealedPick, units []string, said func(sealedPick) string) error {
	l := env.locale()
	fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.receipt.secret_election_votes", len(units), named, said(choice)))
	if vl == nil {
		electionIDsOffline(env, vl)
		fmt.Fprintln(env.stdout, l.T("cli.receipt.units_here_election", named))
		return nil
	}
	n, all, one, entries := vl.units(l, token)
	if !one {
		return &exitError{code: 1, msg: l.T("cli.receipt.split_election", file, named, entries)}
	}
	fmt.Fprintln(env.stdout, l.T("cli.receipt.units_all_election", n, named, entries, said(all)))
	return nil
}

// electionIDsOffline says, offline (vl nil), that the candidates and
// lists of a secret election's ballot were given by their ids: the
// receipt's entry names no one, and --url reads the record that does.
func electionIDsOffline(env *cliEnv, vl *voteLog) {
	if vl == nil {
		fmt.Fprintln(env.stdout, env.locale().T("cli.receipt.candidate_ids"))
	}
}

// verifySecretReceipt checks the receipt of a secret ballot in data for
// token as a person types it: the spaces they put between its groups
// dropped, and, when the token as typed is not in the entry, in upper
// case, since plenum makes tokens in RFC 4648 base32 (upper-case letters
// and the digits 2 to 7) and the delegate page takes one typed in lower
// case as the same token. The entry carries a ballot of one vote under
// its token, one of several under tokens derived from it
// (assembly.UnitTokens), which are looked for too. It returns the token
// as the voter holds it. Asked as typed first, so that a token of another
// make is found as it stands.
func verifySecretReceipt(data []byte, token string, keys note.Verifiers, policy *witness.Policy) (*tlogproof.Receipt, string, error) {
	token = strings.Join(strings.Fields(token), "")
	var first error
	for i, tok := range []string{token, strings.ToUpper(token)} {
		if i > 0 && tok == token {
			break
		}
		carried := tok
		if r, err := tlogproof.VerifyReceipt(data, keys, policy); err == nil {
			if _, units, _ := sealedUnits(r.Entry, tok); len(units) > 0 {
				carried = units[0]
			}
		}
		typ := sealedBallotsType
		if r, err := tlogproof.VerifyReceipt(data, keys, policy); err == nil && sealedType(r.Entry) == sealedElectionType {
			typ = sealedElectionType
		}
		r, err := tlogproof.VerifySecretBallot(data, tlogproof.SecretBallot{Type: typ, Token: carried}, keys, policy)
		if err == nil {
			return r, tok, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, token, first
}

// checkReceiptAt checks receipt r against its log as it is now, at url,
// and returns the address it was checked at: url itself, unless url
// serves no log (its checkpoint answers 404) and is not a log's address
// (…/log/<id>): then url is the server's address, what a person has, and
// the log is the one it serves under log/<id>/, the id that of the
// receipt's origin ("plenum.example/log/march-1917"). That address is
// tried only then, so that a log's own address costs no request more.
// The error is an *exitError with code 1.
func checkReceiptAt(ctx context.Context, l *i18n.Locale, url string, r *tlogproof.Receipt, opts remote.Options) (*remote.Result, string, error) {
	res, err := remote.CheckReceipt(ctx, url, r, opts)
	if err == nil {
		return res, url, nil
	}
	if errors.Is(err, remote.ErrRefused) {
		return nil, url, &exitError{code: 1, msg: l.T("cli.remote.refused", url, err)}
	}
	refused := &exitError{code: 1, msg: l.T("cli.about", url, err)}
	if !errors.Is(err, remote.ErrNoLog) {
		return nil, url, refused
	}
	_, id, perr := ledger.ParseOrigin(r.Checkpoint.Origin)
	if remote.LogIDFromURL(url) != "" || perr != nil {
		return nil, url, noLog(ctx, l, url, refused)
	}
	logURL := strings.TrimSuffix(url, "/") + tiles.PrefixFor(id)
	if res, err := remote.CheckReceipt(ctx, logURL, r, opts); err == nil {
		return res, logURL, nil
	} else if errors.Is(err, remote.ErrRefused) {
		return nil, logURL, &exitError{code: 1, msg: l.T("cli.remote.refused", logURL, err)}
	} else if !errors.Is(err, remote.ErrNoLog) {
		return nil, logURL, &exitError{code: 1, msg: l.T("cli.about", logURL, err)}
	}
	return nil, url, noLog(ctx, l, logURL, refused)
}

// assemblyLogURL is the address of the log that --url and --assembly id
// name: url itself without id; with it, the log the server at url serves
// under log/<id>/, unless url is already that log's address. An id that
// is none, or that url's own log contradicts, is refused with exit
// status 2. A folder's path, for url, is the address of the log mirrored
// in it (logAddress).
func assemblyLogURL(l *i18n.Locale, url, id string) (string, error) {
	url = logAddress(url)
	if id == "" {
		return url, nil
	}
	if !ledger.ValidAssemblyID(id) {
		return "", &exitError{code: 2, msg: l.T("cli.verify.assembly_id", id)}
	}
	switch named := remote.LogIDFromURL(url); named {
	case id:
		return url, nil
	case "":
		return strings.TrimSuffix(url, "/") + tiles.PrefixFor(id), nil
	default:
		return "", &exitError{code: 2, msg: l.T("cli.verify.assembly_other", url, named, id)}
	}
}

// logAddress is the address --url names: a log's address as given, or,
// for the path of a folder, the address of the log mirrored in it, laid
// out as its server serves it (remote.FolderURL): a copy of a server's
// log/<id>/, or of the server's log/ with --assembly. Anything else is
// returned as it is, for verifyRemote to refuse.
func logAddress(arg string) string {
	if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		return arg
	}
	if u, err := remote.FolderURL(arg); err == nil {
		return u
	}
	return arg
}

// noLog is the refusal of url, which serves no log (its checkpoint
// answered 404), naming the logs its server lists at log/ (tiles.Prefix)
// and how to pick one: with exit status 2 when url is the server's own
// address (give --assembly), 1 when it is the log of an assembly the
// server has none of. When the server serves no list of logs (not a
// plenum server, or unreachable), it is refused: the refusal of the
// check at url.
func noLog(ctx context.Context, l *i18n.Locale, url string, refused *exitError) *exitError {
	server, id := strings.TrimSuffix(url, "/"), remote.LogIDFromURL(url)
	if id != "" {
		server = strings.TrimSuffix(server, tiles.Prefix+id)
	} else {
		server = strings.TrimSuffix(server, strings.TrimSuffix(tiles.Prefix, "/"))
	}
	ids, err := serverLogs(ctx, server)
	switch {
	case err != nil:
		return refused
	case len(ids) == 0:
		return &exitError{code: 1, msg: l.T("cli.remote.no_logs", url, server+tiles.Prefix)}
	}
	var logs strings.Builder
	for i, id := range ids[:min(len(ids), shownLogs)] {
		if i > 0 {
			logs.WriteString(", ")
		}
		logs.WriteString(server + tiles.PrefixFor(id))
	}
	if more := len(ids) - shownLogs; more > 0 {
		logs.WriteString(" " + l.T("cli.remote.more_logs", more))
	}
	if id == "" {
		return &exitError{code: 2, msg: l.T("cli.remote.server_logs", url, len(ids), logs.String(), ids[0])}
	}
	return &exitError{code: 1, msg: l.T("cli.remote.unknown_log", server, id, len(ids), logs.String())}
}

// shownLogs is how many of a server's logs noLog names; the rest it
// counts.
const shownLogs = 10

// maxLogList is the most of a server's list of logs serverLogs reads.
const maxLogList = 1 << 20

// serverLogs are the assemblies whose logs the plenum server at server
// lists at log/ (tiles.Prefix), one id a line; an error when it serves
// no such list.
func serverLogs(ctx context.Context, server string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, server+tiles.Prefix, nil)
	if err != nil {
		return nil, err
	}
	resp, err := remote.HTTPClient(time.Minute).Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		return nil, fmt.Errorf("GET %s: %s", req.URL, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxLogList))
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSuffix(string(body), "\n"), "\n") {
		if line != "" && !ledger.ValidAssemblyID(line) {
			return nil, fmt.Errorf("GET %s: not a list of logs", req.URL)
		}
		if line != "" {
			ids = append(ids, line)
		}
	}
	return ids, nil
}

// sealedBallotsType is the event type of the entries that carry a closed
// secret vote's ballots (docs/script.md, "Secret votes").
const sealedBallotsType = "sealed_ballots"

// sealedElectionType is the event type of the entries that carry a closed
// secret election's ballots (docs/script.md, "Secret elections").
const sealedElectionType = "sealed_election_ballots"

// sealedType is the type of a receipt's entry if it carries sealed
// ballots (sealedBallotsType, sealedElectionType), else "".
func sealedType(entry []byte) string {
	if e, _, err := ledger.DecodeEntry(entry); err == nil && (e.Type == sealedBallotsType || e.Type == sealedElectionType) {
		return e.Type
	}
	return ""
}

// unitsLooked is how many votes of one ballot plenum verify looks for in
// a receipt's entry (assembly.BallotUnits): the entry plenum gives as the
// receipt carries the ballot's first vote, and its others up to this
// many, if they are in the same entry, are counted.
const unitsLooked = 1 << 12

// sealedUnits returns the vote of a sealed_ballots entry, the tokens
// under which it carries votes of the ballot with token, and the sealed
// votes' choices by token.
func sealedUnits(entry []byte, token string) (vote string, units []string, choices map[string]sealedPick) {
	vote, choices = sealedChoices(entry)
	if choices == nil {
		return "", nil, nil
	}
	units = assembly.BallotUnits(token, func(t string) bool { _, ok := choices[t]; return ok }, unitsLooked)
	return vote, units, choices
}

// sealedPick is what one sealed vote chose: a secret vote's choice, or
// in a secret election the list, the ranking or the candidates approved,
// by their ids as the entry holds them.
type sealedPick struct {
	Choice  string
	List    string
	Ranking []string
	Approve []string
}

// same reports whether p and q chose alike.
func (p sealedPick) same(q sealedPick) bool {
	return p.Choice == q.Choice && p.List == q.List && slices.Equal(p.Ranking, q.Ranking) && slices.Equal(p.Approve, q.Approve)
}

// text is the pick as verify prints it: a vote's choice as says gives it,
// a list, a ranking ("A > B") or the candidates approved ("A, B") as
// names gives a candidate or a list (candidateNames; nil: their ids).
func (p sealedPick) text(says func(string) string, names *candidateNamer) string {
	switch {
	case p.List != "":
		return names.list(p.List)
	case len(p.Ranking) > 0:
		return names.join(p.Ranking, " > ")
	case len(p.Approve) > 0:
		return names.join(p.Approve, ", ")
	}
	return says(p.Choice)
}

// sealedChoices returns the vote of a sealed_ballots entry and its sealed
// votes' choices by token; nil choices for an entry that is none.
func sealedChoices(entry []byte) (vote string, choices map[string]sealedPick) {
	e, _, err := ledger.DecodeEntry(entry)
	if err != nil {
		return "", nil
	}
	var sb struct {
		Vote     string `json:"vote"`
		Election string `json:"election"`
		Sealed   []struct {
			Token  string `json:"token"`
			Choice string `json:"choice"`
			// A secret election's ballot (sealedElectionType).
			Ranking []string `json:"ranking"`
			Approve []string `json:"approve"`
			List    string   `json:"list"`
		} `json:"sealed"`
	}
	if json.Unmarshal(e.Payload, &sb) != nil {
		return "", nil
	}
	choices = make(map[string]sealedPick, len(sb.Sealed))
	for _, s := range sb.Sealed {
		switch {
		case e.Type != sealedElectionType:
			choices[s.Token] = sealedPick{Choice: s.Choice}
		case s.List != "":
			choices[s.Token] = sealedPick{List: s.List}
		case len(s.Ranking) > 0:
			choices[s.Token] = sealedPick{Ranking: s.Ranking}
		default:
			choices[s.Token] = sealedPick{Approve: s.Approve}
		}
	}
	if e.Type == sealedElectionType {
		return sb.Election, choices
	}
	return sb.Vote, choices
}

// sealedChoice finds the sealed votes of the ballot with token in a
// sealed_ballots entry, and returns the vote, the choice and how many
// votes of the ballot the entry carries: 0 if none, -1 if they do not all
// hold one choice, as the votes of one ballot do.
func sealedChoice(entry []byte, token string) (vote string, choice sealedPick, votes int) {
	vote, units, choices := sealedUnits(entry, token)
	for i, u := range units {
		if i > 0 && !choices[u].same(choice) {
			return vote, sealedPick{}, -1
		}
		choice = choices[u]
	}
	return vote, choice, len(units)
}

// runVerifyExcerpt is plenum verify --excerpt FILE: it checks a certified
// excerpt of the minutes offline and prints its entries, after saying how
// many of its checkpoint's entries it holds and which it leaves out, or
// that it holds them all: an excerpt proves what it shows is in the
// record, not that nothing was left out, and must not pass for the whole
// minutes. It returns an *exitError with code 1 naming the first entry
// that fails, or, if complete is set (--complete), code 5 for a valid
// excerpt that leaves entries out, saying which, and printing nothing
// else. The counts of the encrypted votes it shows are checked first
// (excerptCounts), and said after what it holds. Each entry is printed
// on a line in short (excerptEntry).
func runVerifyExcerpt(ctx context.Context, env *cliEnv, file, vkey string, witnesses []string, complete bool) error {
	return runVerifyExcerptAs(ctx, env, file, vkey, witnesses, complete, false)
}

// runVerifyExcerptAs is runVerifyExcerpt printing each entry as the log
// holds it, its JSON, if raw is set (--json).
func runVerifyExcerptAs(ctx context.Context, env *cliEnv, file, vkey string, witnesses []string, complete, raw bool) error {
	l := env.locale()
	keys, policy, data, err := readWithKeys(l, file, vkey, witnesses)
	if err != nil {
		return err
	}
	x, err := tlogproof.VerifyExcerpt(data, keys, policy)
	if err := keys.refusedFile(l, file, err, tlogproof.ErrNotExcerpt, func(err error) string { return l.T("cli.excerpt.malformed", file, err) }); err != nil {
		return err
	}
	var counts strings.Builder
	if err := excerptCounts(l, &counts, x); err != nil {
		if ee := excerptUnknownCounting(l, file, err); ee != nil {
			return ee
		}
		return &exitError{code: 1, msg: l.T("cli.about", file, err)}
	}
	held, size := strconv.Itoa(len(x.Entries)), strconv.FormatInt(x.Checkpoint.Size, 10)
	absent := indexRuns(l, x.Absent())
	if complete && !x.Complete() {
		return &exitError{code: 5, msg: l.T("cli.excerpt.incomplete", file, held, size, absent, int(x.Checkpoint.Size))}
	}
	// The title is the file's: the log signs the entries, not it.
	fmt.Fprintln(env.stdout, l.T("cli.excerpt", x.Title, len(x.Entries), shown(x.Checkpoint.Origin), size, held)+l.T("cli.excerpt.title_unsigned"))
	if x.Complete() {
		fmt.Fprintln(env.stdout, l.T("cli.excerpt.complete", held, size, "", len(x.Entries), int(x.Checkpoint.Size)))
	} else {
		fmt.Fprintln(env.stdout, l.T("cli.excerpt.partial", held, size, absent, len(x.Entries), int(x.Checkpoint.Size)))
	}
	fmt.Fprint(env.stdout, counts.String())
	for _, e := range x.Entries {
		excerptEntry(l, env.stdout, e, raw)
	}
	return nil
}

// shownRuns is how many runs of indexes indexRuns writes out; the rest
// it counts.
const shownRuns = 10

// indexRuns writes runs of entry indexes as "0–20, 23, 26–29", the first
// shownRuns of them, followed by how many more there are: a line however
// many entries the excerpt leaves out.
func indexRuns(l *i18n.Locale, runs []tlogproof.Range) string {
	var b strings.Builder
	for i, r := range runs[:min(len(runs), shownRuns)] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.FormatInt(r.From, 10))
		if r.To > r.From {
			b.WriteString("–" + strconv.FormatInt(r.To, 10))
		}
	}
	if more := len(runs) - shownRuns; more > 0 {
		b.WriteString(" " + l.T("cli.excerpt.more", more))
	}
	return b.String()
}

// shown makes a text from a record or a server safe to print to a
// terminal: control characters (escape sequences), format characters
// (direction overrides, zero-width characters; not the joiners ZWNJ and
// ZWJ that Persian and emoji need) and line and paragraph separators are
// written as JSON \u escapes, which in an entry keep its meaning. An
// operator who holds the log's key could otherwise sign entries that
// clear the screen or show "against" as "for".
func shown(s string) string {
	if !strings.ContainsFunc(s, hiddenRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !hiddenRune(r) {
			b.WriteRune(r)
			continue
		}
		if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		} else {
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func hiddenRune(r rune) bool {
	return r != '\u200c' && r != '\u200d' && unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp)
}

// receiptOfProofAnswer returns the receipt a file holds: the file itself,
// or, for the API's JSON answer to GET /api/assemblies/{id}/proof/{index}
// saved as a file (review40 H12), the tlog-proof in its "receipt" field.
// JSON without one is refused, saying where the receipt file is saved.
func receiptOfProofAnswer(l *i18n.Locale, file string, data []byte) ([]byte, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return data, nil
	}
	var answer struct {
		Receipt string `json:"receipt"`
	}
	if json.Unmarshal(trimmed, &answer) != nil || answer.Receipt == "" {
		return nil, &exitError{code: 1, msg: l.T("cli.receipt.json_without", file)}
	}
	return []byte(answer.Receipt), nil
}

// sinceOtherKey refuses, with code 1, a remembered checkpoint (--since)
// signed by another key than the log's, naming its log and the key that
// signed it (review40 H11): it is another log's, not a rollback of this
// one. A checkpoint it cannot read is left to the check that follows.
func sinceOtherKey(l *i18n.Locale, file string, remembered []byte, key string) error {
	kc, err := newKeyCheck(l, key)
	if err != nil {
		return nil
	}
	if _, _, err := ledger.OpenCheckpoint(remembered, kc); err == nil {
		return nil
	}
	by := kc.signers()
	if by == "" {
		return nil
	}
	origin := "?"
	if cp, err := ledger.ParseSignedCheckpoint(remembered); err == nil {
		origin = shown(cp.Origin)
	}
	return &exitError{code: 1, msg: l.T("cli.remote.since_other_key", file, origin, by, key)}
}
