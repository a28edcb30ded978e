package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/i18n"
	"plenum/ledger"
	"plenum/store"
	"plenum/witness"
)

func init() {
	register(&subcommand{
		name:    "witness",
		summary: "run a witness that cosigns a plenum log's checkpoints",
		usage: `
NAME
    plenum witness — run a transparency-log witness for plenum's logs

SYNOPSIS
    plenum witness --db PATH|URL --addr ADDR --log ORIGIN=VKEY [--log ...]
                   [--key FILE] [--name NAME] [--lang LANG]

DESCRIPTION
    Runs a witness as the C2SP tlog-witness protocol defines it
    (c2sp.org/tlog-witness), for a delegating organization to hold a plenum
    server to one history. The server posts each new checkpoint of an
    assembly's log to POST /add-checkpoint with a consistency proof from the
    last checkpoint the witness cosigned. The witness checks the log's
    signature, that the new tree extends the one it cosigned, records the
    new size and root hash in its database in the same transaction, and
    answers with its cosignature (C2SP tlog-cosignature, Ed25519
    cosignature/v1). It never cosigns a checkpoint that is not an extension
    of what it has seen: a server showing another history gets 422, and the
    validly signed checkpoint it sent is kept in the database as evidence.

    GET /<hex SHA-256 of the origin>/checkpoint serves the latest checkpoint
    cosigned for a log.

    The state lives in the tables witness_logs and witness_refused of a
    plenum database, SQLite or PostgreSQL (docs/storage.md), so several
    witness processes may share one PostgreSQL database — or a plenum
    server's, whose tables are apart. A SQLite file written by an earlier
    version (tables log and refused) is taken over at start, once, and
    said so on standard error.

    The witness works with any log and client that speak the protocol, not
    only plenum. Its verifier key is printed on standard error at start;
    give it to the plenum server (its witness policy) and to whoever checks
    the log (plenum verify --witness).

OPTIONS
    --db PATH|URL         the witness's SQLite database, created if absent
                          (default ./plenum-witness/witness.db), or a
                          postgres:// URL for PostgreSQL
    --addr ADDR           host:port to listen on (default 127.0.0.1:7380)
    --log ORIGIN=VKEY     a log to witness: its origin line and the verifier
                          key of its signer ("name+hash+key", or a file
                          holding it); repeat for more logs, or for more keys
                          of one log
    --key FILE            the witness's signing key (default witness.key
                          beside the SQLite database; required with
                          PostgreSQL); created with mode 0600 if absent
    --name NAME           the witness's name, used when the key is created
                          (default: the host name followed by /witness)
    --lang LANG           the language of its messages: en, de, ru, fr, es
                          (default: LC_ALL, LC_MESSAGES or LANG, else English)

EXIT STATUS
    0 when stopped by an interrupt; 1 when the database or the key cannot
    be opened or the address cannot be listened on; 2 for a usage error.

EXAMPLES
    plenum witness --db /var/lib/witness/witness.db --addr :7380 \
        --log plenum.example/assembly/march-1917=plenum.example+1c8b2a31+AX...
    plenum witness --db w.db --addr 127.0.0.1:7380 --name union.example/witness \
        --log plenum.example/assembly/congress=./plenum.vkey
    plenum witness --db postgres://witness@db.example/witness --key /etc/witness.key \
        --log plenum.example/assembly/congress=./plenum.vkey
`,
		run: runWitness,
	})
}

