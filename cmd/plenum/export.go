package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/minutes"
	"plenum/roster"
	"plenum/store"
)

func init() {
	register(&subcommand{
		name:    "export",
		summary: "render an assembly's minutes (Markdown, HTML, PDF, Akoma Ntoso, Popolo) or its roster (CSV, XLSX), or write its signed record as a file",
		usage: `
NAME
    plenum export — render an assembly's minutes from its signed log

SYNOPSIS
    plenum export [--db PATH|URL] [--data DIR | --key VERIFIERKEY] --assembly ID
                  [--format FORMAT] [--lang LANG] [--size N] [-o FILE]

DESCRIPTION
    Replays the assembly's log up to a signed checkpoint and renders the
    minutes as a reader expects them: the assembly, its organizations and
    delegates, then each sitting with its chair, secretaries and order of
    the day, the speeches, motions, votes with their counts, elections and
    times. The document ends with the checkpoint it was rendered from (tree
    size, root hash, origin, the signed checkpoint and the verifier key)
    and says how to check it; "plenum verify --document FILE" does.

    The minutes are in the language of the record (the assembly's
    language: en, de, ru, fr or es; English for any other), or in another
    with --lang: the words the minutes add (headings, leads, counts,
    outcomes, dates) are translated, the record's own text (names,
    speeches, motions) stands as recorded. The document states its
    language, and "plenum verify --document" renders it in that language.

    The output depends only on the log up to the checkpoint, never on the
    clock: exporting the same checkpoint twice gives the same bytes.

    An md, html or akn document states the version of the renderer that
    made it and the version of plenum ("md/1 plenum/v1.4.0"), beside its
    checkpoint: "plenum verify --document" compares the bytes only with
    the renderer of that version, and says which plenum can compare a
    document of another (docs/minutes.md).

    With --format roster-csv or roster-xlsx, export writes the assembly's
    roster instead, as of the same checkpoint: one row per person with a
    mandate (reference, name, organization, kind, weight, proxy, status
    and presence), sorted by organization and name, in the columns that
    plenum import reads back (docs/import.md).

    With --format record, export writes the assembly's signed log itself,
    up to the same checkpoint, into a new SQLite file (-o FILE, which must
    not exist): its entries, the payloads stored beside them, every signed
    checkpoint with the witnesses' cosignatures, and nothing else (no
    access codes, no sessions, no ballots of votes still open, no signing
    key). Whoever holds it checks the minutes without the server, decades
    later: "plenum verify --db FILE --document minutes.md", or the whole
    log through the rules with "plenum verify --db FILE --key KEY".

    The database is opened read-only. The checkpoint is checked with the
    verifier key of the signing key in the data directory (nothing is
    created), or with --key. See docs/minutes.md.

OPTIONS
    --db PATH|URL    the SQLite database (default ./plenum-data/plenum.db),
                     or a postgres:// URL for PostgreSQL
    --data DIR       the data directory holding signing.key (default: the
                     SQLite database's folder; with PostgreSQL, give --data
                     or --key)
    --key VERIFIERKEY
                     check the checkpoint with this verifier key
                     ("name+hash+key", or a file holding it) instead of
                     the signing key's
    --assembly ID    the assembly
    --format FORMAT  md (default), html (one self-contained, printable
                     file), pdf (paginated, the checkpoint on every page),
                     akn (Akoma Ntoso 3.0 debate XML), popolo (Popolo JSON),
                     roster-csv or roster-xlsx (the roster), record
                     (the signed log as a SQLite file; needs -o)
    --lang LANG      the language of the minutes: en, de, ru, fr or es
                     (default: the record's)
    --size N         render at the stored checkpoint of tree size N instead
                     of the latest
    -o FILE          write to FILE instead of standard output

EXIT STATUS
    0 when the document was written, 1 when the log could not be read or
    its checkpoint does not verify, 2 for a usage error.

EXAMPLES
    plenum export --db meeting.db --assembly coop-2026 -o minutes.md
    plenum export --db meeting.db --assembly coop-2026 --format html -o minutes.html
    plenum export --db meeting.db --assembly coop-2026 --format akn --size 120
    plenum export --db meeting.db --assembly march-1917 --lang ru -o protokol.md
    plenum export --db meeting.db --assembly coop-2026 --format roster-xlsx -o roster.xlsx
    plenum export --db meeting.db --assembly coop-2026 --format record -o coop-2026-record.db
    plenum export --db postgres://plenum@db/plenum --key verifier.key \
        --assembly coop-2026 -o minutes.md
`,
		run: runExport,
	})
}

