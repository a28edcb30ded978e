package schema

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestPending(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0001_init.sql": {Data: []byte("CREATE TABLE a (x);")},
		"m/0002_more.sql": {Data: []byte("CREATE TABLE b (x);")},
		"m/0003_last.sql": {Data: []byte("CREATE TABLE c (x);")},
	}
	cases := []struct {
		have []int
		want []int
		err  string
	}{
		{nil, []int{1, 2, 3}, ""},
		{[]int{1, 2}, []int{3}, ""},
		{[]int{1, 3}, []int{2}, ""}, // a migration numbered below one applied still applies
		{[]int{1, 2, 3}, nil, ""},
		{[]int{1, 2, 3, 4}, nil, "schema version 4 is newer than this plenum (3)"},
	}
	for _, c := range cases {
		steps, err := Pending(fsys, "m/*.sql", c.have)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("have %d: %v, want %q", c.have, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("have %d: %v", c.have, err)
		}
		var got []int
		for _, s := range steps {
			got = append(got, s.Version)
			if s.SQL != string(fsys[s.Name].Data) {
				t.Errorf("step %d carries %q", s.Version, s.SQL)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("have %d: steps %v, want %v", c.have, got, c.want)
		}
	}
	if n, err := Latest(fsys, "m/*.sql"); err != nil || n != 3 {
		t.Errorf("Latest = %d, %v", n, err)
	}
	// Numbers may leave gaps (changes made side by side), but must rise.
	gap := fstest.MapFS{"m/0001_a.sql": {}, "m/0005_e.sql": {}}
	if steps, err := Pending(gap, "m/*.sql", []int{1}); err != nil || len(steps) != 1 || steps[0].Version != 5 {
		t.Errorf("a gap in the numbers: %v, %v", steps, err)
	}
	if n, err := Latest(gap, "m/*.sql"); err != nil || n != 5 {
		t.Errorf("Latest with a gap = %d, %v", n, err)
	}
	for name, bad := range map[string]fstest.MapFS{
		"twice":     {"m/0001_a.sql": {}, "m/01_b.sql": {}},
		"no number": {"m/0001_a.sql": {}, "m/init.sql": {}},
		"zero":      {"m/0000_a.sql": {}},
	} {
		if _, err := Pending(bad, "m/*.sql", nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestDescribe(t *testing.T) {
	fsys := fstest.MapFS{"m/0001_init.sql": {}, "m/0002_more.sql": {}}
	cases := []struct {
		have []int
		want string
	}{
		{[]int{1, 2}, ""},
		{nil, "not a plenum database"},
		{[]int{1}, "lacks 0002_more.sql; open it once with plenum serve"},
		{[]int{1, 2, 7}, "schema version 7 is newer than this plenum (2)"},
	}
	for _, c := range cases {
		got := Describe(fsys, "m/*.sql", c.have)
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("Describe(%v) = %q, want %q", c.have, got, c.want)
		}
	}
}

// TestOldBoxErrorAgreesAtOne: the refusal to migrate old ballot boxes
// counts one ballot in the singular.
func TestOldBoxErrorAgreesAtOne(t *testing.T) {
	for n, want := range map[int]string{
		1: "the database holds 1 ballot of a secret vote still open, in the unencrypted ballot box",
		2: "the database holds 2 ballots of secret votes still open, in the unencrypted ballot box",
	} {
		if got := OldBoxError(n).Error(); !strings.HasPrefix(got, want) {
			t.Errorf("%d: %q, want it to start %q", n, got, want)
		}
	}
}
