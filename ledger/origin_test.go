package ledger

import "testing"

func TestOrigin(t *testing.T) {
	o, err := Origin(DefaultServerName, "march-1917")
	if err != nil || o != "plenum.localhost/log/march-1917" {
		t.Fatalf("Origin = %q, %v", o, err)
	}
	s, id, err := ParseOrigin(o)
	if err != nil || s != DefaultServerName || id != "march-1917" {
		t.Fatalf("ParseOrigin = %q %q %v", s, id, err)
	}
	for _, bad := range [][2]string{{"", "a"}, {"a b", "a"}, {"a+b", "a"}, {"x", ""}, {"x", ".hidden"}, {"x", "a/b"}, {"x", "a b"}} {
		if _, err := Origin(bad[0], bad[1]); err == nil {
			t.Errorf("Origin(%q, %q) accepted", bad[0], bad[1])
		}
	}
	for _, bad := range []string{"plenum.localhost", "plenum.localhost/log/", "/log/a", "x/log/a/b"} {
		if _, _, err := ParseOrigin(bad); err == nil {
			t.Errorf("ParseOrigin(%q) accepted", bad)
		}
	}
}
