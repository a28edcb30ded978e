package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
	"plenum/internal/highwater"
	"plenum/ledger"
	"plenum/roster"
	"plenum/store"
	"plenum/store/sqlite"
)

func init() {
	register(&subcommand{
		name:    "import",
		summary: "import delegates, organizations and mandates from a spreadsheet (CSV, XLSX)",
		usage: `
NAME
    plenum import — import an assembly's delegates from a spreadsheet

SYNOPSIS
    plenum import [--db PATH|URL] [--data DIR] [--name SERVER] --assembly ID
                  [--actor PERSON] [--create-organizations] [--good-rows]
                  [--dry-run] [--lang LANG] FILE

DESCRIPTION
    Reads FILE, a roster of delegates — an Excel workbook (.xlsx) or CSV —
    and makes the assembly's record match it: it adds the persons and
    mandates the assembly does not have, and amends the names, references,
    organizations, kinds, weights, verifications and proxies that differ.
    Each change is an ordinary command (docs/script.md), recorded in the
    assembly's signed log; all of them go in one batch.

    The columns are found by their headers, in English: Ref, Name,
    Organization, Kind, Weight, Proxy, Status, and the other names
    docs/import.md lists (Full name, Delegation, Votes, Member no., …),
    without regard to case or spaces. Only Name is required. The header
    may be below a title; other columns are not read.

    A person is found again by the Ref column (the organiser's own
    reference, such as a member number), else by name. Importing the same
    file again changes nothing. A person of the assembly whom the file
    does not list is not removed: they are listed at the end, for the
    mandate commission to decide.

    Every row is checked first: a missing name, an unknown organization,
    the same person twice, a bad kind, weight, status or proxy, and what
    the rules of procedure refuse (a weight where every mandate has one
    vote, a proxy where proxies are not allowed). Each problem names its
    row and column. If any row has a problem nothing is recorded, unless
    --good-rows says to record the other rows. When the assembly has
    organizations and no column of the file is read as the organization,
    import warns on standard error (as the import page does) that every
    row will be recorded as a personal mandate; it is not refused for it.

    With --dry-run, import prints every row with what it would do, and
    records nothing. It opens the database read-only, and needs no key.

    The import writes to the database itself: stop plenum serve on that
    database first, or import the file on the running server's import
    page, /a/ID/import, which reads and records it the same way.

    An assembly whose record in the database is damaged (an entry edited,
    the log cut short, a log behind its high-water mark) is held out, as
    plenum serve holds it out: an import into it is refused, naming the
    damage and what to do, and records nothing; an import into another
    assembly of the database proceeds. The database is refused whole only
    when none of its assemblies is intact, or the damage is not one
    assembly's (a signing key that is not the record's).

    What the import reports (the rows, their changes and problems, the
    counts, what was recorded) is written in the language of --lang, else
    of the environment (LC_ALL, LC_MESSAGES, LANG), else of the assembly's
    record; the file's own words (names, headers) stand as they are.

OPTIONS
    --db PATH|URL    the SQLite database (default ./plenum-data/plenum.db),
                     or a postgres:// URL for PostgreSQL
    --data DIR       the data directory holding signing.key (default: the
                     SQLite database's folder; required with PostgreSQL)
    --name SERVER    the server name in the logs' origins (default
                     plenum.localhost)
    --assembly ID    the assembly to import into
    --actor PERSON   the person on whose authority the commands are given:
                     an administrator, a secretary or the mandate
                     commission (default: the assembly's administrator,
                     when it has one)
    --create-organizations
                     add the organizations the file names that the
                     assembly does not have (otherwise such a row is an
                     error, so that a misspelling is caught)
    --good-rows      record the rows without problems even if others have
    --dry-run        print what the import would do; record nothing
    --lang LANG      the language of the report: en, de, ru, fr, es

EXIT STATUS
    0 when the file was recorded (with --dry-run: when it has no problem),
    1 when a row has a problem and nothing was recorded (or, with
    --good-rows, only the good rows were), or the database cannot be
    read or written, 2 for a usage error.

EXAMPLES
    plenum import --db plenum-data/plenum.db --assembly congress-2026 --dry-run delegates.xlsx
    plenum import --db plenum-data/plenum.db --assembly congress-2026 delegates.xlsx
    plenum export --db plenum-data/plenum.db --assembly congress-2026 --format roster-xlsx -o roster.xlsx
`,
		run: runImport,
	})
}

