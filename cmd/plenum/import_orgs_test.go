package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportWarnsOfNoOrganizationColumn: plenum import of a file whose
// organizations are under a header the import does not read, into an
// assembly that has organizations, warns on stderr as the import page
// does — every row a personal mandate, and the headers that would be
// read, in the report's language — with --dry-run and without, and
// records the file all the same; a file with the column is not warned.
func TestImportWarnsOfNoOrganizationColumn(t *testing.T) {
	db := congressDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(file, []byte("Name,Landesverband\nOlga Newcomer,Metalworkers' Union North\nPeter Newman,Teachers' Union\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	imp := func(args ...string) (int, string, string) {
		t.Helper()
		return exportCLI(t, append([]string{"import", "--db", db, "--assembly", "congress-2026"}, args...)...)
	}
	const warning = "warning: the file has no column read as the organization: every row will be recorded as a personal mandate"
	code, stdout, stderr := imp("--dry-run", "--lang", "en", file)
	if code != 0 || !strings.Contains(stderr, warning) || !strings.Contains(stderr, "head that column with one of Organization, organisation, org, delegation") || strings.Contains(stdout, warning) {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = imp("--dry-run", "--lang", "de", file)
	if code != 0 || !strings.Contains(stderr, "Warnung: Die Datei hat keine Spalte, die als Organisation gelesen wird: Jede Zeile wird als persönliches Mandat ohne Organisation festgehalten") ||
		!strings.Contains(stderr, "Bezirk, Gliederung, Organization und importieren Sie die Datei erneut") {
		t.Fatalf("German dry run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	size := logSize(t, db, "congress-2026")
	code, stdout, stderr = imp("--lang", "en", file)
	if code != 0 || !strings.Contains(stderr, warning) || logSize(t, db, "congress-2026") == size {
		t.Fatalf("import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	with := filepath.Join(dir, "with.csv")
	if err := os.WriteFile(with, []byte("Name,Delegation\nOlga Newcomer,Metalworkers' Union North\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := imp("--dry-run", "--lang", "en", with); code != 0 || strings.Contains(stderr, "no column read as the organization") {
		t.Errorf("a file with its organizations: exit %d\n%s\n%s", code, stdout, stderr)
	}
}
