package minutes

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir finds the shared folder of schemas: $PLENUM_SHARED, or
// ../shared next to the repository.
func sharedDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("PLENUM_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared")
}

// requireTool skips the test when something it needs is absent, unless
// PLENUM_REQUIRE_XMLLINT=1 (CI), where it fails.
func requireTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("PLENUM_REQUIRE_XMLLINT") == "1" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// TestAKNValidates checks the Akoma Ntoso output against the Akoma Ntoso
// 3.0 schema with xmllint.
func TestAKNValidates(t *testing.T) {
	xsd := filepath.Join(sharedDir(t), "schemas", "akoma-ntoso-3.0", "akomantoso30.xsd")
	if _, err := os.Stat(xsd); err != nil {
		requireTool(t, "no Akoma Ntoso schema: %v (set PLENUM_SHARED)", err)
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		requireTool(t, "xmllint is not installed (apt-get install libxml2-utils)")
	}
	for name, doc := range map[string]*Document{"march-1917": march(t), "coop-2026": coop(t), "counts": countsDoc(t), "struck": strikeDoc(t, "en")} {
		path := filepath.Join(t.TempDir(), name+".xml")
		if err := os.WriteFile(path, AKN(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", xsd, path).CombinedOutput()
		if err != nil {
			t.Errorf("%s: xmllint: %v\n%s", name, err, firstLines(string(out), 20))
		}
	}
}

// TestAKNSchemaCatchesErrors shows the validation can fail: a speech
// without its required speaker reference is refused.
func TestAKNSchemaCatchesErrors(t *testing.T) {
	xsd := filepath.Join(sharedDir(t), "schemas", "akoma-ntoso-3.0", "akomantoso30.xsd")
	xmllint, err := exec.LookPath("xmllint")
	if _, serr := os.Stat(xsd); err != nil || serr != nil {
		requireTool(t, "xmllint or the schema is missing")
	}
	bad := strings.Replace(string(AKN(march(t))), `<speech eId="`, `<speech data-x="1" eId="`, 1)
	path := filepath.Join(t.TempDir(), "bad.xml")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--schema", xsd, path).CombinedOutput(); err == nil {
		t.Errorf("xmllint accepted a speech with an unknown attribute:\n%s", out)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
