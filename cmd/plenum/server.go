package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/auth"
	"plenum/cards"
	"plenum/cosign"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/i18n"
	"plenum/internal/admit"
	"plenum/internal/highwater"
	"plenum/internal/routes"
	"plenum/ledger"
	"plenum/store"
	"plenum/store/postgres"
	"plenum/store/sqlite"
	"plenum/tiles"
	"plenum/web"
	"plenum/witness"
)

// serverConfig is what serve and demo have in common.
type serverConfig struct {
	db      string // a SQLite path or a postgres:// URL
	data    string // the data directory: signing key, access codes
	name    string // the server name in origins and the key's name
	baseURL string // the address people reach the server at, if known
	// ballotModule is the folder of the ballot cryptography's browser
	// build, served to the pages of encrypted votes; "" for none.
	ballotModule string
	// location is the hall's time zone (--time-zone), in which the pages
	// show the time; nil: the server's (time.Local).
	location *time.Location

	witnesses       []string // URL=VERIFIERKEY of each witness to submit to
	witnessesNeeded int      // cosignatures for a checkpoint to count as witnessed; 0: all

	access accessConfig // TLS, trusted proxies, limits (access.go)

	l *i18n.Locale // the language of the refusals of these options; nil: English

	// node is the server's membership in the cluster of its PostgreSQL
	// database (--node-name), or nil: then it writes every assembly, as
	// the one process on its database.
	node *node
	// lock is a plain serve's lock on its PostgreSQL database (serve's
	// lockServer): each append checks in its transaction that the lock
	// is still held (postgres.ServerLock.AppendHook). nil for none (a
	// SQLite store locks by itself; a node's appends are fenced by its
	// leases).
	lock *postgres.ServerLock

	// committed, if set, is called by an assembly's writer after each
	// batch is durable and published (engine.Options.Committed; after the
	// cosigner's, with witnesses): plenum bench's measure of when a
	// ballot became durable. It must be quick.
	committed func(a *engine.Assembly, checkpoint []byte)

	// acceptRollback (serve --accept-rollback) starts on a database
	// behind the high-water marks, moving them to it and recording that
	// in the marks file, instead of refusing it.
	acceptRollback bool

	// strict (serve --strict) refuses to start when any assembly's
	// record is damaged, as every start did before; without it the
	// damaged assemblies are held out and the others served
	// (quarantine.go).
	strict bool
}

// server is a running plenum: the store, the engine over it, the access
// codes and sessions, and the HTTP handler serving all of it.
type server struct {
	store    ledger.Store
	engine   *engine.Engine
	auth     *auth.Store
	imported *auth.Imported // what was taken over from a legacy access.db, or nil
	vkey     string
	cosigner *cosign.Cosigner // nil without witnesses
	handler  http.Handler
	access   accessConfig
	node     *node  // nil unless on a cluster
	forms    []byte // the pages' form secret on a cluster (formSecret); nil: random
	// pages is the pages' handler (web.New), closed with the server: it
	// keeps the record files it served in a folder of its own.
	pages io.Closer
	// marks keeps the high-water marks in the data directory; marksMade
	// says the file was not there (made at this start); accepted are the
	// rollbacks --accept-rollback accepted at this start.
	marks     *marks
	marksMade string
	accepted  []highwater.Finding
	stopMarks chan struct{}
	// held are the assemblies held out at this start, their records
	// damaged (quarantine.go); store hides them.
	held *quarantine
}

