package web_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// axeVersion is the axe-core .ci/run installs from the npm registry.
const axeVersion = "4.14.1"

// axeSource is axe-core's script: $PLENUM_AXE, or where .ci/run installs it
// (~/.cache/plenum/axe-core@VERSION). Without it the accessibility checks
// are skipped, unless PLENUM_REQUIRE_BROWSER=1, which fails them.
func axeSource(t *testing.T) string {
	t.Helper()
	paths := []string{os.Getenv("PLENUM_AXE")}
	if home, err := os.UserHomeDir(); err == nil {
		paths = append(paths, filepath.Join(home, ".cache", "plenum", "axe-core@"+axeVersion, "node_modules", "axe-core", "axe.min.js"))
	}
	for _, p := range paths {
		if p == "" {
			continue
		}
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	if os.Getenv("PLENUM_REQUIRE_BROWSER") == "1" {
		t.Fatalf("axe-core %s not found (set PLENUM_AXE to its axe.min.js, or run .ci/run, which installs it), and PLENUM_REQUIRE_BROWSER=1", axeVersion)
	}
	return ""
}

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// axe runs axe-core on p's page and fails the test for every serious or
// critical violation (WCAG 2.1 A and AA, and axe's best practices).
func (s *session) axe(p *person, page, src string) {
	s.t.Helper()
	if src == "" {
		return
	}
	if !eval[bool](s, p, `typeof axe !== "undefined"`) {
		eval[bool](s, p, src+"\n;true")
	}
	raw := eval[string](s, p, `axe.run(document, {resultTypes: ["violations"], runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}).then(function (r) { return JSON.stringify(r.violations); })`)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		s.t.Fatalf("axe on %s: %v", page, err)
	}
	for _, v := range vs {
		if v.Impact != "serious" && v.Impact != "critical" {
			s.t.Logf("axe on %s (%s, %s): %s: %s", page, p.name, v.Impact, v.ID, v.Help)
			continue
		}
		var where []string
		for i, n := range v.Nodes {
			if i == 3 {
				where = append(where, fmt.Sprintf("and %d more", len(v.Nodes)-3))
				break
			}
			where = append(where, n.HTML)
		}
		s.t.Errorf("axe on %s (%s): %s %s: %s\n  %s", page, p.name, v.Impact, v.ID, v.Help, strings.Join(where, "\n  "))
	}
}

// axeRun is axe-core's verdict on p's page: the ids of the serious and
// critical violations.
func (s *session) axeRun(p *person, src string) []string {
	s.t.Helper()
	if !eval[bool](s, p, `typeof axe !== "undefined"`) {
		eval[bool](s, p, src+"\n;true")
	}
	raw := eval[string](s, p, `axe.run(document, {resultTypes: ["violations"]}).then(function (r) { return JSON.stringify(r.violations); })`)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		s.t.Fatal(err)
	}
	var out []string
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			out = append(out, v.ID)
		}
	}
	return out
}

// TestBrowserAxeCanFail: the accessibility check finds what is wrong on a
// page made wrong on purpose, so that its silence elsewhere means
// something.
func TestBrowserAxeCanFail(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	src := axeSource(t)
	if src == "" {
		t.Skip("axe-core not found; set PLENUM_AXE")
	}
	h := newHall(t)
	s := newSession(t, h)
	p := s.open("anna", 1280, 900, "/a/coop/delegate")
	eval[bool](s, p, `(function () { var i = document.createElement("img"); i.src = "/static/nothing.png"; document.querySelector("main").appendChild(i); var b = document.createElement("button"); document.querySelector("main").appendChild(b); return true; })()`)
	got := strings.Join(s.axeRun(p, src), " ")
	for _, want := range []string{"image-alt", "button-name"} {
		if !strings.Contains(got, want) {
			t.Errorf("axe did not find %s on a page made wrong: %s", want, got)
		}
	}
}
