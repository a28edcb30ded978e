package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"plenum/assembly"
	"plenum/auth"
	"plenum/cards"
	"plenum/demo"
	"plenum/i18n"
	"plenum/internal/highwater"
	"plenum/ledger"
	"plenum/tiles"
)

func init() {
	register(&subcommand{
		name:    "demo",
		summary: "serve the March 1917 conference, restored into a fresh database",
		usage: `
NAME
    plenum demo — serve the March 1917 conference, restored into a fresh database

SYNOPSIS
    plenum demo [--addr HOST:PORT] [--db PATH] [--lang LANG] [--load-only]

DESCRIPTION
    Creates a fresh SQLite database (removing the demo database of an
    earlier run, if any), replays into it the minutes of the All-Russian
    Conference of Party Workers of March 1917 (demo/march-1917.jsonl: every
    organization, delegate, sitting, speech, motion, vote and election the
    restored minutes record), gives the presidium, the secretaries and the
    mandate commission their roles, issues demo access codes, and serves it
    all as plenum serve does.

    It prints the addresses of the pages, a login link for each demo role
    (the chair, a secretary, the mandate commission, delegates with a
    decisive and with a consultative vote, a guest of the joint sitting) and
    the verifier key. The last sitting of the conference is still open in the
    record: the chair can carry it on live.

    With --lang (en, de, ru, fr or es) the record's language is set to it
    after the restored minutes, as the administrator would correct it: the
    minutes are then rendered in that language, and so are the pages of
    anyone whose browser asks for none of plenum's languages. The names and
    the text of the record stand as restored (in English).

    The signing key in the database's folder is kept between runs, so a
    verifier key saved from an earlier run still checks the new record.

OPTIONS
    --addr HOST:PORT  the address to listen on (default 127.0.0.1:8080)
    --db PATH         the demo database (default ./plenum-demo/plenum.db);
                      it is replaced on every run
    --lang LANG       the language of the record: en (default), de, ru, fr, es
    --load-only       build the database, print the access codes, and exit

EXIT STATUS
    0 after a clean shutdown (or, with --load-only, once the database is
    built), 1 if it could not be built or served, 2 for a usage error.

EXAMPLES
    go run ./cmd/plenum demo
    go run ./cmd/plenum demo --lang ru
    plenum demo --db /tmp/1917.db --load-only && plenum verify --db /tmp/1917.db
`,
		run: runDemo,
	})
}

// demoRoles are the people the demo hands access codes to, with the role
// the demo grants them (none: their mandate is their role) and the page
// they are for; what the demo says about each is the catalog's
// "cli.demo.about." + person, the page's name "cli.demo.page." + page.
var demoRoles = []struct {
	person, role, page string
}{
	{"nogin", "chair", "chair"},
	{"boki", "secretary", "secretary"},
	{"sevruk", "mandate_commission", "mandates"},
	// The minutes name the Mandate Commission "comrades Sevruk, Skrypnik":
	// a second member, so that a delegate's lost card can be replaced by
	// two officers who can log in (one revokes, the other issues).
	{"skrypnik", "mandate_commission", "mandates"},
	{"starostin", "", "delegate"},
	{"olminsky", "", "delegate"},
	{"khinchuk", "", "delegate"},
}

