package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/auth"
	"plenum/ledger"
	"plenum/store/postgres/pgtest"
)

// TestDamagedAssemblyHeldOut: on a server of three assemblies, one whose
// entry was edited in the database and one rolled back behind its
// high-water mark are held out at the start, and the third is served: it
// takes a ballot, while the held-out ones answer 503 on their pages,
// their API and their logs, naming the assembly, the damage and what to
// do, and record nothing; the start says so, /healthz says "degraded".
// serve --strict refuses the start as before; so does a start on which
// every assembly is damaged.
func TestDamagedAssemblyHeldOut(t *testing.T) {
	for name, fresh := range pgtest.Databases("plenum.db") {
		t.Run(name, func(t *testing.T) {
			db := fresh(t)
			data := filepath.Dir(db)
			args := []string{"--db", db}
			if name == "postgres" {
				data = t.TempDir()
				args = append(args, "--data", data)
			}
			// The record, written through a first start.
			first := serveIn(t, db, data)
			admin := adminCookie(t, &testNode{srv: first.srv})
			for _, id := range []string{"x", "y", "z"} {
				if r := send(t, first.url+"/api/assemblies", admin, "create-"+id, `{"args":{"id":"`+id+`","name":"`+id+`","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
					t.Fatalf("create %s: %d %s", id, r.status, r.body)
				}
			}
			codes := openVoteFor(t, &testNode{name: "first", url: first.url}, admin, "roll_call", "v")
			voter := loginAt(t, &testNode{name: "first", url: first.url}, codes["v"])
			created := heldLogSize(t, name, db, "z")
			for _, id := range []string{"y", "z"} {
				if r := send(t, first.url+"/api/assemblies/"+id+"/commands", admin, "p-"+id, `{"cmd":"add_person","args":{"id":"p","name":"P"}}`); r.status != 201 {
					t.Fatalf("add_person in %s: %d %s", id, r.status, r.body)
				}
			}
			first.stop()

			// y: an entry edited; z: rolled back to its first checkpoint.
			editStoredEntry(t, name, db, "y", 1)
			rollBackLog(t, name, db, "z", created)
			ySize, zSize := heldLogSize(t, name, db, "y"), heldLogSize(t, name, db, "z")

			serve := append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)
			if code, _, errs := runIn(t, "", append(serve, "--strict")...); code != 1 || !containsAll(errs, "z", "--accept-rollback") {
				t.Fatalf("serve --strict on a damaged assembly: exit %d: %s", code, errs)
			}
			srv := startCLI(t, `listening on (http://[^/ ]+)/`, serve...)
			out := srv.stdout.String()
			if !containsAll(out, "DEGRADED: The assembly y is out of service", "the record of y does not verify", "plenum verify --db",
				"DEGRADED: The assembly z is out of service", "log is at size "+i64(zSize), "--accept-rollback") || strings.Contains(out, "assembly x is out") {
				t.Fatalf("the start said: %s", out)
			}
			base := srv.match

			// x is served: its delegate votes.
			if r := send(t, base+"/api/assemblies/x/commands", voter, "ballot", `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"v","choice":"for"}}`, auth.CSRFHeader, "1"); r.status != 201 {
				t.Fatalf("the ballot in x: %d %s", r.status, r.body)
			}
			// y and z answer 503 everywhere, saying why, and record nothing.
			for _, c := range []struct{ id, damage, todo string }{
				{"y", "does not verify", "plenum verify --db"},
				{"z", "log is at size " + i64(zSize), "--accept-rollback"},
			} {
				for _, path := range []string{"/a/" + c.id + "/", "/a/" + c.id + "/record", "/api/assemblies/" + c.id, "/log/" + c.id + "/checkpoint"} {
					status, body := heldGet(t, base+path, voter)
					if status != 503 || !containsAll(body, "The assembly "+c.id+" is out of service", c.damage, c.todo) {
						t.Errorf("GET %s: %d %s", path, status, body)
					}
				}
				r := send(t, base+"/api/assemblies/"+c.id+"/commands", admin, "later-"+c.id, `{"cmd":"add_person","args":{"id":"q","name":"Q"}}`)
				var p struct{ Code, Detail string }
				if json.Unmarshal([]byte(r.body), &p); r.status != 503 || p.Code != "unavailable" || !containsAll(p.Detail, "The assembly "+c.id, c.damage, c.todo) {
					t.Errorf("a command to %s: %d %s", c.id, r.status, r.body)
				}
			}
			if r := send(t, base+"/api/assemblies", admin, "create-z", `{"args":{"id":"z","name":"z","starts":"2026-05-09","rules":"congress"}}`); r.status != 503 || !containsAll(r.body, "The assembly z is out of service", "--accept-rollback") {
				t.Errorf("z created again over its rolled-back log: %d %s", r.status, r.body)
			}
			heldListed(t, base, admin, zSize)
			if status, body := heldGet(t, base+"/healthz", ""); status != 200 || !containsAll(body, "degraded", "assembly y", "assembly z") {
				t.Errorf("/healthz: %d %s", status, body)
			}
			if code := srv.stop(); code != 0 {
				t.Errorf("serve stopped with %d: %s", code, srv.stderr.String())
			}
			if heldLogSize(t, name, db, "y") != ySize || heldLogSize(t, name, db, "z") != zSize {
				t.Fatalf("a held-out log changed: y %d, z %d; were %d, %d", heldLogSize(t, name, db, "y"), heldLogSize(t, name, db, "z"), ySize, zSize)
			}

			// Every assembly damaged: refused, as before.
			editStoredEntry(t, name, db, "x", 2)
			if code, _, errs := runIn(t, "", serve...); code != 1 || !containsAll(errs, "z", "--accept-rollback") {
				t.Fatalf("serve with every assembly damaged: exit %d: %s", code, errs)
			}
		})
	}
}

// inProcess is a plenum serve run in the test's process.
type inProcess struct {
	url  string
	srv  *server
	hs   *http.Server
	done bool
}

func serveIn(t *testing.T, db, data string) *inProcess {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := openServer(context.Background(), serverConfig{db: db, data: data, name: ledger.DefaultServerName})
	if err != nil {
		ln.Close()
		t.Fatal(err)
	}
	p := &inProcess{url: "http://" + ln.Addr().String(), srv: srv, hs: &http.Server{Handler: srv.handler}}
	go p.hs.Serve(ln)
	t.Cleanup(p.stop)
	return p
}

func (p *inProcess) stop() {
	if !p.done {
		p.done = true
		p.hs.Close()
		p.srv.Close()
	}
}

// heldGet GETs url with the session cookie (none if ""), and returns the
// status and the body.
func heldGet(t *testing.T, url, cookie string) (int, string) {
	t.Helper()
	return heldGetIn(t, url, cookie, "")
}

// heldGetIn is heldGet asking for the language lang (Accept-Language;
// "": none).
func heldGetIn(t *testing.T, url, cookie, lang string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: cookie})
	}
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func originOf(id string) string { return ledger.DefaultServerName + "/log/" + id }

// heldLogSize is the size of assembly id's log in the database.
func heldLogSize(t *testing.T, name, db, id string) int64 {
	t.Helper()
	raw, q := rawDB(t, name, db)
	var n int64
	if err := raw.QueryRow(q(`SELECT size FROM logs WHERE origin = ?`), originOf(id)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// editStoredEntry changes one byte of entry idx of assembly id's log, as one
// editing the database by hand would.
func editStoredEntry(t *testing.T, name, db, id string, idx int64) {
	t.Helper()
	raw, q := rawDB(t, name, db)
	var data []byte
	const where = ` WHERE idx = ? AND log_id = (SELECT id FROM logs WHERE origin = ?)`
	if err := raw.QueryRow(q(`SELECT data FROM entries`+where), idx, originOf(id)).Scan(&data); err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndex(string(data), `"`)
	data[i-1] ^= 1
	if _, err := raw.Exec(q(`UPDATE entries SET data = ?`+where), data, idx, originOf(id)); err != nil {
		t.Fatal(err)
	}
}

// rollBackLog rolls assembly id's log back to its checkpoint of size n,
// consistently (as rollBack does coop-2026's).
func rollBackLog(t *testing.T, name, db, id string, n int64) {
	t.Helper()
	raw, q := rawDB(t, name, db)
	var logID int64
	var cp []byte
	if err := raw.QueryRow(q(`SELECT id FROM logs WHERE origin = ?`), originOf(id)).Scan(&logID); err != nil {
		t.Fatal(err)
	}
	if err := raw.QueryRow(q(`SELECT data FROM checkpoints WHERE log_id = ? AND size = ?`), logID, n).Scan(&cp); err != nil {
		t.Fatalf("checkpoint %d: %v", n, err)
	}
	for _, s := range []string{
		`DELETE FROM entries WHERE log_id = ? AND idx >= ?`,
		`DELETE FROM checkpoints WHERE log_id = ? AND size > ?`,
	} {
		if _, err := raw.Exec(q(s), logID, n); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if _, err := raw.Exec(q(`UPDATE logs SET size = ?, checkpoint = ? WHERE id = ?`), n, cp, logID); err != nil {
		t.Fatal(err)
	}
}

// TestClusterHeldOut: a node started on a cluster's database after an
// assembly's record was damaged holds it out: a command to it through
// that node is answered 503 with the message, not forwarded to the node
// writing it, and the node neither opens the assembly when the writer
// appends to it nor takes it over when the writer stops; the intact
// assembly is served through it. A damaged checkpoint of the first log,
// which a node reads to check its signing key, is held out too, not
// taken for a key that is not the record's.
func TestClusterHeldOut(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	w := startNode(t, dsn, data, "w")
	admin := adminCookie(t, w)
	for _, id := range []string{"a", "x", "y"} {
		if r := send(t, w.url+"/api/assemblies", admin, "create-"+id, `{"args":{"id":"`+id+`","name":"`+id+`","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
			t.Fatalf("create %s: %d %s", id, r.status, r.body)
		}
	}
	// y: an entry edited; a, the first log, which a node reads to check
	// its key: its checkpoint's signature.
	editStoredEntry(t, "postgres", dsn, "y", 0)
	raw, _ := rawDB(t, "postgres", dsn)
	var cp []byte
	if err := raw.QueryRow(`SELECT checkpoint FROM logs WHERE origin = $1`, originOf("a")).Scan(&cp); err != nil {
		t.Fatal(err)
	}
	if cp[len(cp)-5] == 'A' { // a letter of the signature's base64
		cp[len(cp)-5] = 'B'
	} else {
		cp[len(cp)-5] = 'A'
	}
	if _, err := raw.Exec(`UPDATE logs SET checkpoint = $1 WHERE origin = $2`, cp, originOf("a")); err != nil {
		t.Fatal(err)
	}
	f := startNode(t, dsn, data, "f")
	if f.srv.held.id("y") == nil || f.srv.held.id("a") == nil || f.srv.held.id("x") != nil {
		t.Fatalf("f holds out %v", f.srv.held.list())
	}
	if status, body := heldGet(t, f.url+"/a/a/record", ""); status != 503 || !containsAll(body, "The assembly a is out of service", "not signed by this log's key") {
		t.Fatalf("a's record on f: %d %s", status, body)
	}
	person := func(id string) string { return `{"cmd":"add_person","args":{"id":"` + id + `","name":"P"}}` }
	ySize := heldLogSize(t, "postgres", dsn, "y")
	r := send(t, f.url+"/api/assemblies/y/commands", admin, "y-on-f", person("p1"))
	if r.status != 503 || !containsAll(r.body, "The assembly y is out of service", "does not verify") {
		t.Fatalf("a command to y through f: %d %s", r.status, r.body)
	}
	if r := send(t, f.url+"/api/assemblies/x/commands", admin, "x-on-f", person("p1")); r.status != 201 {
		t.Fatalf("a command to x through f: %d %s", r.status, r.body)
	}
	// w, started before the damage, still writes y; f does not open it.
	if r := send(t, w.url+"/api/assemblies/y/commands", admin, "y-on-w", person("p2")); r.status != 201 {
		t.Fatalf("a command to y through w: %d %s", r.status, r.body)
	}
	if heldLogSize(t, "postgres", dsn, "y") != ySize+1 {
		t.Fatal("the command to y through f was recorded")
	}
	w.stop()
	time.Sleep(4 * time.Second) // w's leases expire: f takes over what it holds
	if _, ok := f.srv.engine.Assembly("y"); ok {
		t.Fatal("f opened the held-out y")
	}
	if r := send(t, f.url+"/api/assemblies/y/commands", admin, "y-on-f-2", person("p3")); r.status != 503 {
		t.Fatalf("a command to y through f after w stopped: %d %s", r.status, r.body)
	}
	if r := send(t, f.url+"/api/assemblies/x/commands", admin, "x-on-f-2", person("p3")); r.status != 201 {
		t.Fatalf("a command to x through f after w stopped: %d %s", r.status, r.body)
	}
	if n := heldLogSize(t, "postgres", dsn, "y"); n != ySize+1 {
		t.Fatalf("y has %d entries after w stopped, want %d", n, ySize+1)
	}
}