func runImport(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlagSet(subcommands["import"], env)
	db := fs.String("db", defaultDBPath, "")
	data := fs.String("data", "", "")
	name := fs.String("name", ledger.DefaultServerName, "")
	id := fs.String("assembly", "", "")
	actor := fs.String("actor", "", "")
	create := fs.Bool("create-organizations", false, "")
	goodRows := fs.Bool("good-rows", false, "")
	dryRun := fs.Bool("dry-run", false, "")
	lang := fs.String("lang", "", "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	// Until the assembly is read, the language of --lang or of the
	// environment.
	l, err := officerLocale(env, *lang, "")
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &exitError{code: 2, msg: l.T("cli.import.one_file")}
	}
	if *id == "" {
		return &exitError{code: 2, msg: l.T("cli.export.no_assembly")}
	}
	if *goodRows && *dryRun {
		return &exitError{code: 2, msg: l.T("cli.import.dry_good")}
	}
	file := fs.Arg(0)
	content, err := readRosterFile(l, file)
	if err != nil {
		return err
	}
	tab, err := roster.Read(file, content)
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.about", file, fileProblemText(l, err))}
	}

	var imp *importTarget
	if *dryRun {
		imp, err = openImportReadOnly(ctx, l, *db, *id)
	} else {
		imp, err = openImportWriter(ctx, l, *db, *data, *name, *id)
	}
	if err != nil {
		return err
	}
	defer imp.close()
	s, err := imp.fresh()
	if err != nil {
		return err
	}
	if l, err = officerLocale(env, *lang, s.Assembly.Language); err != nil {
		return err
	}
	if *actor == "" {
		if *actor, err = soleAdministrator(l, s); err != nil {
			return err
		}
	}
	start := time.Now()
	pv, err := roster.Plan(tab, imp.fresh, roster.Options{Actor: *actor, At: time.Now(), CreateOrganizations: *create})
	if errors.Is(err, roster.ErrNotRegistrar) {
		return &exitError{code: 1, msg: l.T("cli.import.not_registrar", *actor, *id)}
	}
	if err != nil {
		return err
	}
	planned := time.Since(start)
	printPreview(env.stdout, l, file, pv, *dryRun)
	if pv.NoOrganizationColumn {
		// The import page's warning: recording is not refused.
		fmt.Fprintln(env.stderr, l.T("cli.import.no_org_column", strings.Join(roster.ColumnOf(roster.FieldOrganization).Named(l.Lang()), ", ")))
	}
	for _, n := range pv.Notes {
		// Of the file as a whole (read as Windows-1252, most rows
		// without an organization): notes, not refusals.
		fmt.Fprintln(env.stderr, l.Part(n))
	}
	sum := pv.Summary
	switch {
	case *dryRun:
		fmt.Fprintln(env.stdout, l.T("cli.import.dry_run", planned.Round(time.Millisecond).String()))
		if sum.Errors > 0 {
			return &exitError{code: 1, msg: l.T("cli.import.with_problems", sum.Errors)}
		}
		return nil
	case sum.Errors > 0 && !*goodRows:
		return &exitError{code: 1, msg: l.T("cli.import.nothing_recorded", l.T("cli.import.with_problems", sum.Errors), sum.Rows-sum.Errors)}
	}
	if len(pv.Commands) == 0 {
		fmt.Fprintln(env.stdout, l.T("cli.import.nothing_to_record"))
	} else {
		metas, cmds := pv.Batch()
		results, failed, err := imp.assembly.SubmitAll(ctx, metas, cmds)
		if err != nil {
			// The batch was rehearsed on the same state; a refusal here
			// means someone else wrote to the record meanwhile.
			if failed >= 0 {
				return &exitError{code: 1, msg: l.T("cli.import.refused_at", cmds[failed].CommandName(), pv.Commands[failed].Row, err, len(results))}
			}
			return &exitError{code: 1, msg: l.T("cli.import.not_recorded", err)}
		}
		fmt.Fprintln(env.stdout, l.T("cli.import.recorded", len(results), time.Since(start).Round(time.Millisecond).String()))
	}
	if sum.Errors > 0 {
		return &exitError{code: 1, msg: l.T("cli.import.good_recorded", sum.Errors)}
	}
	return nil
}

// readRosterFile reads a roster file, refusing one larger than a roster
// can be before reading it whole.
func readRosterFile(l *i18n.Locale, path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &exitError{code: 1, msg: err.Error()}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, roster.MaxFileSize+1))
	if err != nil {
		return nil, &exitError{code: 1, msg: l.T("cli.about", path, err)}
	}
	return data, nil
}

// soleAdministrator is the actor an import defaults to: the assembly's
// administrator, if it has exactly one.
func soleAdministrator(l *i18n.Locale, s *assembly.State) (string, error) {
	var admins []string
	for p := range s.Roles {
		if s.HasRole(p, assembly.RoleAdministrator) {
			admins = append(admins, p)
		}
	}
	sort.Strings(admins)
	if len(admins) == 1 {
		return admins[0], nil
	}
	if len(admins) == 0 {
		return "", &exitError{code: 2, msg: l.T("cli.import.no_admin", s.Assembly.ID)}
	}
	return "", &exitError{code: 2, msg: l.T("cli.import.admins", s.Assembly.ID, len(admins), strings.Join(admins, ", "))}
}

