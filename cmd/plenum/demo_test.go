package main

import (
	"encoding/base64"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestDemoLoadOnlyThenVerify(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo", "plenum.db")
	for run := 0; run < 2; run++ { // the second run replaces the first's database
		code, out, errs := runForTest(t, "", "demo", "--db", db, "--load-only")
		if code != 0 {
			t.Fatalf("demo: exit %d: %s", code, errs)
		}
		for _, want := range []string{"the March 1917 conference", "verifier key plenum.localhost+", "chair ", "/login?code="} {
			if !strings.Contains(out, want) {
				t.Fatalf("demo output lacks %q:\n%s", want, out)
			}
		}
	}
	code, out, errs := runForTest(t, "", "verify", "--db", db)
	if code != 0 || !strings.Contains(out, "OK: 1 assembly") {
		t.Fatalf("verify after demo: exit %d\n%s\n%s", code, out, errs)
	}
}

func TestDemoServesThePages(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plenum.db")
	srv := startCLI(t, `serving on (http://[^/ ]+)/`, "demo", "--db", db, "--addr", "127.0.0.1:0")
	base, out := srv.match, &srv.stdout
	chairCode := regexp.MustCompile(`chair\s+(\S+)`).FindStringSubmatch(out.String())
	if chairCode == nil {
		t.Fatalf("no chair code printed: %s", out.String())
	}
	expectPages(t, base, map[string]string{
		"/a/march-1917/record":       "/api/assemblies/march-1917/motions/mo-sverdlov-close/excerpt",
		"/a/march-1917/projector":    "<html",
		"/a/march-1917/minutes/html": "For – 38; against – 26",
		"/log/march-1917/checkpoint": "plenum.localhost/log/march-1917",
	})
	// A certified excerpt of a resolution and its vote, downloaded from the
	// server, checks offline against the verifier key; edited, it fails.
	resp, err := http.Get(base + "/api/assemblies/march-1917/motions/mo-sverdlov-close/excerpt")
	if err != nil {
		t.Fatal(err)
	}
	excerpt, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("excerpt: %s %s", resp.Status, excerpt)
	}
	vkey := regexp.MustCompile(`verifier key (\S+)`).FindStringSubmatch(out.String())[1]
	file := filepath.Join(t.TempDir(), "excerpt.json")
	if err := os.WriteFile(file, excerpt, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runForTest(t, "", "verify", "--excerpt", file, "--key", vkey)
	if code != 0 || !strings.Contains(stdout, "mo-sverdlov-close") || !strings.Contains(stdout, "v-sverdlov-close") {
		t.Fatalf("verify --excerpt: exit %d\n%s\n%s", code, stdout, stderr)
	}
	// Edit the first entry's bytes (base64 on its proof's extra line).
	extra := regexp.MustCompile(`extra ([A-Za-z0-9+/=]+)`)
	m := extra.FindStringSubmatch(string(excerpt))
	entry, err := base64.StdEncoding.DecodeString(m[1])
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(entry), "Close the discussion", "Keep the discussion", 1)
	if edited == string(entry) {
		t.Fatalf("the excerpt's first entry is not the motion: %s", entry)
	}
	tampered := strings.Replace(string(excerpt), m[1], base64.StdEncoding.EncodeToString([]byte(edited)), 1)
	if err := os.WriteFile(file, []byte(tampered), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runForTest(t, "", "verify", "--excerpt", file, "--key", vkey); code != 1 {
		t.Fatalf("a tampered excerpt: exit %d, want 1", code)
	}
	if resp, err := http.Get(base + "/api/assemblies/march-1917/motions/no-such-motion/excerpt"); err != nil || resp.StatusCode != 404 {
		t.Fatalf("excerpt of an unknown motion: %v %v", resp.Status, err)
	}

	// The chair's code logs in and reaches the chair's page.
	jar := newJar(t)
	client := &http.Client{Jar: jar}
	resp, err = client.Get(base + "/login?code=" + chairCode[1])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, err = client.Get(base + "/a/march-1917/chair")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Nogin") {
		t.Fatalf("chair page: %s %.300s", resp.Status, body)
	}
	if code := srv.stop(); code != 0 {
		t.Fatalf("demo exited %d: %s", code, srv.stderr.String())
	}
}

func newJar(t *testing.T) http.CookieJar {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return jar
}
