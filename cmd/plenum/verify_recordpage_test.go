package main

import (
	"html"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRecordPageCommandsCarryTheKey: every plenum verify command the
// record page prints names the server's own verifier key, and no
// placeholder; run as printed (through verify's entry point) on the
// files the page offers, saved under the names they come with, each
// passes, and with another key each fails.
func TestRecordPageCommandsCarryTheKey(t *testing.T) {
	url, _, vkey := servedCoop(t)
	const id = "coop-2026"
	dir := t.TempDir()
	download(t, url+"/a/"+id+"/record.db", dir)
	download(t, url+"/a/"+id+"/minutes/md", dir)
	excerpt := filepath.Base(download(t, url+"/api/assemblies/"+id+"/motions/a-survey/excerpt", dir))
	resp, err := http.Get(url + "/a/" + id + "/record")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("the record page: %s", resp.Status)
	}
	commands := regexp.MustCompile(`<code>plenum verify ([^<]*)</code>`).FindAllStringSubmatch(string(page), -1)
	var modes []string
	for _, m := range commands {
		modes = append(modes, strings.Fields(html.UnescapeString(m[1]))[0])
	}
	slices.Sort(modes)
	if strings.Join(modes, " ") != "--db --excerpt --url" {
		t.Fatalf("the record page's commands are of %v, want --url, --db and --excerpt", modes)
	}
	if strings.Contains(string(page), "VERIFIER-KEY") {
		t.Error("the record page still says VERIFIER-KEY")
	}
	t.Chdir(dir)
	other := otherVerifierKey(t)
	for _, m := range commands {
		args := strings.Fields(html.UnescapeString(m[1]))
		keyAt := -1
		for i, a := range args {
			if a == "--key" && i+1 < len(args) {
				keyAt = i + 1
			}
			if a == "FILE" { // the excerpt the reader saved
				args[i] = excerpt
			}
		}
		if keyAt < 0 || args[keyAt] != vkey {
			t.Errorf("plenum verify %s: does not give --key %s", m[1], vkey)
			continue
		}
		if code, stdout, stderr := exportCLI(t, append([]string{"verify"}, args...)...); code != 0 || strings.Contains(stdout+stderr, "no --key given") {
			t.Errorf("plenum verify %s, as printed: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
		args[keyAt] = other
		if code, stdout, stderr := exportCLI(t, append([]string{"verify"}, args...)...); code != 1 || !strings.Contains(stderr, "is not signed by the key given") {
			t.Errorf("plenum verify %s, another key: exit %d, want 1\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
	}
}
