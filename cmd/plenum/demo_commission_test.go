package main

import (
	"path/filepath"
	"regexp"
	"testing"
)

// TestDemoPrintsTwoCommissionCodes: the demo prints the codes of two
// members of the Mandate Commission (the minutes name "comrades Sevruk,
// Skrypnik"), so that a delegate's lost card can be replaced in the demo
// as the two-person rule asks: one member revokes the code, the other
// issues the new one. With one, nobody who can log in may issue it.
func TestDemoPrintsTwoCommissionCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plenum.db")
	code, out, errs := runForTest(t, "", "demo", "--db", db, "--load-only")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	lines := regexp.MustCompile(`(?m)^  mandates +\S+  (\S+)`).FindAllStringSubmatch(out, -1)
	if len(lines) != 2 || lines[0][1] != "Sevruk," || lines[1][1] != "Skrypnik," {
		t.Fatalf("the demo prints %d codes for the mandates page (%v), want Sevruk's and Skrypnik's:\n%s", len(lines), lines, out)
	}
}