func runExport(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlagSet(subcommands["export"], env)
	db := fs.String("db", defaultDBPath, "")
	data := fs.String("data", "", "")
	key := fs.String("key", "", "")
	id := fs.String("assembly", "", "")
	format := fs.String("format", minutes.FormatMarkdown, "")
	size := fs.Int64("size", 0, "")
	lang := fs.String("lang", "", "")
	out := fs.String("o", "", "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	// Its refusals are in the language of the minutes (--lang), else the
	// environment's, as officerLocale orders them.
	l := env.locale()
	if i18n.Supported(*lang) {
		l = i18n.For(*lang)
	}
	if fs.NArg() != 0 {
		return &exitError{code: 2, msg: l.T("cli.export.argument", fs.Arg(0))}
	}
	if *id == "" {
		return &exitError{code: 2, msg: l.T("cli.export.no_assembly")}
	}
	if !validFormat(*format) {
		return &exitError{code: 2, msg: l.T("cli.export.format", *format, strings.Join(append(append(minutes.Formats[:len(minutes.Formats):len(minutes.Formats)], rosterFormats...), formatRecord), ", "))}
	}
	if *data != "" && *key != "" {
		return &exitError{code: 2, msg: l.T("cli.export.data_or_key")}
	}
	if *size < 0 {
		return &exitError{code: 2, msg: l.T("cli.export.size")}
	}
	if *lang != "" && !i18n.Supported(*lang) {
		return &exitError{code: 2, msg: l.T("cli.export.lang", *lang, languageTags())}
	}
	if *format == formatRecord && (*out == "" || store.IsPostgres(*out)) {
		return &exitError{code: 2, msg: l.T("cli.archive.no_out")}
	}
	lg, err := openLogReadOnly(ctx, l, *db, *data, *id)
	if err != nil {
		return err
	}
	defer lg.store.Close()
	if *key != "" {
		if err := lg.useKey(*key); err != nil {
			return err
		}
	}
	signed, err := lg.checkpointAt(ctx, *size)
	if err != nil {
		return err
	}
	if *format == formatRecord {
		size, err := lg.archive(ctx, signed, *out)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.stderr, l.T("cli.archive.written", *out, fmt.Sprint(size), lg.origin))
		return nil
	}
	var doc []byte
	if *format == formatRosterCSV || *format == formatRosterXLSX {
		doc, err = lg.roster(ctx, signed, *format)
	} else {
		var d *minutes.Document
		if d, err = lg.document(ctx, signed, lg.verifiers, *lang); err == nil {
			doc, err = minutes.RenderBy(d, *format, stampVersion())
		}
	}
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = env.stdout.Write(doc)
		return err
	}
	return os.WriteFile(*out, doc, 0o644)
}

// The roster's formats, besides the minutes'.
const (
	formatRosterCSV  = "roster-csv"
	formatRosterXLSX = "roster-xlsx"
)

var rosterFormats = []string{formatRosterCSV, formatRosterXLSX}

// formatRecord is export's format that writes the signed log itself as a
// SQLite file (archive.go), not a document.
const formatRecord = "record"

func validFormat(f string) bool {
	for _, x := range append(append(minutes.Formats[:len(minutes.Formats):len(minutes.Formats)], rosterFormats...), formatRecord) {
		if x == f {
			return true
		}
	}
	return false
}

// roster writes the assembly's roster as of a signed checkpoint, which
// must verify and be the root of the log's first entries.
func (lg *readLog) roster(ctx context.Context, signed []byte, format string) ([]byte, error) {
	st, err := lg.verifiedState(ctx, signed, lg.verifiers)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if format == formatRosterXLSX {
		err = roster.WriteXLSX(&b, st)
	} else {
		err = roster.WriteCSV(&b, st)
	}
	return b.Bytes(), err
}

// readLog is one assembly's log in a database opened read-only, with the
// verifier key of the database's signing key (if it is there).
type readLog struct {
	store     ledger.Store
	origin    string
	vkey      string // "" when the data directory has no signing key
	keyPath   string
	verifiers note.Verifiers
	l         *i18n.Locale // the language of its refusals
}