// importTarget is the assembly an import reads (and, unless a dry run,
// writes): the entries of its log, replayed afresh for each rehearsal.
type importTarget struct {
	st       ledger.Store
	eng      *engine.Engine   // nil in a dry run
	assembly *engine.Assembly // nil in a dry run
	origin   string
	entries  []ledger.Entry
	marks    *marks // nil in a dry run
}

func (t *importTarget) close() {
	if t.eng != nil {
		t.eng.Close()
	}
	if t.marks != nil {
		t.marks.Close()
	}
	t.st.Close()
}

// fresh replays the log's entries into a new state.
func (t *importTarget) fresh() (*assembly.State, error) {
	r := engine.NewReplayer()
	for _, e := range t.entries {
		if err := r.Apply(t.origin, e); err != nil {
			return nil, fmt.Errorf("replaying the log of the assembly: %w", err)
		}
	}
	s := r.State(t.origin)
	if s == nil {
		return nil, errors.New("the assembly's log is empty")
	}
	return s, nil
}

// openImportReadOnly opens the assembly's log for a dry run: read-only,
// without the signing key.
func openImportReadOnly(ctx context.Context, l *i18n.Locale, db, id string) (*importTarget, error) {
	lg, err := openLogReadOnly(ctx, l, db, "", id)
	if err != nil {
		return nil, err
	}
	t := &importTarget{st: lg.store, origin: lg.origin}
	head, err := lg.store.Head(ctx, lg.origin)
	if err == nil {
		t.entries, err = ledger.ReadEntries(ctx, lg.store, lg.origin, 0, head.Size)
	}
	if err != nil {
		t.close()
		return nil, err
	}
	return t, nil
}

// openImportWriter opens the database for writing, with its signing key,
// and the engine over it (which audits and replays every log), and reads
// the assembly's entries.
//
// Only one process may write to a database: a running plenum serve must
// be stopped first. The check that refuses a database held by another
// writer belongs right after the store is opened, as in replay.
func openImportWriter(ctx context.Context, l *i18n.Locale, db, data, name, id string) (*importTarget, error) {
	if !ledger.ValidServerName(name) {
		return nil, &exitError{code: 2, msg: l.T("cli.server_name", name)}
	}
	if err := needsDataDir(l, db, data); err != nil {
		return nil, err
	}
	if !store.IsPostgres(db) {
		if _, err := os.Stat(db); err != nil {
			return nil, &exitError{code: 1, msg: l.T("cli.import.no_db", err)}
		}
		if data == "" {
			data = filepath.Dir(db)
		}
	}
	keyPath := filepath.Join(data, ledger.SigningKeyFile)
	if _, err := os.Stat(keyPath); err != nil {
		return nil, &exitError{code: 1, msg: l.T("cli.import.no_key", keyPath)}
	}
	signer, vkey, err := ledger.LoadOrCreateKey(data, name)
	if err != nil {
		return nil, &exitError{code: 1, msg: err.Error()}
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, err
	}
	st, err := store.OpenStore(ctx, db, false)
	if errors.Is(err, sqlite.ErrLocked) {
		return nil, &exitError{code: 1, msg: l.T("cli.export.cannot_open", err) + ". " + l.T("cli.import.locked", id)}
	}
	if err != nil {
		return nil, &exitError{code: 1, msg: l.T("cli.export.cannot_open", err)}
	}
	// An assembly whose record is damaged is held out, as serve holds it
	// out: importing into it is refused, into another one proceeds.
	held := &quarantine{server: name}
	hs := &heldStore{Store: st, q: held}
	m, _, err := hs.holdMarks(ctx, l, highwater.Path(data, db), note.VerifierList(verifier))
	if err != nil {
		st.Close()
		return nil, err
	}
	eng, err := hs.openEngine(ctx, engine.Options{Server: name, Signer: signer, Verifiers: note.VerifierList(verifier), Committed: m.Committed}, false)
	if err != nil {
		m.Close()
		st.Close()
		return nil, &exitError{code: 1, msg: err.Error()}
	}
	m.Raise(eng)
	t := &importTarget{st: st, eng: eng, marks: m}
	if h := held.id(id); h != nil {
		t.close()
		return nil, &exitError{code: 1, msg: l.T("cli.import.held", h.id, h.reason(l), h.todo(l))}
	}
	a, ok := eng.Assembly(id)
	if !ok {
		var ids []string
		for _, a := range eng.Assemblies() {
			ids = append(ids, a.ID())
		}
		t.close()
		return nil, noSuchAssembly(l, db, id, ids)
	}
	t.assembly, t.origin = a, a.Log().Origin()
	if t.entries, err = ledger.ReadEntries(ctx, st, t.origin, 0, a.Log().Size()); err != nil {
		t.close()
		return nil, err
	}
	return t, nil
}

