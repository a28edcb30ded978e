package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
	"plenum/internal/highwater"
	"plenum/ledger"
	"plenum/store"
	"plenum/store/sqlite"
)

func init() {
	register(&subcommand{
		name:    "replay",
		summary: "apply a command script to an assembly's record",
		usage: `
NAME
    plenum replay — apply a command script to an assembly's record

SYNOPSIS
    plenum replay [--db PATH|URL] [--data DIR] [--name SERVER] [--lang LANG] SCRIPT
    plenum replay --url URL [--admin TOKEN] [--code CODE ...] [--lang LANG] SCRIPT

DESCRIPTION
    Reads SCRIPT, a file of JSON lines with one command each (see
    docs/script.md), and applies the commands in order to the database, as
    if they had been given live: each is checked against the rules of
    procedure and, if accepted, recorded in the assembly's signed log. This
    is how an assembly is entered in bulk, including a record restored
    afterwards from drafts, with the times recorded then.

    Replay stops at the first command the rules refuse and names its line
    and the reason. The commands before it stay recorded (each accepted
    command is durable); fix the line and replay the rest of the script.
    "-" reads the script from standard input.

    An assembly whose record in the database is damaged (an entry edited,
    the log cut short, a log behind its high-water mark) is held out, as
    plenum serve holds it out: a line for it, or creating it again, is
    refused as a line the rules refuse is, naming the damage and what to
    do, and nothing is recorded in it; the lines for the other assemblies
    are recorded. The database is refused whole only when none of its
    assemblies is intact, or the damage is not one assembly's (a signing
    key that is not the record's).

    Only one process writes a SQLite database: while plenum serve runs on
    it, replay --db refuses it, naming the server's process. On PostgreSQL
    stop plenum serve before replay --db too: the server would refuse its
    own next commands, having not seen replay's. Or send the script
    through the running server instead, with --url: each line goes
    to the server's JSON API (docs/api.md) as the person it names, logged
    in with that person's access code (--code, one for each person the
    script names) or, for lines by admin, with a server administrator's
    one-time login token (--admin; create_assembly needs it, and is then
    given by admin). Every line is checked before anything is sent: a
    line whose person has no code is refused with its number. Through the
    API the server records each command at the time it arrives, not at
    the line's "at". Each line carries an idempotency key (its "key", or
    one made from the line's text), and a line whose answer is lost is
    sent again with it, so running the same script again records nothing
    twice: commands already in the record are answered from it.

OPTIONS
    --lang LANG     the language of its report and refusals: en, de, ru,
                    fr, es (default: LC_ALL, LC_MESSAGES or LANG, else
                    English); the commands' own refusals stay as the
                    engine words them
    --db PATH|URL   the SQLite database (default ./plenum-data/plenum.db),
                    or a postgres:// URL for PostgreSQL; created if absent
                    (the schema, on PostgreSQL), with a signing key in the
                    data directory (a key missing beside an existing record
                    is refused)
    --data DIR      the data directory holding signing.key (default: the
                    SQLite database's folder; required with PostgreSQL)
    --name SERVER   the server name in the logs' origins
                    (default plenum.localhost)
    --url URL       send the script to the plenum server at URL instead
                    (e.g. http://127.0.0.1:8080)
    --admin TOKEN   with --url: a server administrator's one-time login
                    token, or the whole login link plenum serve printed
                    (it logs in once), or the value of an administrator's
                    session cookie, plenum_session, which stays valid
    --code CODE     with --url: a person's access code, or the login link
                    on their mandate card; repeat for each person

EXIT STATUS
    0 when every command was recorded, 1 when a command was refused or the
    record could not be written, 2 for a usage error.

EXAMPLES
    plenum replay --db meeting.db testdata/coop-2026.jsonl
    plenum replay --db postgres://plenum@db.example/plenum --data /var/lib/plenum agenda.jsonl
    plenum replay --url http://127.0.0.1:8080 --admin "$TOKEN" agenda.jsonl
`,
		run: runReplay,
	})
}

