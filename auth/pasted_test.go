package auth

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestPastedCodeLogsIn: a code pasted from a phone's message, with a
// no-break space, a line break, an ideographic space or a zero-width space
// in it or around it, logs in as typed with ASCII spaces does, and
// counts nothing against the wrong-code limit (at 1 a minute here, so one
// such login counted as wrong would make the wrong code after it 429);
// any other character still makes the code wrong.
func TestPastedCodeLogsIn(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey, WrongCodesPerMinute: 1})
	codes, err := s.IssueCodes(ctx, "coop", []string{"ann"})
	if err != nil {
		t.Fatal(err)
	}
	c := codes[0].Code
	groups := strings.Split(c, "-")
	pasted := []string{
		strings.Join(groups, "\u00a0"),               // no-break space
		" " + c + "\n",                               // a line break after it
		"\r\n" + strings.Join(groups, "\r\n") + "\t", // one group a line
		strings.Join(groups, "\u202f"),               // narrow no-break space
		strings.Join(groups, "\u3000"),               // ideographic space
		strings.Join(groups, "\u2009"),               // thin space
		"\ufeff" + strings.Join(groups, "\u200b"),    // byte order mark, zero-width spaces
		strings.Join(groups, "\u2060-\u200d"),        // word joiner, zero-width joiner
		strings.ToLower(strings.Join(groups, "\u2028")),
	}
	for _, p := range pasted {
		if st, _ := tryCode(t, s, "10.0.0.1", p); st != http.StatusOK {
			t.Errorf("the code pasted as %q: %d, want 200", p, st)
		}
	}
	// Still strict: a look-alike dash, a dot, a missing or extra letter.
	for _, p := range []string{strings.Join(groups, "\u2010"), strings.Join(groups, "."), c[1:], c + "A", strings.Join(groups, "_")} {
		if _, _, err := s.Login(ctx, p); err != ErrBadCode {
			t.Errorf("%q: %v, want ErrBadCode", p, err)
		}
	}
	if st, _ := tryCode(t, s, "10.0.0.1", wrongCode); st != http.StatusUnauthorized {
		t.Fatalf("the first wrong code from the address: %d, want 401 (the pasted codes were counted as wrong)", st)
	}
	if st, _ := tryCode(t, s, "10.0.0.1", wrongCode); st != http.StatusTooManyRequests {
		t.Fatalf("the second wrong code from the address: %d, want 429", st)
	}
}
