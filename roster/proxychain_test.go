package roster_test

import (
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
)

// TestProxyChainNoted: a person who gives their own mandate by proxy while
// carrying others' leaves those uncarried whenever they are absent (a
// proxy does not pass on). The rules allow it, so the preview records it,
// but notes it on the row of the person who gives their mandate and on the
// rows of the mandates they carry.
func TestProxyChainNoted(t *testing.T) {
	w := congress(t)
	w.do("admin", assembly.SetRules{Overrides: &assembly.Overrides{MaxProxiesPerDelegate: ptr(2)}})
	tab := readText(t, "r.csv", "Name,Organization,Proxy,Status\n"+
		"Ann Weiss,Teachers' Union,Dora Pratt,verified\n"+
		"Bo Lund,Teachers' Union,Ann Weiss,verified\n"+
		"Cy Moor,Teachers' Union,Ann Weiss,verified\n"+
		"Dora Pratt,Teachers' Union,,verified\n"+
		"Eve Stone,Teachers' Union,Dora Pratt,verified\n")
	pv := w.planTable(tab, "admin", false)
	wantProblems(t, pv, "")
	if pv.Summary.Added != 5 {
		t.Errorf("summary %+v", pv.Summary)
	}
	carried := "Ann Weiss, who carries this mandate by proxy, gives their own by proxy to Dora Pratt: while Ann Weiss is absent, this mandate is not carried"
	want := map[string]string{
		"Ann Weiss":  "Ann Weiss gives their own mandate by proxy to Dora Pratt and carries the mandates of Bo Lund, Cy Moor by proxy: while Ann Weiss is absent, those are not carried, for a proxy does not pass on to the proxy's own proxy",
		"Bo Lund":    carried,
		"Cy Moor":    carried,
		"Dora Pratt": "",
		"Eve Stone":  "",
	}
	for _, r := range pv.Rows {
		if got := strings.Join(r.Notes, "; "); got != want[r.Name] {
			t.Errorf("%s: notes %q\nwant %q", r.Name, got, want[r.Name])
		}
		for _, ph := range r.NotePhrases {
			if es := i18n.For("es").Part(ph); strings.Contains(es, "proxy") || !strings.Contains(es, "poder") {
				t.Errorf("%s: in Spanish %q", r.Name, es)
			}
		}
	}
	w.record(pv)
	// Read again, the chain is still there: still noted.
	again := w.planTable(readText(t, "r.csv", "Name,Organization,Proxy,Status\nAnn Weiss,Teachers' Union,Dora Pratt,verified\n"), "admin", false)
	if len(again.Rows[0].Notes) != 1 || again.Rows[0].Notes[0] != want["Ann Weiss"] {
		t.Errorf("again: notes %q", again.Rows[0].Notes)
	}
}
