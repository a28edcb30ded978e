package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"plenum/store/postgres/pgtest"
)

// TestHealthzNamesAnAssemblyStoppedByARollback: on a running server (the
// review's L2), a database administrator rolls one assembly's log back one
// entry, consistently, and puts a junk entry past another's head. The
// first command to each is answered 503 as every one after it: the
// assembly is not taking commands, the operator must run plenum verify —
// never "nothing was recorded … Send the command again", which no retry
// could change; a third assembly is served; and /healthz, still 200 so
// that a load balancer keeps sending the others' traffic, says
// "degraded", naming the two and why, where it said "ok".
func TestHealthzNamesAnAssemblyStoppedByARollback(t *testing.T) {
	for name, fresh := range pgtest.Databases("plenum.db") {
		t.Run(name, func(t *testing.T) {
			db := fresh(t)
			data := filepath.Dir(db)
			if name == "postgres" {
				data = t.TempDir()
			}
			srv := serveIn(t, db, data)
			admin := adminCookie(t, &testNode{srv: srv.srv})
			for _, id := range []string{"x", "y", "z"} {
				if r := send(t, srv.url+"/api/assemblies", admin, "create-"+id, `{"args":{"id":"`+id+`","name":"`+id+`","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
					t.Fatalf("create %s: %d %s", id, r.status, r.body)
				}
				for _, p := range []string{"p", "q"} {
					if r := send(t, srv.url+"/api/assemblies/"+id+"/commands", admin, p+"-"+id, `{"cmd":"add_person","args":{"id":"`+p+`","name":"`+p+`"}}`); r.status != 201 {
						t.Fatalf("add_person %s in %s: %d %s", p, id, r.status, r.body)
					}
				}
			}
			if status, body := heldGet(t, srv.url+"/healthz", ""); status != 200 || body != "ok\n" {
				t.Fatalf("/healthz before: %d %q", status, body)
			}
			xSize, ySize := heldLogSize(t, name, db, "x"), heldLogSize(t, name, db, "y")
			rollBackLog(t, name, db, "x", xSize-1)
			raw, q := rawDB(t, name, db)
			if _, err := raw.Exec(q(`INSERT INTO entries (log_id, idx, data, hashes) SELECT log_id, idx + 1, data, hashes FROM entries WHERE idx = ? AND log_id = (SELECT id FROM logs WHERE origin = ?)`), ySize-1, originOf("y")); err != nil {
				t.Fatal(err)
			}
			for _, id := range []string{"x", "y"} {
				var details []string
				for _, key := range []string{"after-1", "after-2"} {
					r := send(t, srv.url+"/api/assemblies/"+id+"/commands", admin, key+"-"+id, `{"cmd":"add_person","args":{"id":"`+key+`","name":"R"}}`)
					var p struct{ Detail string }
					json.Unmarshal([]byte(r.body), &p)
					if r.status != 503 || !containsAll(p.Detail, "not taking commands", "plenum verify") || strings.Contains(r.body, "Send the command again") {
						t.Fatalf("command %s to %s: %d %s; want 503, not taking commands", key, id, r.status, r.body)
					}
					details = append(details, p.Detail)
				}
				if details[0] != details[1] {
					t.Errorf("%s: the first answer and the next differ: %q, %q", id, details[0], details[1])
				}
			}
			if r := send(t, srv.url+"/api/assemblies/z/commands", admin, "r-z", `{"cmd":"add_person","args":{"id":"r","name":"R"}}`); r.status != 201 {
				t.Fatalf("add_person in z: %d %s", r.status, r.body)
			}
			status, body := heldGet(t, srv.url+"/healthz", "")
			if status != 200 || !containsAll(body, "degraded: 2 of the assemblies stopped taking commands", "The assembly x takes no commands", "went back from", "The assembly y takes no commands", "stored beyond the log's head") || strings.Contains(body, "assembly z") {
				t.Fatalf("/healthz: %d %s", status, body)
			}
			if heldLogSize(t, name, db, "x") != xSize-1 || heldLogSize(t, name, db, "y") != ySize {
				t.Fatal("a stopped assembly's log changed")
			}
		})
	}
}