func runReplay(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlagSet(subcommands["replay"], env)
	db := fs.String("db", defaultDBPath, "")
	data := fs.String("data", "", "")
	name := fs.String("name", ledger.DefaultServerName, "")
	server := fs.String("url", "", "")
	admin := fs.String("admin", "", "")
	lang := fs.String("lang", "", "")
	var codes listFlag
	fs.Var(&codes, "code", "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	l, err := officerLocale(env, *lang, "")
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &exitError{code: 2, msg: l.T("cli.replay.one_script")}
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *server == "" && (given["admin"] || given["code"]) {
		return &exitError{code: 2, msg: l.T("cli.replay.needs_url")}
	}
	if *server != "" && (given["db"] || given["data"] || given["name"]) {
		return &exitError{code: 2, msg: l.T("cli.replay.url_alone")}
	}
	var in io.Reader = env.stdin
	if p := fs.Arg(0); p != "-" {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	if *server != "" {
		return replayThrough(ctx, env, l, *server, *admin, codes, in)
	}
	if !store.IsPostgres(*db) {
		if err := os.MkdirAll(filepath.Dir(*db), 0o700); err != nil {
			return err
		}
	}
	eng, held, closeAll, err := openEngineIn(ctx, l, *db, *data, *name)
	if errors.Is(err, sqlite.ErrLocked) {
		return fmt.Errorf("%w. %s", err, l.T("cli.replay.locked"))
	}
	if err != nil {
		return err
	}
	defer closeAll()
	n, err := replayScript(ctx, l, eng, held, in)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, l.T("cli.replay.recorded", strconv.Itoa(n)))
	return nil
}

// defaultDBPath is where plenum keeps its database unless told otherwise.
const defaultDBPath = "plenum-data/plenum.db"

// usageErr turns a flag parsing error into exit status 2 (or 0 for --help).
func usageErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &exitError{code: 2}
}

// needsDataDir refuses a PostgreSQL database without --data, in l: the
// signing key has no folder beside the database to be in. Every command
// that signs the log (serve, replay, import) says it so.
func needsDataDir(l *i18n.Locale, db, data string) error {
	if data == "" && store.IsPostgres(db) {
		return &exitError{code: 2, msg: l.T("cli.pg_data")}
	}
	return nil
}

// openEngine is openEngineIn refusing in English, for the tests that
// open an engine directly.
func openEngine(ctx context.Context, dbArg, dataDir, server string) (*engine.Engine, func(), error) {
	e, _, closeAll, err := openEngineIn(ctx, nil, dbArg, dataDir, server)
	return e, closeAll, err
}

// openEngineIn opens (creating if needed) the database dbArg names (a
// SQLite file or a postgres:// URL), the signing key in dataDir (by
// default the SQLite file's folder; required with PostgreSQL), and the
// engine over them; it refuses a missing directory or key in l. An
// assembly whose record is damaged (or behind its high-water mark) is
// held out, as serve holds it out (quarantine.go), and the engine opens
// on the others: held says which, and why; the database is refused
// whole only when no assembly is left intact or the damage is not one
// log's.
func openEngineIn(ctx context.Context, l *i18n.Locale, dbArg, dataDir, server string) (*engine.Engine, *quarantine, func(), error) {
	if err := needsDataDir(l, dbArg, dataDir); err != nil {
		return nil, nil, nil, err
	}
	if dataDir == "" {
		dataDir = filepath.Dir(dbArg)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, nil, nil, err
	}
	if err := keyBesideRecord(l, func() ([]string, error) { return store.LogOrigins(ctx, dbArg) }, dataDir, server, dbArg); err != nil {
		return nil, nil, nil, err
	}
	st, err := store.OpenStore(ctx, dbArg, false)
	if err != nil {
		return nil, nil, nil, err
	}
	signer, vkey, err := ledger.LoadOrCreateKey(dataDir, server)
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	held := &quarantine{server: server}
	hs := &heldStore{Store: st, q: held}
	m, _, err := hs.holdMarks(ctx, l, highwater.Path(dataDir, dbArg), note.VerifierList(verifier))
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	eng, err := hs.openEngine(ctx, engine.Options{Server: server, Signer: signer, Verifiers: note.VerifierList(verifier), Committed: m.Committed}, false)
	if err != nil {
		m.Close()
		st.Close()
		return nil, nil, nil, err
	}
	m.Raise(eng)
	return eng, held, func() { eng.Close(); m.Close(); st.Close() }, nil
}

// lineRefused is a command of the script the engine refused, after its
// line and command: the refusal as the engine words it, in English, its
// counts in the form they take ("fills 1 seat", as i18n renders the
// English of a refusal; the error's own text says "fills 1 seats").
func lineRefused(l *i18n.Locale, line int, cmd string, err error) error {
	msg := err.Error()
	var ae *assembly.Error
	if errors.As(err, &ae) && ae.Msg == msg {
		msg = i18n.For(i18n.Default).Refusal(ae.Format, ae.Args, ae.Msg)
	}
	return &exitError{code: 1, msg: l.T("cli.replay.line_cmd", strconv.Itoa(line), cmd) + ": " + msg, cause: err}
}

