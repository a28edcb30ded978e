package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/tiles"
)

func init() {
	register(&subcommand{
		name:    "serve",
		summary: "run the server: the logs over HTTP",
		usage: `
NAME
    plenum serve — run the server: the logs over HTTP

SYNOPSIS
    plenum serve [--db PATH] [--addr HOST:PORT] [--data DIR] [--name SERVER]

DESCRIPTION
    Opens the SQLite database (creating it if absent) and the signing key in
    the data directory (generating it on first start, file signing.key, mode
    0600), prints the verifier key and the addresses, and serves over HTTP:

        GET /healthz                        "ok" when the database answers
        GET /key                            the verifier key
        GET /log/                           the assemblies' ids, one a line
        GET /log/<id>/checkpoint            the latest signed checkpoint
        GET /log/<id>/tile/<L>/<N>[.p/<W>]  Merkle tree tiles (C2SP tlog-tiles)
        GET /log/<id>/tile/entries/<N>[.p/<W>]  entry bundles
        GET /log/<id>/blob/<sha256>         payloads stored beside the log

    Each assembly's log has the origin "<SERVER>/log/<id>", so any C2SP
    tlog-tiles client can fetch and verify it with the verifier key (see
    docs/ledger.md). Publish the verifier key where the delegates can find
    it: it is what makes the record checkable by others.

    SIGINT or SIGTERM stops the server after the requests in progress.

OPTIONS
    --db PATH        the SQLite database (default ./plenum-data/plenum.db)
    --addr HOST:PORT the address to listen on (default 127.0.0.1:8080)
    --data DIR       the data directory holding signing.key (default: the
                     database's folder)
    --name SERVER    the server name: the key's name and the first part of
                     every origin (default plenum.localhost); use the public
                     host name the logs are served under

EXIT STATUS
    0 after a clean shutdown, 1 if the server could not start, 2 for a
    usage error.

EXAMPLES
    plenum serve
    plenum serve --db /var/lib/plenum/plenum.db --addr :8080 --name minutes.example.org
`,
		run: runServe,
	})
}

func runServe(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlagSet(subcommands["serve"], env)
	db := fs.String("db", defaultDBPath, "")
	addr := fs.String("addr", "127.0.0.1:8080", "")
	data := fs.String("data", "", "")
	name := fs.String("name", ledger.DefaultServerName, "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 0 {
		return &exitError{code: 2, msg: "takes no arguments; see plenum serve --help"}
	}
	if !ledger.ValidServerName(*name) {
		return &exitError{code: 2, msg: fmt.Sprintf("--name %q: use letters, digits, '.', '-' and ':' only", *name)}
	}
	if *data == "" {
		*data = filepath.Dir(*db)
	}
	if err := os.MkdirAll(filepath.Dir(*db), 0o700); err != nil {
		return err
	}
	_, vkey, err := ledger.LoadOrCreateKey(*data, *name)
	if err != nil {
		return err
	}
	st, err := sqlite.Open(*db)
	if err != nil {
		return err
	}
	defer st.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           newServeMux(st, *name, vkey),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Fprintf(env.stdout, "plenum serve: database %s\n", *db)
	fmt.Fprintf(env.stdout, "plenum serve: verifier key %s\n", vkey)
	fmt.Fprintf(env.stdout, "plenum serve: listening on http://%s/ (logs under %s<id>/, key at /key)\n", ln.Addr(), tiles.Prefix)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(env.stdout, "plenum serve: shutting down")
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

// newServeMux returns the server's routes; the read-only ones live here.
func newServeMux(st ledger.Store, server, vkey string) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := st.Logs(r.Context()); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /key", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, vkey)
	})
	mux.Handle(tiles.Prefix, tiles.Handler(st, server))
	return mux
}