// openServer opens the store, the key (created on first start), the engine
// (auditing and replaying every log), the access-code database, and builds
// the handler.
func openServer(ctx context.Context, cfg serverConfig) (*server, error) {
	if err := needsDataDir(cfg.l, cfg.db, cfg.data); err != nil {
		return nil, err
	}
	if cfg.data == "" {
		cfg.data = filepath.Dir(cfg.db)
	}
	if err := os.MkdirAll(cfg.data, 0o700); err != nil {
		return nil, err
	}
	if err := keyBesideRecord(cfg.l, func() ([]string, error) { return store.LogOrigins(ctx, cfg.db) }, cfg.data, cfg.name, cfg.db); err != nil {
		return nil, err
	}
	var st ledger.Store
	var err error
	if cfg.node != nil {
		st, err = cfg.node.openStore(ctx, cfg.db)
	} else {
		st, err = store.OpenStore(ctx, cfg.db, false)
	}
	if errors.Is(err, sqlite.ErrLocked) {
		return nil, fmt.Errorf("%w. %s", err, cfg.l.T("cli.serve.locked"))
	}
	if err != nil {
		return nil, err
	}
	if ps, ok := st.(*postgres.Store); ok && cfg.lock != nil && cfg.node == nil {
		ps.SetAppendHook(cfg.lock.AppendHook())
	}
	held := &quarantine{server: cfg.name, log: slog.Default()}
	s := &server{store: &heldStore{Store: st, q: held}, node: cfg.node, held: held}
	fail := func(err error) (*server, error) {
		s.Close()
		return nil, err
	}
	signer, vkey, err := ledger.LoadOrCreateKey(cfg.data, cfg.name)
	if err != nil {
		return fail(err)
	}
	s.vkey = vkey
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return fail(err)
	}
	if cfg.node != nil {
		// Before anything is signed: every node signs with the one key.
		if err := cfg.node.checkKey(ctx, cfg.l, st, cfg.name, vkey, verifier); err != nil {
			return fail(err)
		}
		// The node's row in the registry, with the address commands are
		// forwarded to, under the MAC only a holder of the key can make;
		// the key checks the other nodes' rows too (docs/cluster.md).
		regKey, err := auth.RegistryKey(signer)
		if err != nil {
			return fail(err)
		}
		if err := cfg.node.m.Seal(ctx, regKey); err != nil {
			return fail(err)
		}
	}
	if err := s.checkMarksHolding(ctx, cfg, note.VerifierList(verifier)); err != nil {
		return fail(err)
	}
	opts := engine.Options{Server: cfg.name, Signer: signer, Verifiers: note.VerifierList(verifier), Committed: s.marks.Committed}
	if cfg.node != nil {
		opts.Leases = cfg.node.n
		if s.forms, err = formSecret(signer); err != nil {
			return fail(err)
		}
	}
	if len(cfg.witnesses) > 0 {
		if s.cosigner, err = newCosigner(cfg.l, s.store, cfg.witnesses, cfg.witnessesNeeded); err != nil {
			return fail(err)
		}
		marks := opts.Committed
		opts.Committed = func(a *engine.Assembly, checkpoint []byte) {
			marks(a, checkpoint)
			s.cosigner.Committed(a, checkpoint)
		}
	}
	if hook := cfg.committed; hook != nil {
		if cs := opts.Committed; cs != nil {
			opts.Committed = func(a *engine.Assembly, checkpoint []byte) {
				cs(a, checkpoint)
				hook(a, checkpoint)
			}
		} else {
			opts.Committed = hook
		}
	}
	if s.engine, err = s.openEngineHolding(ctx, opts, cfg.strict); err != nil {
		return fail(err)
	}
	s.marks.Raise(s.engine)
	if cfg.node != nil {
		if err := cfg.node.follow(ctx, s.engine, s.held); err != nil {
			return fail(err)
		}
		// A node's marks follow what it reads of the other nodes'
		// appends too.
		s.stopMarks = make(chan struct{})
		go s.marks.Follow(s.engine, time.Second, s.stopMarks)
	}
	if s.cosigner != nil {
		// Checkpoints signed while a witness was unreachable, or before a
		// restart, are submitted again.
		if err := s.cosigner.Resume(ctx, s.engine); err != nil {
			return fail(err)
		}
	}
	// Access codes and sessions live in the database of the record, where
	// every process on it sees them; an access.db in the data directory,
	// where earlier versions kept them, is taken over once.
	// Its rows are sealed with a key made from the signing key, the same
	// on every node (auth.RowKey): the database alone admits nobody.
	aopts := cfg.access.authOptions(cfg.baseURL)
	if aopts.RowKey, err = auth.RowKey(signer); err != nil {
		return fail(err)
	}
	// A code or session made before the person's latest revocation or
	// replacement in the signed log admits nobody, though its row be
	// plenum's (put back from a backup: auth/putback.go).
	aopts.Superseded = supersededIn(s.engine)
	if s.auth, err = auth.Open(cfg.db, aopts); err != nil {
		return fail(err)
	}
	if legacy := filepath.Join(cfg.data, auth.LegacyFile); store.IsPostgres(cfg.db) || filepath.Clean(legacy) != filepath.Clean(cfg.db) {
		if s.imported, err = s.auth.ImportLegacy(ctx, legacy); err != nil {
			return fail(err)
		}
	}
	// A revocation recorded just before a crash is carried out now.
	if err := cards.Reconcile(ctx, s.engine, s.auth); err != nil {
		return fail(err)
	}
	if cfg.node != nil {
		// On a cluster the writer of an assembly carries out a
		// revocation a crashed writer recorded, without waiting for a
		// start.
		cfg.node.keepRevocations(s.engine, s.auth, slog.Default())
	}
	s.access = cfg.access
	s.handler = s.routes(cfg)
	return s, nil
}