// replayScript applies a command script and returns how many commands it
// recorded. Consecutive commands for one assembly go to the engine together
// (one batch, decided in order), so a long script is not one sync per line.
// A line for an assembly held is refused, naming it and the damage, as a
// line the rules refuse is (held: the assemblies held out when the engine
// opened, their records damaged; nil for none).
func replayScript(ctx context.Context, l *i18n.Locale, eng *engine.Engine, held *quarantine, in io.Reader) (int, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), maxScriptLine)
	var (
		recorded int
		current  string // the assembly named last
		pending  []scriptLine
	)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		batch := pending
		pending = nil
		if h := held.id(batch[0].env.Assembly); h != nil {
			return heldLine(l, batch[0].line, h)
		}
		a, ok := eng.Assembly(batch[0].env.Assembly)
		if !ok {
			return errors.New(l.T("cli.replay.no_assembly", strconv.Itoa(batch[0].line), batch[0].env.Assembly))
		}
		metas := make([]assembly.Meta, len(batch))
		cmds := make([]assembly.Command, len(batch))
		for i, b := range batch {
			metas[i], cmds[i] = b.env.Meta(), b.cmd
		}
		results, failed, err := a.SubmitAll(ctx, metas, cmds)
		recorded += len(results)
		if err != nil {
			if failed >= 0 {
				return lineRefused(l, batch[failed].line, batch[failed].env.Cmd, err)
			}
			return err
		}
		return nil
	}
	line := 1
	for ; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		env, cmd, err := parseScriptLine(l, line, text)
		if err != nil {
			if ferr := flush(); ferr != nil {
				return recorded, ferr
			}
			return recorded, err
		}
		if c, ok := cmd.(assembly.CreateAssembly); ok {
			if err := flush(); err != nil {
				return recorded, err
			}
			if h := held.id(c.ID); h != nil {
				return recorded, heldLine(l, line, h)
			}
			if _, err := eng.Submit(ctx, env); err != nil {
				return recorded, lineRefused(l, line, env.Cmd, err)
			}
			recorded++
			current = c.ID
			continue
		}
		if env.Assembly == "" {
			env.Assembly = current
		}
		if env.Assembly != current || len(pending) >= 1024 {
			if err := flush(); err != nil {
				return recorded, err
			}
			current = env.Assembly
		}
		pending = append(pending, scriptLine{line: line, env: env, cmd: cmd})
	}
	if err := flush(); err != nil {
		return recorded, err
	}
	if err := sc.Err(); err != nil {
		return recorded, scanError(l, line, err, l.T("cli.replay.rest_recorded"))
	}
	return recorded, nil
}

// heldLine refuses line n of a script, for the assembly h, held out:
// its record in the database is damaged.
func heldLine(l *i18n.Locale, n int, h *heldOut) error {
	return &exitError{code: 1, msg: l.T("cli.replay.held", strconv.Itoa(n), h.id, h.reason(l), h.todo(l))}
}

// scanError is the error for a script that could not be read at line,
// saying what became of the rest.
func scanError(l *i18n.Locale, line int, err error, rest string) error {
	if errors.Is(err, bufio.ErrTooLong) {
		return errors.New(l.T("cli.replay.too_long", strconv.Itoa(line), strconv.Itoa(maxScriptLine>>20), rest))
	}
	return fmt.Errorf("%s: %w", l.T("cli.replay.unreadable", strconv.Itoa(line)), err)
}

// maxScriptLine bounds one line of a command script.
const maxScriptLine = 16 << 20

// parseScriptLine parses line n of a script, text, into its envelope and
// command, or an error naming the line.
func parseScriptLine(l *i18n.Locale, n int, text []byte) (assembly.Envelope, assembly.Command, error) {
	env, err := assembly.ParseEnvelope(text)
	if err != nil {
		return env, nil, fmt.Errorf("%s: %w", l.T("cli.replay.line", strconv.Itoa(n)), err)
	}
	cmd, err := assembly.ParseCommand(env)
	if err != nil {
		return env, nil, fmt.Errorf("%s: %w", l.T("cli.replay.line_cmd", strconv.Itoa(n), env.Cmd), err)
	}
	return env, cmd, nil
}

// scriptLine is one parsed command of a script with its line number.
type scriptLine struct {
	line int
	env  assembly.Envelope
	cmd  assembly.Command
}
