package schema

import (
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
		have int
		want []int
		err  string
	}{
		{0, []int{1, 2, 3}, ""},
		{2, []int{3}, ""},
		{3, nil, ""},
		{4, nil, "schema version 4 is newer than this plenum (3)"},
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
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("have %d: steps %v, want %v", c.have, got, c.want)
		}
	}
	if n, err := Latest(fsys, "m/*.sql"); err != nil || n != 3 {
		t.Errorf("Latest = %d, %v", n, err)
	}
	gap := fstest.MapFS{"m/0001_a.sql": {}, "m/0003_c.sql": {}}
	if _, err := Pending(gap, "m/*.sql", 0); err == nil || !strings.Contains(err.Error(), "out of sequence") {
		t.Errorf("a gap in the numbers: %v", err)
	}
}
