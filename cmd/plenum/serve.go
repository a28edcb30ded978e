package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"plenum/web"
	"strings"
	"time"

	"plenum/internal/admit"
	"plenum/ledger"
	"plenum/store"
	"plenum/store/postgres"
	"plenum/tiles"
)

func init() {
	register(&subcommand{
		name:    "serve",
		summary: "run the server: the pages, the API and the logs over HTTP",
		usage: `
NAME
    plenum serve — run the server: the pages, the API and the logs over HTTP

SYNOPSIS
    plenum serve [--db PATH|URL] [--addr HOST:PORT] [--data DIR] [--name SERVER]
                 [--base-url URL] [--witness URL=VKEY ...] [--witnesses-needed K]
                 [--ballot-module DIR] [--time-zone ZONE]
                 [--tls-cert FILE --tls-key FILE] [--trust-proxy CIDR ...]
                 [--wrong-codes-per-address N] [--wrong-codes-in-all N]
                 [--public-streams-per-address N] [--public-streams N]
                 [--changes-at-once N]
                 [--node-name NAME --advertise URL] [--strict]

DESCRIPTION
    Opens the database (creating it if absent; a database is held by one
    server, and a second serve is refused, naming the first: on SQLite by
    any name of the file, on PostgreSQL unless every server on it is a
    node of a cluster, --node-name; plenum verify, export, replay and
    import are not refused) and
    the signing key in the data directory (generating it on first start,
    file signing.key, mode 0600; a key missing beside an existing record
    is refused, as a new one could not continue it), checks each log
    against the high-water marks in the data directory (file
    plenum.db.highwater beside plenum.db: the latest checkpoint this
    server signed or read of each log; a log with fewer entries than its
    mark, or another tree at its size, is rolled back, and the start
    names the log and both sizes), audits and replays every assembly's
    log (a record that does not verify is named with its first bad
    entry), prints the verifier key and the addresses, and serves over
    HTTP.

    An assembly whose record is damaged (an entry edited, the log cut
    short, a checkpoint that does not verify, rolled back behind its
    mark) is held out of service, quarantined: the start says so, once
    for each, naming it, the damage and what to do; nothing is read from
    its log or written to it; its pages, its API and its log answer 503
    with the same words; /healthz answers "degraded", naming it; and
    every other assembly is served as usual. The quarantine holds until
    the next start, on a repaired database (plenum verify --db names the
    damage; restore the database from a backup, or for a rollback made on
    purpose start once with --accept-rollback). A start on which every
    assembly is damaged is refused, as is one whose damage is the
    server's (the database cannot be opened or brought up to date, the
    signing key is not the record's, the marks file is damaged); with
    --strict, so is a start on which any assembly is damaged. It serves:

        GET /                               the pages: delegates, chair,
                                            secretaries, mandate commission,
                                            projector, the public record
        /api/…                              the JSON API (docs/api.md),
                                            described at /api/openapi.json
        /login, /logout                     logging in with an access code
        GET /healthz                        "ok" when the database answers
                                            ("degraded" and the assemblies
                                            held out, if any: still 200)
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

    With --witness, every new checkpoint is submitted to the witnesses
    (C2SP tlog-witness; plenum witness is one, litewitness another); their
    cosignatures are stored and served with the checkpoint, and a
    checkpoint counts as witnessed once --witnesses-needed of them have
    cosigned it. A witness that answers that the checkpoint contradicts
    what it has seen (a split view) is logged as an error. Checkpoints not
    yet cosigned are submitted again at start.

    On the first start it prints a one-time administrator login link (on
    a cluster, a node leaves a link another node printed valid until it is
    used or expires, and says so); the administrator creates assemblies and issues the access codes printed on
    the mandate cards. Once a server administrator has logged in, no
    start prints another: plenum access admin-link makes a new link, and
    with --end-sessions logs every server administrator out, while the
    server runs. Access codes and sessions are kept in the database,
    beside the logs and never in them (stored as hashes), where every
    plenum process on the same database sees them. An access.db left in
    the data directory by an earlier version is taken over at start, once,
    and renamed access.db.imported.

    With --node-name and --advertise (PostgreSQL only), the server is one
    node of a cluster on the database: it enters itself into the registry
    of nodes and writes a heartbeat every second, so that plenum cluster
    status lists it (a name that a live node holds is waited for up to 6
    seconds, a crashed process of that name falls silent within 5, and
    then refused). An assembly is written by one node at a time, the
    holder of its lease (3 seconds, renewed every second): a node takes
    a free lease on the assembly's first command, every append commits
    only while the lease holds, and a command reaching another node is
    forwarded to the holder's advertise URL. Every node hears the others'
    appends and keeps its pages and event streams current; an assembly
    created on one node is served by all. When a writer dies, another
    node takes its leases within about 3 seconds. Every node must have
    the same signing.key: the first node records its verifier key in the
    database, and a node with another key is refused at start
    (docs/cluster.md).

    Under load, reads come first: at most --changes-at-once requests that
    change something (commands, ballots, logins, forms) are worked on at
    once and the others wait their turn, in order of arrival (at most 10
    seconds: then they are answered 503, nothing of them done), while
    page, state and event-stream reads pass at once; and the server runs four Go
    processors for each CPU (GOMAXPROCS; set the GOMAXPROCS environment
    variable to choose otherwise), so that a read arriving during a burst
    of ballots is not queued behind it (docs/performance.md).

    SIGINT or SIGTERM stops the server after the requests in progress.

OPTIONS
    --db PATH|URL    the SQLite database (default ./plenum-data/plenum.db),
                     or a postgres:// URL for PostgreSQL
    --addr HOST:PORT the address to listen on (default 127.0.0.1:8080)
    --data DIR       the data directory holding signing.key (default: the
                     SQLite database's folder; required with PostgreSQL)
    --name SERVER    the server name: the key's name and the first part of
                     every origin; use the public host name the logs are
                     served under (default: the name of the signing key
                     already in the data directory, else the host of an
                     --base-url that names one, else plenum.localhost)
    --base-url URL   the address people reach the server at, for login
                     links and mandate cards (default: on the cards, the
                     address the browser printing them used, so print
                     them from one that uses the address the delegates
                     will, not 127.0.0.1; in the administrator's link
                     it prints, the listening address); an https:// URL
                     also marks the session cookie Secure, whatever a
                     proxy's headers say
    --ballot-module DIR
                     the folder holding the browser build of the ballot
                     cryptography, which the pages of encrypted votes run
                     (ballot.wasm, wasm_exec.js, ballot.js); make it with
                       GOOS=js GOARCH=wasm go build -o DIR/ballot.wasm ./ballot/wasm
                       cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" ballot/wasm/ballot.js DIR/
                     with the same Go as the module. Without it, encrypted
                     votes can be opened but not used from the pages.
    --time-zone ZONE the hall's time zone, a name of the IANA time zone
                     database (Europe/Madrid, America/Bogota, UTC): the
                     projector's clock, when the order of the day will be
                     through, the time of each entry on the pages, the
                     date and time the forms read (a deadline, a new
                     sitting's date) are in it. Default: the server's
                     zone (the TZ environment variable, else the
                     system's), which on a hosted server is usually UTC.
                     The server says at start which zone it uses. Every
                     node of a cluster should be given the same. An
                     unknown name is refused and the server does not start
    --witness URL=VKEY
                     a witness: its address (the prefix of its
                     add-checkpoint endpoint) and its verifier key;
                     repeat for each witness
    --witnesses-needed K
                     how many witnesses must cosign a checkpoint for it to
                     count as witnessed (default: all)
    --tls-cert FILE, --tls-key FILE
                     serve HTTPS with this certificate chain and key (PEM),
                     without a reverse proxy; the session cookie is then
                     Secure
    --trust-proxy CIDR
                     a reverse proxy (an address or a network, e.g.
                     10.0.0.0/8 or 127.0.0.1) whose X-Forwarded-For names
                     the client and whose X-Forwarded-Proto https marks the
                     cookie Secure; repeat for each. From any other peer
                     these headers are ignored
    --wrong-codes-per-address N
                     wrong access codes one client address may try a
                     minute, and at once (default 30); a correct code always
                     logs in. See docs/access.md
    --wrong-codes-in-all N
                     wrong access codes from all addresses together a
                     minute, and at once (default 600)
    --public-streams-per-address N
                     live event streams one client address may hold open
                     without logging in (default 50); more get 429
    --public-streams N
                     live event streams open without logging in, from all
                     addresses together (default 5000)
    --changes-at-once N
                     requests that change something (commands, ballots,
                     logins, forms) worked on at once; more wait their
                     turn, in order of arrival (at most 10 s, then 503),
                     while reads pass at once (default 512)
    --node-name NAME
                     this node's name in the cluster on a PostgreSQL
                     database: 1 to 63 letters, digits, '.', '-', '_';
                     each node its own. Needs --advertise
    --advertise URL  the address the other nodes reach this one at
                     (http:// or https://, such as http://10.0.0.5:8080)
    --accept-rollback
                     start on a database that is behind the high-water
                     marks (an old backup restored on purpose, its later
                     entries given up): the marks move back to the
                     database, the start says so, and the marks file keeps
                     a note of each rollback accepted (docs/storage.md)
    --strict         refuse to start when any assembly's record is damaged
                     or rolled back, as plenum did before it held such an
                     assembly out and served the others: for an operator
                     who would rather stop everything than run with an
                     assembly out of service (a test of a restored
                     backup, a start watched by someone who will repair
                     the database at once)

    Every request's headers must arrive within 10 seconds and its body
    within 30; an idle connection is closed after 2 minutes. Live event
    streams are exempt from the body limit.

EXIT STATUS
    0 after a clean shutdown, 1 if the server could not start, 2 for a
    usage error.

EXAMPLES
    plenum serve
    plenum serve --db /var/lib/plenum/plenum.db --addr :8080 --name minutes.example.org
    plenum serve --time-zone Europe/Madrid
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
	baseURL := fs.String("base-url", "", "")
	ballotModule := fs.String("ballot-module", "", "")
	timeZone := fs.String("time-zone", "", "")
	var witnesses listFlag
	fs.Var(&witnesses, "witness", "")
	needed := fs.Int("witnesses-needed", 0, "")
	tlsCert := fs.String("tls-cert", "", "")
	tlsKey := fs.String("tls-key", "", "")
	var proxies listFlag
	fs.Var(&proxies, "trust-proxy", "")
	wrongPer := fs.Int("wrong-codes-per-address", 30, "")
	wrongAll := fs.Int("wrong-codes-in-all", 600, "")
	streamsPer := fs.Int("public-streams-per-address", 50, "")
	streamsAll := fs.Int("public-streams", 5000, "")
	changesAtOnce := fs.Int("changes-at-once", admit.Default, "")
	nodeName := fs.String("node-name", "", "")
	advertise := fs.String("advertise", "", "")
	acceptRollback := fs.Bool("accept-rollback", false, "")
	strict := fs.Bool("strict", false, "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if err := nodeFlags(env.locale(), *db, *nodeName, *advertise); err != nil {
		return err
	}
	access, err := accessFlags(env.locale(), *tlsCert, *tlsKey, proxies, *wrongPer, *wrongAll, *streamsPer, *streamsAll, *changesAtOnce)
	if err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return &exitError{code: 2, msg: env.locale().T("cli.no_args", "serve")}
	}
	zone, err := hallZone(env.locale(), *timeZone)
	if err != nil {
		return err
	}
	nameFrom := ""
	if !flagGiven(fs, "name") {
		dataDir := *data
		if dataDir == "" && !store.IsPostgres(*db) {
			dataDir = filepath.Dir(*db)
		}
		*name, nameFrom = serverNameFor(dataDir, *baseURL)
	}
	if !ledger.ValidServerName(*name) {
		return &exitError{code: 2, msg: env.locale().T("cli.server_name", *name)}
	}
	if !store.IsPostgres(*db) {
		if err := os.MkdirAll(filepath.Dir(*db), 0o700); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	listening := baseURLFor(ln)
	if access.tlsCert != "" {
		listening = "https" + strings.TrimPrefix(listening, "http")
	}
	base := *baseURL
	if base == "" {
		base = listening
	}
	if *ballotModule != "" {
		if err := web.CheckBallotModule(*ballotModule); err != nil {
			return &exitError{code: 2, msg: env.locale().T("cli.about", "--ballot-module", err)}
		}
	}
	var lock *postgres.ServerLock
	if store.IsPostgres(*db) {
		// One plain server on a database, or nodes of a cluster only,
		// for as long as it serves (a SQLite store takes its own lock);
		// after what would refuse the start without it.
		if err := needsDataDir(env.locale(), *db, *data); err != nil {
			return err
		}
		if lock, err = lockServer(ctx, env.locale(), *db, *nodeName); err != nil {
			return err
		}
		defer lock.Close()
	}
	var member *node
	if *nodeName != "" {
		// What openServer would refuse is refused before the node is
		// entered into the registry.
		if err := needsDataDir(env.locale(), *db, *data); err != nil {
			return err
		}
		member, err = registerNode(ctx, *db, *nodeName, *advertise)
		if err != nil {
			return err
		}
		defer member.close()
		fmt.Fprintf(env.stdout, "plenum serve: node %s registered in the cluster, advertised at %s\n", *nodeName, *advertise)
	} else if store.IsPostgres(*db) {
		if err := refuseBesideNodes(ctx, env.locale(), *db); err != nil {
			return err
		}
	}
	srv, err := openServer(ctx, serverConfig{db: *db, data: *data, name: *name, baseURL: *baseURL, ballotModule: *ballotModule, location: zone, witnesses: witnesses, witnessesNeeded: *needed, access: access, l: env.locale(), node: member, lock: lock, acceptRollback: *acceptRollback, strict: *strict})
	if err != nil {
		return err
	}
	defer srv.Close()
	what := *db
	if store.IsPostgres(*db) {
		what = "PostgreSQL"
	}
	fmt.Fprintf(env.stdout, "plenum serve: database %s, %d %s\n", what, len(srv.engine.Assemblies()), pluralWord(len(srv.engine.Assemblies()), "assembly", "assemblies"))
	sayZone(env.stdout, zone, *timeZone != "", time.Now())
	sayMarks(env.stdout, srv)
	sayHeld(env.stdout, env.locale(), srv)
	if im := srv.imported; im != nil {
		fmt.Fprintf(env.stdout, "plenum serve: took over %d access %s, %d %s and %d administrator %s from %s, where earlier versions kept them; they are now in the database (%d expired left behind), and the file is kept as %s, to delete once this version runs well\n",
			im.Codes, pluralWord(im.Codes, "code", "codes"), im.Sessions, pluralWord(im.Sessions, "session", "sessions"),
			im.AdminTokens, pluralWord(im.AdminTokens, "link", "links"), im.Path, im.Expired, im.Kept)
	}
	if nameFrom != "" {
		fmt.Fprintf(env.stdout, "plenum serve: server name %s, from %s (the logs' origins are %s/log/<id>; --name sets it)\n", *name, nameFrom, *name)
	} else if !flagGiven(fs, "name") {
		fmt.Fprintf(env.stdout, "plenum serve: server name %s, the default: give --name, or a --base-url with the public host name, before the first assembly, for the logs' origins name the server for ever\n", *name)
	}
	fmt.Fprintf(env.stdout, "plenum serve: verifier key %s\n", srv.vkey)
	// The address --addr listens on; --base-url, where people reach the
	// server (a proxy, or on a cluster perhaps another node), on a line
	// of its own when it differs.
	fmt.Fprintf(env.stdout, "plenum serve: listening on %s/ (pages at /, API at /api/, logs under %s<id>/, key at /key)\n", listening, tiles.Prefix)
	if b := strings.TrimSuffix(base, "/"); b != listening {
		fmt.Fprintf(env.stdout, "plenum serve: people reach it at %s/ (--base-url: the address in login links, cards and receipts)\n", b)
	}
	link, pending := "", false
	if member != nil {
		// Each start would void the link another node printed: on a
		// cluster the link stands until it is used or expires.
		var until time.Time
		if pending, until, err = srv.auth.AdminTokenPending(ctx); err != nil {
			return err
		}
		if pending {
			fmt.Fprintf(env.stdout, "plenum serve: the one-time administrator login link printed at an earlier start (of this or another node) is still valid, until %s; it was not replaced\n", until.UTC().Format("2006-01-02 15:04 UTC"))
		}
	}
	if !pending {
		if link, err = srv.auth.BootstrapAdmin(ctx, base); err != nil {
			return err
		}
	}
	if link != "" {
		fmt.Fprintf(env.stdout, "plenum serve: one-time administrator login: %s\n", link)
	}
	if srv.cosigner != nil {
		fmt.Fprintf(env.stdout, "plenum serve: checkpoints go to %d %s; witnessed takes %s\n", len(witnesses), pluralWord(len(witnesses), "witness", "witnesses"), srv.cosigner.Policy())
	}
	return srv.listen(ctx, env.stdout, ln)
}
