package main

import (
	"path/filepath"
	"strings"
	"testing"

	"plenum/store/postgres/pgtest"
)

// TestReplayImportHeldOut: in a database of four assemblies, one whose
// entry was edited (y) and one rolled back behind its high-water mark
// (z), plenum replay and plenum import act on the intact assemblies they
// are asked about, and refuse only a damaged one, naming it, the damage
// and what to do, and changing nothing: the whole database was refused
// before.
func TestReplayImportHeldOut(t *testing.T) {
	for name, fresh := range pgtest.Databases("plenum.db") {
		t.Run(name, func(t *testing.T) {
			db := fresh(t)
			args := []string{"--db", db}
			if name == "postgres" {
				args = append(args, "--data", t.TempDir())
			}
			run := func(stdin string, cmd ...string) (int, string, string) {
				t.Helper()
				return runForTest(t, stdin, append(append(cmd[:1:1], args...), cmd[1:]...)...)
			}
			if code, _, errs := run("", "replay", filepath.Join(rosters, "congress-2026.jsonl")); code != 0 {
				t.Fatalf("replay congress-2026: %d %s", code, errs)
			}
			create := func(id string) string {
				return `{"cmd":"create_assembly","actor":"admin","at":"2026-03-02T09:00:00Z","args":{"id":"` + id + `","name":"` + id + `","starts":"2026-05-20","rules":"congress"}}` + "\n"
			}
			person := func(id, p string) string {
				return `{"cmd":"add_person","assembly":"` + id + `","actor":"admin","at":"2026-03-02T09:01:00Z","args":{"id":"` + p + `","name":"` + p + `"}}` + "\n"
			}
			for _, id := range []string{"x", "y", "z"} {
				if code, _, errs := run(create(id)+person(id, "p"), "replay", "-"); code != 0 {
					t.Fatalf("replay %s: %d %s", id, code, errs)
				}
			}
			editStoredEntry(t, name, db, "y", 1)
			rollBackLog(t, name, db, "z", 1)
			sizes := func() map[string]int64 {
				out := map[string]int64{}
				for _, id := range []string{"congress-2026", "x", "y", "z"} {
					out[id] = heldLogSize(t, name, db, id)
				}
				return out
			}
			before := sizes()
			unchanged := func(what string, grown string) {
				t.Helper()
				now := sizes()
				for id, n := range before {
					if id != grown && now[id] != n {
						t.Errorf("%s: %s went from %d to %d entries", what, id, n, now[id])
					}
				}
				if grown != "" && now[grown] <= before[grown] {
					t.Errorf("%s: %s did not grow from %d entries", what, grown, before[grown])
				}
				before = now
			}

			// replay: an intact assembly takes its lines; a damaged one's
			// are refused, naming it and the damage.
			if code, out, errs := run(person("x", "q"), "replay", "-"); code != 0 || !strings.Contains(out, "1") {
				t.Fatalf("replay into x: %d %s %s", code, out, errs)
			}
			unchanged("replay into x", "x")
			for _, c := range []struct{ script, want string }{
				{person("y", "q"), "does not verify"},
				{person("x", "r") + person("y", "q"), "does not verify"},
				{create("y"), "does not verify"},
				{person("z", "q"), "log is at size 1"},
			} {
				code, _, errs := run(c.script, "replay", "-")
				if code != 1 || !containsAll(errs, "the assembly", "is held out, its record in the database damaged", c.want, "What to do") {
					t.Errorf("replay %q: exit %d %s", c.script, code, errs)
				}
				grown := ""
				if strings.HasPrefix(c.script, person("x", "r")) {
					grown = "x" // the lines before the refused one stay recorded
				}
				unchanged("replay "+c.script, grown)
			}

			// import: into congress-2026, intact, it proceeds; into y
			// and z it is refused.
			csv := filepath.Join(rosters, "congress-2026.csv")
			if code, out, errs := run("", "import", "--assembly", "congress-2026", csv); code != 0 {
				t.Fatalf("import into congress-2026: %d %s %s", code, out, errs)
			}
			unchanged("import into congress-2026", "congress-2026")
			for _, c := range []struct{ id, damage, todo string }{
				{"y", "does not verify", "plenum verify --db"},
				{"z", "log is at size 1", "--accept-rollback"},
			} {
				code, out, errs := run("", "import", "--assembly", c.id, csv)
				if code != 1 || !containsAll(errs, "the assembly "+c.id+" is held out", c.damage, c.todo, "Nothing was imported") {
					t.Errorf("import into %s: exit %d %s %s", c.id, code, out, errs)
				}
				unchanged("import into "+c.id, "")
			}
		})
	}
}
