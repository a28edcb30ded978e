package i18n

import (
	"fmt"
	"testing"
)

// TestRefusalsBallot renders refusals of encrypted elections as a page
// does: the Russian and German plural forms of the most approvals. (The
// state of an election in a refusal is TestCryptoRefusalArguments'.)
func TestRefusalsBallot(t *testing.T) {
	const (
		most = "a ballot in %s approves at most %d candidates, not %d"
	)
	cases := []struct {
		lang, format string
		args         []any
		want         string
	}{
		{"ru", most, []any{"e1", 1, 2}, "бюллетень в e1 одобряет не более 1 кандидата, а не 2"},
		{"ru", most, []any{"e1", 3, 4}, "бюллетень в e1 одобряет не более 3 кандидатов, а не 4"},
		{"ru", most, []any{"e1", 21, 22}, "бюллетень в e1 одобряет не более 21 кандидата, а не 22"},
		{"de", most, []any{"e1", 1, 2}, "ein Stimmzettel in e1 stimmt höchstens 1 Person zu, nicht 2"},
		{"de", most, []any{"e1", 2, 3}, "ein Stimmzettel in e1 stimmt höchstens 2 Personen zu, nicht 3"},
	}
	for _, c := range cases {
		english := fmt.Sprintf(c.format, c.args...)
		if got := For(c.lang).Refusal(c.format, c.args, english); got != c.want {
			t.Errorf("%s, %q %v:\n got %q\nwant %q", c.lang, c.format, c.args, got, c.want)
		}
	}
}
