package web

import (
	"errors"
	"fmt"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
)

// balanced closes what a text opens and leaves open, and drops the
// closers that close nothing of it.
func TestBalanced(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Anna", "Anna"},
		{"بوريس", "بوريس"},
		{"a\u202eb", "a\u202eb\u202c"},
		{"a\u202eb\u202c", "a\u202eb\u202c"},
		{"a\u2067b\u202ec", "a\u2067b\u202ec\u202c\u2069"},
		{"a\u2069b", "ab"},
		{"a\u202cb", "ab"},
		{"\u2067a\u202eb\u2069c", "\u2067a\u202eb\u2069c"},
		{"\u202ea\u2066b\u202cc", "\u202ea\u2066bc\u2069\u202c"},
	} {
		if got := balanced(c.in); got != c.want {
			t.Errorf("balanced(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

// A text written left to right is set into a page as it is, one written
// right to left or with a control isolated; a message with such a text
// as its argument keeps the text isolated and escapes the rest.
func TestBdiAndTr(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Anna & Boris", "Anna &amp; Boris"},
		{"بوريس <b>", "<bdi>بوريس &lt;b&gt;</bdi>"},
		{"Rosa \u202eLuxemburg", "<bdi>Rosa \u202eLuxemburg\u202c</bdi>"},
		{"x\u2069y", "<bdi>xy</bdi>"},
	} {
		if got := string(bdi(c.in)); got != c.want {
			t.Errorf("bdi(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
	en, de := i18n.For("en"), i18n.For("de")
	if got, want := string(tr(en, "web.amends", bdi("الميزانية"))), "Amends “<bdi>الميزانية</bdi>”"; got != want {
		t.Errorf("tr = %q, want %q", got, want)
	}
	if got, want := string(tr(de, "web.c.next_speaker", "<Anna>")), "Nächste Wortmeldung: &lt;Anna&gt;"; got != want {
		t.Errorf("tr = %q, want %q", got, want)
	}
	r := assembly.Reason{Format: "%q is not a kind of mandate; write decisive, consultative, guest or ex officio (docs/import.md lists the other words read)", Args: []any{"مراقب"}}
	if got, want := string(part(de, r)), "&#34;<bdi>مراقب</bdi>&#34; ist keine Art von Mandat"; len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("part = %q, want it to begin %q", got, want)
	}
	if got, want := string(part(en, r)), "&#34;<bdi>مراقب</bdi>&#34; is not a kind"; len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("part = %q, want it to begin %q", got, want)
	}
}

// A refusal set from its template marks the texts a person typed among
// its arguments, and isolatedMarks isolates them, balanced: an override
// left open in a name ends in its isolate, a text quoted by %q is
// isolated inside the quotes, an id or a text written left to right
// stays as it is, and a mark that came with an argument no one marked
// leaves no isolate open.
func TestIsolatedMarks(t *testing.T) {
	refusal := func(format string, args ...any) string {
		r := markedReason(assembly.Reason{Format: format, Args: args})
		return isolatedMarks(fmt.Sprintf(r.Format, r.Args...))
	}
	for _, c := range []struct{ got, want string }{
		{refusal("%s is already noted as present", "Rosa \u202eL"), "\u2068Rosa \u202eL\u202c\u2069 is already noted as present"},
		{refusal("there is already a person %q (%s)", "p1", "بوريس"), "there is already a person \"p1\" (\u2068بوريس\u2069)"},
		{refusal("named %q", "بوريس 2"), "named \"\u2068بوريس 2\u2069\""},
		{refusal("named %q", "Anna"), "named \"Anna\""},
		{refusal("%s: %v", "بوريس", errors.New("x"+markOpen+"y")), "\u2068بوريس\u2069: x\u2068y\u2069"},
		{isolatedMarks("a" + markClose + "b"), "ab"},
	} {
		if c.got != c.want {
			t.Errorf("got %+q, want %+q", c.got, c.want)
		}
	}
}