// printPreview writes what the import does, in l's words: how the file
// was read, each row with a problem, a note or a change (every row when
// all is set), the persons missing from the file, and the counts.
func printPreview(w io.Writer, l *i18n.Locale, file string, pv *roster.Preview, all bool) {
	t := pv.Table
	where := ""
	if t.Format == "xlsx" {
		where = l.T("cli.import.worksheet", t.Sheet)
		if t.Sheets > 1 {
			where += l.T("cli.import.first_of", t.Sheets)
		}
	}
	fmt.Fprintln(w, l.T("cli.import.read", filepath.Base(file)+where, t.HeaderRow, len(t.Rows)))
	var cols []string
	for i, f := range t.Fields {
		if f != "" {
			name := string(f)
			if k := "web.im.field." + name; l.Lang() != i18n.Default && l.Has(k) {
				name = l.T(k)
			}
			cols = append(cols, fmt.Sprintf("%s %s → %s", roster.ColumnLetter(i), t.Headers[i], name))
		}
	}
	fmt.Fprintln(w, l.T("cli.import.columns", strings.Join(cols, ", ")))
	if u := t.Unused(); len(u) > 0 {
		fmt.Fprintln(w, l.T("cli.import.not_read", strings.Join(u, ", ")))
	}
	fmt.Fprintln(w)
	for _, r := range pv.Rows {
		show := all || r.Action == roster.ActionError || r.Action == roster.ActionChange || len(r.Notes) > 0
		if !show {
			continue
		}
		label := r.Name
		if label == "" {
			label = l.T("cli.import.no_name")
		}
		what := l.T("cli.import.action." + string(r.Action))
		if len(r.ChangePhrases) > 0 {
			changes := make([]string, len(r.ChangePhrases))
			for i, c := range r.ChangePhrases {
				changes[i] = l.Part(c)
			}
			what = l.T("cli.import.changes", what, strings.Join(changes, l.T("minutes.sep")))
		}
		// The row's number is padded so that the names line up; what is
		// said under the row is indented as far as the name.
		row := l.T("cli.import.row", fmt.Sprintf("%-5d", r.Number))
		indent := strings.Repeat(" ", len([]rune(row))+1)
		fmt.Fprintf(w, "%s %s — %s\n", row, label, what)
		for _, p := range r.Problems {
			fmt.Fprintln(w, indent+l.T("cli.import.problem", problemText(l, p)))
		}
		for _, n := range r.NotePhrases {
			fmt.Fprintln(w, indent+l.T("cli.import.note", l.Part(n)))
		}
	}
	if len(pv.NewOrganizations) > 0 {
		fmt.Fprintln(w, "\n"+l.T("cli.import.new_orgs", strings.Join(pv.NewOrganizations, ", ")))
	}
	if len(pv.Missing) > 0 {
		fmt.Fprintln(w, "\n"+l.T("cli.import.missing"))
		for _, m := range pv.Missing {
			ref := ""
			if m.Ref != "" {
				ref = " (" + m.Ref + ")"
			}
			orgs := make([]string, len(m.Organizations))
			for i, o := range m.Organizations {
				if p, ok := o.(roster.Phrase); ok {
					orgs[i] = l.Part(p)
				} else {
					orgs[i] = fmt.Sprint(o)
				}
			}
			fmt.Fprintf(w, "  %s%s, %s\n", m.Name, ref, strings.Join(orgs, ", "))
		}
	}
	s := pv.Summary
	fmt.Fprintln(w, "\n"+l.T("cli.import.summary", l.T("cli.import.rows", s.Rows), s.Added, s.Changed, s.Unchanged, s.Errors,
		l.T("cli.import.new_orgs_n", s.Organizations), l.T("cli.import.not_in_file", s.Missing)))
}

// fileProblemText is why a file cannot be read as a roster, in l's words
// when it is a problem of the file (a roster.Problem), else the reader's
// error as it stands.
func fileProblemText(l *i18n.Locale, err error) string {
	var p *roster.Problem
	if !errors.As(err, &p) {
		return err.Error()
	}
	if p.Row > 0 {
		return l.T("cli.import.at", l.T("cli.import.row", strconv.Itoa(p.Row)), problemText(l, p))
	}
	return problemText(l, p)
}

// problemText is a problem of a row under the row, in l's words: its
// column, if any, and what is wrong ("column C (Organization): …").
func problemText(l *i18n.Locale, p *roster.Problem) string {
	what := l.Part(p.Phrase())
	if p.Column == "" {
		return what
	}
	c := l.T("cli.import.column", p.Column)
	if p.Header != "" {
		c += " (" + p.Header + ")"
	}
	return l.T("cli.import.at", c, what)
}