// keyBesideRecord refuses, saying what to do, a signing key missing from
// dataDir while the database's logs (as logs lists them) hold a record of
// server name; the key is then made only for a database that holds no
// log of the server yet (ledger.LoadOrCreateKey), as a new key could not
// continue a record's checkpoints. serve and replay ask it before they
// open the database for writing (with store.LogOrigins), so that the
// start they refuse does not first bring the database's schema up to date
// (an older plenum would then no longer open it).
func keyBesideRecord(l *i18n.Locale, logs func() ([]string, error), dataDir, name, db string) error {
	path := filepath.Join(dataDir, ledger.SigningKeyFile)
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	origins, err := logs()
	if err != nil {
		return err
	}
	n := 0
	for _, o := range origins {
		if server, _, err := ledger.ParseOrigin(o); err == nil && server == name {
			n++
		}
	}
	if n > 0 {
		if store.IsPostgres(db) {
			db = l.T("cli.serve.the_pg_database")
		}
		return errors.New(l.T("cli.serve.key_missing", path, db, n, name, dataDir))
	}
	return nil
}

// routes mounts the parts: the pages at /, the JSON API and logging in
// under /api/, /login and /logout, the logs in the C2SP tlog-tiles layout
// under /log/, and /healthz and /key.
func (s *server) routes(cfg serverConfig) http.Handler {
	streams := cfg.access.streamGate()
	wopts := web.Options{VerifierKey: s.vkey, BaseURL: cfg.baseURL, BallotModule: cfg.ballotModule, Secret: s.forms, Location: cfg.location, HeldOut: s.held.heldOut}
	if s.cosigner != nil {
		wopts.Witnesses = s.cosigner
	}
	if s.node != nil {
		wopts.Forward = forwarder{n: s.node.n, server: cfg.name}
	}
	pages := web.New(s.engine, s.auth, wopts)
	if c, ok := pages.(io.Closer); ok {
		s.pages = c
	}
	aopts := httpapi.Options{BaseURL: cfg.baseURL, LoginForm: pages, Streams: streams, HeldOut: s.held.heldOut}
	if s.node != nil {
		aopts.Forward = forwarder{n: s.node.n, server: cfg.name}
	}
	api := httpapi.New(s.engine, s.auth, aopts)
	mux := routes.New()
	mux.Handle("/api/", api)
	mux.Handle("/login", api)
	mux.Handle("/logout", api)
	// The tiles follow who may read each assembly's record (the session
	// looked up first); the checkpoints are open to anyone.
	topts := tiles.Options{MayRead: httpapi.TilesReader(s.engine)}
	if s.cosigner != nil {
		// Only the cosignatures that verify are served (a damaged line
		// would make the checkpoint fail to open).
		topts.Cosigners = s.cosigner.Policy().Witnesses
	}
	logs := tiles.HandlerWith(s.store, cfg.name, topts)
	mux.Handle(tiles.Prefix, listed{s.auth.Middleware(logs), logs.(routes.Lister)})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := s.store.Logs(r.Context()); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		s.healthz(w)
	})
	mux.HandleFunc("GET /key", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, s.vkey)
	})
	mux.Handle("/", pages)
	if len(s.held.list()) > 0 {
		// A pointer, as in httpServer: routes.All compares handlers.
		return &listed{s.held.guard(mux), mux}
	}
	return mux
}