// openLogReadOnly opens the database dbArg names (a SQLite file or a
// postgres:// URL) read-only and finds the log of assembly id. The
// signing key is looked for in dataDir, by default the SQLite file's
// folder; with PostgreSQL and no dataDir there is none.
func openLogReadOnly(ctx context.Context, l *i18n.Locale, dbArg, dataDir, id string) (*readLog, error) {
	st, err := openReadOnly(ctx, l, dbArg)
	if err != nil {
		return nil, err
	}
	origins, err := st.Logs(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	lg := &readLog{store: st, l: l}
	if dataDir == "" && !store.IsPostgres(dbArg) {
		dataDir = filepath.Dir(dbArg)
	}
	if dataDir != "" {
		lg.keyPath = filepath.Join(dataDir, ledger.SigningKeyFile)
	}
	var ids []string
	for _, o := range origins {
		_, a, err := ledger.ParseOrigin(o)
		if err != nil {
			continue
		}
		ids = append(ids, a)
		if a == id {
			lg.origin = o
		}
	}
	if lg.origin == "" {
		st.Close()
		return nil, noSuchAssembly(l, dbArg, id, ids)
	}
	vkey := ""
	if lg.keyPath != "" {
		if vkey, err = readVerifierKey(lg.keyPath); err != nil {
			st.Close()
			return nil, err
		}
	}
	if vkey != "" {
		vs, err := newVerifierKeys(vkey)
		if err != nil {
			st.Close()
			return nil, err
		}
		lg.vkey, lg.verifiers = vkey, vs
	}
	return lg, nil
}

// noSuchAssembly refuses an assembly id the database dbArg does not hold,
// naming the ids it does.
func noSuchAssembly(l *i18n.Locale, dbArg, id string, ids []string) error {
	dbPath := dbArg
	if store.IsPostgres(dbArg) {
		dbPath = l.T("cli.export.the_database")
	}
	known := l.T("cli.export.no_assemblies")
	if len(ids) > 0 {
		known = l.T("cli.export.assemblies", strings.Join(ids, ", "))
	}
	return &exitError{code: 1, msg: l.T("cli.export.no_such_assembly", dbPath, id, known)}
}

// openReadOnly opens the database dbArg names for reading only: an
// existing SQLite file, or PostgreSQL.
func openReadOnly(ctx context.Context, l *i18n.Locale, dbArg string) (ledger.Store, error) {
	if !store.IsPostgres(dbArg) {
		if _, err := os.Stat(dbArg); err != nil {
			return nil, &exitError{code: 1, msg: l.T("cli.export.cannot_open", err)}
		}
	}
	st, err := store.OpenStore(ctx, dbArg, true)
	if err != nil {
		return nil, &exitError{code: 1, msg: l.T("cli.export.cannot_open", err)}
	}
	return st, nil
}

// useKey makes key (a verifier key, or a file holding one) the key the
// log's checkpoints are checked with.
func (lg *readLog) useKey(key string) error {
	vkey, err := readKeyArg(lg.l, key)
	if err != nil {
		return err
	}
	vs, err := newVerifierKeys(vkey)
	if err != nil {
		return &exitError{code: 2, msg: lg.l.T("cli.export.bad_key", err)}
	}
	lg.vkey, lg.verifiers, lg.keyPath = vkey, vs, "--key"
	return nil
}

// readVerifierKey returns the verifier key of the signing key at path,
// or "" if there is no such file. It never creates a key.
func readVerifierKey(path string) (string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	vkey, err := ledger.VerifierKey(strings.TrimSpace(string(data)))
	if err != nil {
		return "", fmt.Errorf("%s: %v", path, err)
	}
	return vkey, nil
}

// checkpointAt returns the signed checkpoint of tree size n, or the latest
// one when n is 0.
func (lg *readLog) checkpointAt(ctx context.Context, n int64) ([]byte, error) {
	if lg.verifiers == nil {
		if lg.keyPath == "" {
			return nil, &exitError{code: 2, msg: lg.l.T("cli.export.pg_key")}
		}
		return nil, &exitError{code: 1, msg: lg.l.T("cli.export.no_signing_key", lg.keyPath)}
	}
	head, err := lg.store.Head(ctx, lg.origin)
	if err != nil {
		return nil, err
	}
	if n == 0 || n == head.Size {
		if head.Size == 0 {
			return nil, &exitError{code: 1, msg: lg.l.T("cli.export.empty")}
		}
		return head.Checkpoint, nil
	}
	if n > head.Size {
		return nil, &exitError{code: 1, msg: lg.l.T("cli.export.too_big", int(head.Size), fmt.Sprint(head.Size), fmt.Sprint(n))}
	}
	cps, err := lg.store.Checkpoints(ctx, lg.origin, n-1, 1)
	if err != nil {
		return nil, err
	}
	if len(cps) == 0 || cps[0].Size != n {
		next := lg.l.T("cli.export.none")
		if len(cps) > 0 {
			next = fmt.Sprint(cps[0].Size)
		}
		return nil, &exitError{code: 1, msg: lg.l.T("cli.export.no_checkpoint", fmt.Sprint(n), next)}
	}
	return cps[0].Signed, nil
}

// stateAt replays the first n entries of the log and returns the state,
// with the time the last of them was recorded.
func (lg *readLog) stateAt(ctx context.Context, n int64) (*assembly.State, []ledger.Entry, error) {
	entries, err := ledger.ReadEntries(ctx, lg.store, lg.origin, 0, n)
	if err != nil {
		return nil, nil, err
	}
	if int64(len(entries)) != n {
		return nil, nil, fmt.Errorf("the log has %d of the %d entries the checkpoint covers", len(entries), n)
	}
	r := engine.NewReplayer()
	for _, e := range entries {
		if err := r.Apply(lg.origin, e); err != nil {
			return nil, nil, &exitError{code: 1, msg: lg.l.T("cli.export.replaying", err)}
		}
	}
	st := r.State(lg.origin)
	if st == nil {
		st = assembly.NewState()
	}
	return st, entries, nil
}

// document checks a signed checkpoint of the log and builds the minutes
// of the state at its size.
//
// The minutes are in lang, or in the record's language if lang is "".
func (lg *readLog) document(ctx context.Context, signed []byte, verifiers note.Verifiers, lang string) (*minutes.Document, error) {
	cp, n, st, entries, err := lg.verifiedAt(ctx, signed, verifiers)
	if err != nil {
		return nil, err
	}
	c := minutes.Checkpoint{Origin: cp.Origin, Size: cp.Size, RootHash: base64.StdEncoding.EncodeToString(cp.Hash[:]),
		Signed: string(signed), VerifierKey: verifierKeyOf(n, verifiers)}
	if len(entries) > 0 {
		c.Time = entries[len(entries)-1].Time
	}
	if lang == "" {
		return minutes.Build(st, c), nil
	}
	return minutes.BuildIn(st, c, lang), nil
}

// languageTags lists the languages plenum speaks: "en, de, ru, fr, es".
func languageTags() string {
	var tags []string
	for _, l := range i18n.Languages {
		tags = append(tags, l.Tag)
	}
	return strings.Join(tags, ", ")
}

// verifiedState returns the state of the log at a signed checkpoint, as
// verifiedAt checks it.
func (lg *readLog) verifiedState(ctx context.Context, signed []byte, verifiers note.Verifiers) (*assembly.State, error) {
	_, _, st, _, err := lg.verifiedAt(ctx, signed, verifiers)
	return st, err
}

// verifiedAt checks a signed checkpoint of the log — its signature, and
// that the log's first entries hash to its root — and replays exactly
// those entries.
func (lg *readLog) verifiedAt(ctx context.Context, signed []byte, verifiers note.Verifiers) (ledger.Checkpoint, *note.Note, *assembly.State, []ledger.Entry, error) {
	fail := func(err error) (ledger.Checkpoint, *note.Note, *assembly.State, []ledger.Entry, error) {
		return ledger.Checkpoint{}, nil, nil, nil, err
	}
	cp, n, err := ledger.OpenCheckpoint(signed, verifiers)
	if err != nil {
		return fail(&exitError{code: 1, msg: lg.l.T("cli.export.bad_checkpoint", err)})
	}
	if cp.Origin != lg.origin {
		return fail(&exitError{code: 1, msg: lg.l.T("cli.export.other_log", cp.Origin, lg.origin)})
	}
	// The root hash of the first N entries as they are in the database,
	// recomputed from their bytes, not read from the stored hashes: the
	// minutes are rendered only from entries the signed checkpoint vouches for.
	raw, err := ledger.ReadRaw(ctx, lg.store, lg.origin, 0, cp.Size)
	if err != nil {
		return fail(&exitError{code: 1, msg: lg.l.T("cli.export.missing_entries", fmt.Sprint(cp.Size), err)})
	}
	root, err := treeHash(raw)
	if err != nil {
		return fail(err)
	}
	if root != cp.Hash {
		return fail(&exitError{code: 1, msg: lg.l.T("cli.export.changed",
			fmt.Sprint(cp.Size), base64.StdEncoding.EncodeToString(root[:]), base64.StdEncoding.EncodeToString(cp.Hash[:]))})
	}
	st, entries, err := lg.stateAt(ctx, cp.Size)
	if err != nil {
		return fail(err)
	}
	return cp, n, st, entries, nil
}

// verifierKeyOf names the verifier key that signed n, of those known.
func verifierKeyOf(n *note.Note, known note.Verifiers) string {
	if lst, ok := known.(*verifierKeys); ok {
		for _, s := range n.Sigs {
			if k, ok := lst.keys[s.Name]; ok {
				return k
			}
		}
	}
	return ""
}

// verifierKeys is a note.Verifiers that remembers each verifier's key text.
type verifierKeys struct {
	note.Verifiers
	keys map[string]string
}

func newVerifierKeys(vkeys ...string) (*verifierKeys, error) {
	var vs []note.Verifier
	keys := map[string]string{}
	for _, k := range vkeys {
		v, err := note.NewVerifier(k)
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
		keys[v.Name()] = k
	}
	return &verifierKeys{Verifiers: note.VerifierList(vs...), keys: keys}, nil
}
