package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/auth"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/store"
	"plenum/store/postgres"
)

func init() {
	register(&subcommand{
		name:    "access",
		summary: "the operator's way back in: a new one-time administrator link",
		usage: `
NAME
    plenum access — the operator's access to a server's database

SYNOPSIS
    plenum access admin-link [--db PATH|URL] [--data DIR] [--base-url URL] [--end-sessions]

DESCRIPTION
    admin-link
        Makes a new one-time server administrator login link and prints it
        on standard output, voiding every unused one. plenum serve prints
        such a link only until a server administrator has first logged in;
        when that session has expired (after 14 days) or its cookie is
        lost, this is the way back in. The link logs in once, within 24
        hours.

        With --end-sessions it also ends every server administrator's
        session, in the same transaction: a session that has leaked, or
        a browser that should no longer administer the server, is logged
        out (revoking access codes never ends an administrator's session).
        Delegates' and officers' sessions are left as they are.

        Whoever can run plenum on the database with the server's signing
        key is trusted as the server's operator: the command needs no
        password, only the database and the key (the link's row in the
        database carries a MAC made with a key derived from the signing
        key, without which the server refuses it; docs/access.md, "What
        the database cannot grant"). It
        works while plenum serve runs on the same database, SQLite or
        PostgreSQL, and takes no lock of the record (only the database's
        own, for a moment). A plenum serve on a SQLite file keeps sessions
        in memory and reads, at most a second apart, whether another
        process ended some; on SQLite the command returns only after that
        second, so that once it has returned the ended sessions are
        refused. On PostgreSQL every node reads sessions from the
        database, and they are refused at once.

        What it did is said on standard error, for the operator's log, and
        noted in the database (table access_meta, row admin_reset: when,
        and how many sessions it ended); a running plenum serve logs that
        sessions were ended by another process.

OPTIONS
    --db PATH|URL    the SQLite database (default ./plenum-data/plenum.db),
                     or a postgres:// URL for PostgreSQL; it must exist and
                     be plenum's
    --data DIR       the server's data directory, holding its signing key
                     (default: the SQLite file's folder; required with
                     PostgreSQL)
    --base-url URL   the address people reach the server at (as plenum
                     serve's --base-url), put before the link; without it
                     the link is printed as a path, /login?admin=…, to
                     open at the server's address
    --end-sessions   also end every server administrator's session

EXIT STATUS
    0 when the link was made (and the sessions ended), 1 if the database
    could not be opened or written, 2 for a usage error.

EXAMPLES
    plenum access admin-link --db /var/lib/plenum/plenum.db --base-url https://congress.example.org
    plenum access admin-link --db 'postgres://plenum@db.example/plenum' --data /var/lib/plenum --end-sessions
`,
		run: runAccess,
	})
}

func runAccess(ctx context.Context, env *cliEnv, args []string) error {
	l := env.locale()
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return &exitError{code: 2, msg: l.T("cli.accesscmd.no_sub")}
	}
	if args[0] != "admin-link" {
		return &exitError{code: 2, msg: l.T("cli.accesscmd.unknown_sub", args[0])}
	}
	fs := newFlagSet(subcommands["access"], env)
	db := fs.String("db", defaultDBPath, "")
	data := fs.String("data", "", "")
	base := fs.String("base-url", "", "")
	end := fs.Bool("end-sessions", false, "")
	if err := fs.Parse(args[1:]); err != nil {
		return usageErr(err)
	}
	switch {
	case fs.NArg() != 0:
		return &exitError{code: 2, msg: l.T("cli.accesscmd.no_args")}
	case *db == "":
		return &exitError{code: 2, msg: l.T("cli.accesscmd.no_db")}
	}
	if *base != "" {
		if u, err := url.Parse(*base); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return &exitError{code: 2, msg: l.T("cli.accesscmd.base_url", *base)}
		}
	}
	// The refusals every command gives, before anything is written (auth
	// would create a SQLite file, or the schema of an empty PostgreSQL
	// database): no such database, not plenum's, a schema older or
	// newer than this plenum.
	if !store.IsPostgres(*db) {
		if _, err := os.Stat(*db); err != nil {
			return &exitError{code: 1, msg: l.T("cli.about", *db, err)}
		}
	}
	if err := needsDataDir(l, *db, *data); err != nil {
		return err
	}
	if *data == "" {
		*data = filepath.Dir(*db)
	}
	st, err := store.OpenStore(ctx, *db, true)
	if err != nil {
		return err
	}
	key, err := recordRowKey(ctx, l, st, *data, *db)
	st.Close()
	if err != nil {
		return err
	}
	a, err := auth.Open(*db, auth.Options{RowKey: key})
	if err != nil {
		return err
	}
	defer a.Close()
	r, err := a.ResetAdmin(ctx, *end)
	if err != nil {
		return err
	}
	what := *db
	if store.IsPostgres(*db) {
		what = postgres.Redact(*db)
	}
	stamp := time.Now().UTC().Format(time.RFC3339)
	if *end {
		fmt.Fprintln(env.stderr, l.T("cli.accesscmd.did_end", stamp, what, r.Ended))
	} else {
		fmt.Fprintln(env.stderr, l.T("cli.accesscmd.did", stamp, what))
	}
	until := r.Expires.UTC().Format("2006-01-02 15:04 UTC")
	if *base == "" {
		fmt.Fprintln(env.stdout, l.T("cli.accesscmd.path", until, auth.AdminLink("", r.Token)))
	} else {
		fmt.Fprintln(env.stdout, l.T("cli.accesscmd.link", until, auth.AdminLink(*base, r.Token)))
	}
	return nil
}

// recordRowKey reads the signing key in dataDir, checks that it is the
// key the record in st is signed with (the head checkpoint of a log of
// its server verifies with it), and returns the access rows' key made
// from it (auth.RowKey): a link sealed with another key would be refused
// by the server, and the operator told nothing.
func recordRowKey(ctx context.Context, l *i18n.Locale, st ledger.Store, dataDir, db string) ([]byte, error) {
	path := filepath.Join(dataDir, ledger.SigningKeyFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &exitError{code: 1, msg: l.T("cli.accesscmd.no_key", path)}
	}
	if err != nil {
		return nil, err
	}
	skey := strings.TrimSpace(string(data))
	signer, err := note.NewSigner(skey)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	vkey, err := ledger.VerifierKey(skey)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, err
	}
	logs, err := st.Logs(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range logs {
		if server, _, err := ledger.ParseOrigin(o); err != nil || server != signer.Name() {
			continue
		}
		h, err := st.Head(ctx, o)
		if err != nil {
			return nil, err
		}
		if _, _, err := ledger.OpenCheckpoint(h.Checkpoint, note.VerifierList(v)); err != nil {
			what := db
			if store.IsPostgres(db) {
				what = postgres.Redact(db)
			}
			return nil, &exitError{code: 1, msg: l.T("cli.accesscmd.key_not_record", path, what, o)}
		}
		break
	}
	return auth.RowKey(signer)
}