// listed is a handler wrapped (in the session middleware, or behind the
// admission gate) that still tells its routes, for the tests that must
// see every route.
type listed struct {
	http.Handler
	routes.Lister
}

// newCosigner builds the witness cosigning for --witness URL=VERIFIERKEY
// arguments and the number of cosignatures a checkpoint needs.
func newCosigner(l *i18n.Locale, st ledger.Store, witnesses []string, needed int) (*cosign.Cosigner, error) {
	sub := &witness.Submitter{}
	var vkeys []string
	for _, arg := range witnesses {
		// Verifier keys hold no '='; URLs may.
		i := strings.LastIndex(arg, "=")
		if i <= 0 || i == len(arg)-1 {
			return nil, &exitError{code: 2, msg: l.T("cli.serve.witness_form", arg)}
		}
		v, err := witness.NewVerifier(arg[i+1:])
		if err != nil {
			return nil, &exitError{code: 2, msg: l.T("cli.serve.witness_key", arg, err)}
		}
		sub.Witnesses = append(sub.Witnesses, witness.Endpoint{URL: arg[:i], Verifier: v})
		vkeys = append(vkeys, arg[i+1:])
	}
	if needed == 0 {
		needed = len(vkeys)
	}
	policy, err := witness.NewPolicy(needed, vkeys...)
	if err != nil {
		return nil, &exitError{code: 2, msg: l.T("cli.about", "--witnesses-needed", err)}
	}
	return cosign.New(st, sub, policy, slog.Default())
}

// Close stops the engine, lets the cosigner finish, and closes the
// databases. It is safe on a partly opened server.
func (s *server) Close() {
	if s.pages != nil {
		s.pages.Close()
	}
	if s.node != nil {
		s.node.stopFollowing()
	}
	if s.engine != nil {
		s.engine.Close()
	}
	if s.cosigner != nil {
		s.cosigner.Close()
	}
	if s.stopMarks != nil {
		close(s.stopMarks)
	}
	if s.marks != nil {
		s.marks.Close()
	}
	if s.auth != nil {
		s.auth.Close()
	}
	s.store.Close()
}

// listen serves on ln until ctx ends, then shuts down after the requests
// in progress (at most 10 seconds).
func (s *server) listen(ctx context.Context, out io.Writer, ln net.Listener) error {
	srv, _, done := s.httpServer()
	defer done()
	errc := make(chan error, 1)
	go func() {
		if s.access.tlsCert != "" {
			errc <- srv.ServeTLS(ln, s.access.tlsCert, s.access.tlsKey)
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(out, "plenum: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// httpServer is the HTTP server that serves s as plenum serve does, and
// plenum bench with it: s's handler run as serving runs it (the admission
// gate of --changes-at-once, serve's timeouts, GOMAXPROCS, the quiet
// collector). It returns the server, its GOMAXPROCS, and what to call
// once it is shut down. The served handler still lists its routes
// (routes.All), so that a test can see what is served, not only what was
// built.
func (s *server) httpServer() (srv *http.Server, procs int, done func()) {
	srv, procs, done = serving(s.handler, cmp.Or(s.access.changesAtOnce, admit.Default), s.access)
	// A pointer: routes.All compares handlers, and two listed values
	// holding functions cannot be compared.
	srv.Handler = &listed{srv.Handler, s.handler.(routes.Lister)}
	return srv, procs, done
}

// baseURLFor is the address to print for a listener when none was given.
func baseURLFor(ln net.Listener) string {
	return "http://" + ln.Addr().String()
}
