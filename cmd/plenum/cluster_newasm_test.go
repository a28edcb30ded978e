package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/store/postgres/pgtest"
)

// TestClusterAssemblyElsewhere: an assembly created through one node (f:
// the API, then the new-assembly page) is there on the other (w), whose
// listener is stopped so that it hears nothing by itself: w finds its
// log in the database and opens it before answering its pages and API
// (not 404 "there is no assembly"); an id no node created is still 404.
func TestClusterAssemblyElsewhere(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	w := startNode(t, dsn, data, "w")
	f := startNode(t, dsn, data, "f")
	admin := adminCookie(t, w)
	w.mem.l.Close()

	if r := send(t, f.url+"/api/assemblies", admin, "create-y", `{"args":{"id":"y","name":"Y","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
		t.Fatalf("create y through f: %d %s", r.status, r.body)
	}
	if code, page := getAs(t, w, admin, "/a/y/setup"); code != 200 || !strings.Contains(page, "Y") {
		t.Fatalf("y's set-up page on w: %d %.300s", code, page)
	}
	code, loc, fl, body := pageForm(t, f, admin, "/setup", url.Values{"name": {"Spring Congress"}, "starts": {"2026-06-01"}, "rules": {"congress"}, "key": {"new-spring"}})
	if code != http.StatusSeeOther || !strings.HasSuffix(loc, "/setup") || strings.HasPrefix(fl, "err:") {
		t.Fatalf("the new-assembly form on f: %d to %q %q %.300s", code, loc, fl, body)
	}
	id := strings.TrimSuffix(strings.TrimPrefix(loc, "/a/"), "/setup")
	if code, _ := getAs(t, w, admin, "/api/assemblies/"+id); code != 200 {
		t.Fatalf("the new assembly's state on w through the API: %d", code)
	}
	if code, _ := getAs(t, w, admin, loc); code != 200 {
		t.Fatalf("the new assembly's set-up page on w: %d", code)
	}
	if code, _ := getAs(t, w, admin, "/a/nowhere/setup"); code != http.StatusNotFound {
		t.Fatalf("an assembly no node created, on w: %d", code)
	}
	if code, _ := getAs(t, w, admin, "/api/assemblies/nowhere"); code != http.StatusNotFound {
		t.Fatalf("an assembly no node created, on w's API: %d", code)
	}
}