func runDemo(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlagSet(subcommands["demo"], env)
	addr := fs.String("addr", "127.0.0.1:8080", "")
	db := fs.String("db", filepath.Join("plenum-demo", "plenum.db"), "")
	loadOnly := fs.Bool("load-only", false, "")
	lang := fs.String("lang", "", "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 0 {
		return &exitError{code: 2, msg: env.locale().T("cli.no_args", "demo")}
	}
	if *lang != "" && !i18n.Supported(*lang) {
		return &exitError{code: 2, msg: env.locale().T("cli.main.lang", *lang, languageTags())}
	}
	var ln net.Listener
	if !*loadOnly {
		// Listen first: a port in use is found before the work is done.
		var err error
		if ln, err = net.Listen("tcp", *addr); err != nil {
			return err
		}
		defer ln.Close()
	}
	if err := removeDemoDB(*db); err != nil {
		return err
	}
	start := time.Now()
	srv, err := openServer(ctx, serverConfig{db: *db, name: ledger.DefaultServerName})
	if err != nil {
		return err
	}
	defer srv.Close()
	n, err := replayScript(ctx, i18n.For(""), srv.engine, srv.held, bytes.NewReader(demo.Script))
	if err != nil {
		return fmt.Errorf("replaying the demo script: %w", err)
	}
	if err := grantDemoRoles(ctx, srv); err != nil {
		return err
	}
	if *lang != "" && *lang != i18n.Default {
		if err := setDemoLanguage(ctx, srv, *lang); err != nil {
			return err
		}
	}
	persons := make([]string, len(demoRoles))
	for i, r := range demoRoles {
		persons[i] = r.person
	}
	a, _ := srv.engine.Assembly(demo.AssemblyID)
	// As the server administrator, recorded like every issue of codes.
	issued, err := cards.Issue(ctx, a, srv.auth, auth.AdminPerson, time.Now().UTC(), "", cards.Selection{Persons: persons})
	if err != nil {
		return fmt.Errorf("issuing the demo's access codes: %w", err)
	}
	code := map[string]string{}
	for _, c := range issued.Cards {
		code[c.Person] = c.Code
	}
	// Said in the demo's language, or else the environment's.
	l := env.locale()
	if *lang != "" {
		l = i18n.For(*lang)
	}
	fmt.Fprintln(env.stdout, l.T("cli.demo.loaded", n, *db, time.Since(start).Round(time.Millisecond).String(), int(a.Log().Size())))
	fmt.Fprintln(env.stdout, l.T("cli.demo.key", srv.vkey))
	base := "http://" + *addr
	if ln != nil {
		base = baseURLFor(ln)
	}
	id := demo.AssemblyID
	fmt.Fprintln(env.stdout)
	writeColumns(env.stdout, [][2]string{
		{l.T("cli.demo.record"), base + "/a/" + id + "/record"},
		{l.T("cli.demo.projector"), base + "/a/" + id + "/projector"},
		{l.T("cli.demo.minutes"), base + "/a/" + id + "/minutes/html"},
		{l.T("cli.demo.log"), base + tiles.PrefixFor(id) + " (C2SP tlog-tiles)"},
	})
	fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.demo.codes"))
	width := 0
	for _, r := range demoRoles {
		width = max(width, utf8.RuneCountInString(l.T("cli.demo.page."+r.page)))
	}
	for _, r := range demoRoles {
		c := code[r.person]
		fmt.Fprintf(env.stdout, "  %-*s %s  %s\n%*s%s\n", width, l.T("cli.demo.page."+r.page), c, l.T("cli.demo.about."+r.person), width+3, "", auth.LoginLink(base, c))
	}
	if *loadOnly {
		return nil
	}
	if link, err := srv.auth.BootstrapAdmin(ctx, base); err != nil {
		return err
	} else if link != "" {
		fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.demo.admin", link))
	}
	fmt.Fprintf(env.stdout, "\n%s\n", l.T("cli.demo.serving", base))
	return srv.listen(ctx, env.stdout, ln)
}

// writeColumns writes rows of a label and a value, the values aligned.
func writeColumns(w io.Writer, rows [][2]string) {
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r[0], r[1])
	}
}

// removeDemoDB removes an earlier demo database, which holds its access
// codes, the access.db an earlier version kept them in, and the high-water
// marks of its logs (the demo starts its record again on purpose); the
// signing key stays.
func removeDemoDB(db string) error {
	dir := filepath.Dir(db)
	for _, p := range []string{db, db + "-wal", db + "-shm", filepath.Join(dir, "access.db"), filepath.Join(dir, "access.db-wal"), filepath.Join(dir, "access.db-shm"), highwater.Path(dir, db)} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("removing the earlier demo database: %w", err)
		}
	}
	return nil
}

// setDemoLanguage sets the record's language, as the record's
// administrator corrects the assembly's particulars, dated now.
func setDemoLanguage(ctx context.Context, srv *server, lang string) error {
	args, _ := json.Marshal(assembly.AmendAssembly{Language: lang})
	env := assembly.Envelope{Cmd: "amend_assembly", Assembly: demo.AssemblyID, Actor: "restorer", At: time.Now().UTC(), Args: args}
	if _, err := srv.engine.Submit(ctx, env); err != nil {
		return fmt.Errorf("setting the record's language to %s: %w", lang, err)
	}
	return nil
}

// grantDemoRoles gives the demo's presidium, secretary and mandate
// commission their roles, as the record's administrator, dated now: they
// are part of the record, after the restored minutes.
func grantDemoRoles(ctx context.Context, srv *server) error {
	now := time.Now().UTC()
	for _, r := range demoRoles {
		if r.role == "" {
			continue
		}
		args, _ := json.Marshal(map[string]string{"person": r.person, "role": r.role})
		env := assembly.Envelope{Cmd: "grant_role", Assembly: demo.AssemblyID, Actor: "restorer", At: now, Args: args}
		if _, err := srv.engine.Submit(ctx, env); err != nil {
			return fmt.Errorf("granting %s the role %s: %w", r.person, r.role, err)
		}
	}
	return nil
}