// listFlag collects a repeated option.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// keyArg returns a key given on the command line, or read from the file it
// names when it does not look like a key.
func keyArg(l *i18n.Locale, s string) (string, error) {
	if fileExists(s) {
		b, err := os.ReadFile(s)
		if err != nil {
			return "", err
		}
		return strings.TrimSpace(string(b)), nil
	}
	if strings.Count(s, "+") >= 2 {
		return s, nil
	}
	return "", errors.New(l.T("cli.key_arg", s))
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func runWitness(ctx context.Context, env *cliEnv, args []string) error {
	c := subcommands["witness"]
	fset := newFlagSet(c, env)
	db := fset.String("db", "plenum-witness/witness.db", "")
	addr := fset.String("addr", "127.0.0.1:7380", "")
	keyFile := fset.String("key", "", "")
	name := fset.String("name", "", "")
	lang := fset.String("lang", "", "")
	var logs listFlag
	fset.Var(&logs, "log", "")
	if err := fset.Parse(args); err != nil {
		return usageErr(err)
	}
	l, err := officerLocale(env, *lang, "")
	if err != nil {
		return err
	}
	if fset.NArg() != 0 {
		return &exitError{code: 2, msg: l.T("cli.no_args", "witness")}
	}
	if len(logs) == 0 {
		return &exitError{code: 2, msg: l.T("cli.witness.no_log")}
	}
	known, err := parseWitnessLogs(l, logs)
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	pg := store.IsPostgres(*db)
	if *keyFile == "" {
		if pg {
			return &exitError{code: 2, msg: l.T("cli.witness.pg_key")}
		}
		*keyFile = filepath.Join(filepath.Dir(*db), "witness.key")
	}
	signer, created, err := loadOrCreateWitnessKey(l, *keyFile, *name)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	if !pg {
		if err := os.MkdirAll(filepath.Dir(*db), 0o700); err != nil {
			return &exitError{code: 1, msg: err.Error()}
		}
	}
	logger := slog.New(slog.NewTextHandler(env.stderr, nil))
	srv, err := witness.OpenServer(*db, signer, known, logger)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	if created {
		fmt.Fprintln(env.stderr, l.T("cli.witness.created", *keyFile))
	}
	fmt.Fprintln(env.stderr, l.T("cli.witness.key", srv.Verifier()))
	for _, k := range known {
		fmt.Fprintln(env.stderr, l.T("cli.witness.witnessing", k.Origin))
	}
	fmt.Fprintln(env.stderr, l.T("cli.witness.listening", "http://"+ln.Addr().String()))
	hs := &http.Server{
		Handler:           http.MaxBytesHandler(srv, witness.MaxRequestSize),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return &exitError{code: 1, msg: err.Error()}
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.Shutdown(sctx)
	fmt.Fprintln(env.stderr, l.T("cli.witness.stopped"))
	return nil
}

// parseWitnessLogs parses --log ORIGIN=VKEY options; several for one
// origin give it several keys.
func parseWitnessLogs(l *i18n.Locale, opts []string) ([]witness.KnownLog, error) {
	var out []witness.KnownLog
	at := map[string]int{}
	for _, o := range opts {
		origin, vk, ok := strings.Cut(o, "=")
		if !ok || origin == "" || vk == "" {
			return nil, errors.New(l.T("cli.witness.log_form", o))
		}
		key, err := keyArg(l, vk)
		if err != nil {
			return nil, fmt.Errorf("--log %s: %v", origin, err)
		}
		v, err := note.NewVerifier(key)
		if err != nil {
			return nil, errors.New(l.T("cli.witness.log_vkey", origin, err))
		}
		i, seen := at[origin]
		if !seen {
			i = len(out)
			at[origin] = i
			out = append(out, witness.KnownLog{Origin: origin})
		}
		out[i].Keys = append(out[i].Keys, v)
	}
	return out, nil
}

// loadOrCreateWitnessKey reads the witness's signer key from path, or
// creates one named name there.
func loadOrCreateWitnessKey(l *i18n.Locale, path, name string) (*witness.Signer, bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if name == "" {
			host, herr := os.Hostname()
			if herr != nil || host == "" {
				return nil, false, errors.New(l.T("cli.witness.no_name"))
			}
			name = host + "/witness"
		}
		skey, _, err := witness.GenerateKey(name)
		if err != nil {
			return nil, false, err
		}
		if err := ledger.WriteKeyFile(path, skey); err != nil {
			return nil, false, err
		}
		s, err := witness.ParseSigner(skey)
		return s, true, err
	}
	if err != nil {
		return nil, false, err
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, false, errors.New(l.T("cli.witness.readable", path, fi.Mode().Perm().String(), path))
	}
	s, err := witness.ParseSigner(string(b))
	if err != nil {
		return nil, false, fmt.Errorf("%s: %v", path, err)
	}
	if name != "" && s.Name() != name {
		return nil, false, errors.New(l.T("cli.witness.other_name", path, s.Name(), name))
	}
	return s, false, nil
}
