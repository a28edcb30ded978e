package figures

import (
	"testing"

	"plenum/i18n"
)

// TestGroup: only a count's figures are grouped, as the language writes
// numbers; not those of a quoted title (in the language's quotation
// marks), an id, a date, a decimal, a number with a leading zero or of
// fewer than four figures. The cases are those the minutes (md/8) and
// the pages each tested of their own grouper before they shared this one.
func TestGroup(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"en", "2411 for, 62 against", "2,411 for, 62 against"},
		{"en", "2411 for, 787 against, 1802 abstaining, 3198 cast; 1600 needed", "2,411 for, 787 against, 1,802 abstaining, 3,198 cast; 1,600 needed"},
		{"de", "2411 dafür, 3198 abgegeben", "2.411 dafür, 3.198 abgegeben"},
		{"ru", "2411 за", "2\u00a0411 за"},
		{"es", "2411 a favor", "2.411 a favor"},
		{"en", "taken as the basis: “Resolution 1000”; 1500 cast", "taken as the basis: “Resolution 1000”; 1,500 cast"},
		{"en", "“Budget 10000” 2411, “B 1000” 787; taken as the basis: “Budget 10000”", "“Budget 10000” 2,411, “B 1000” 787; taken as the basis: “Budget 10000”"},
		{"de", "„Antrag 2000“ 3000 Stimmen", "„Antrag 2000“ 3.000 Stimmen"},
		{"fr", "« Motion 1917 » 4000 voix", "« Motion 1917 » 4\u00a0000 voix"},
		{"en", "quota 1234.5; Ada 7.5; m1000 a-2000 2026/1000 x_1000", "quota 1234.5; Ada 7.5; m1000 a-2000 2026/1000 x_1000"},
		{"es", "1234,5 y 0012 y 999", "1234,5 y 0012 y 999"},
		{"en", "2,411 for", "2,411 for"},
	} {
		if got := Group(i18n.For(c.lang), c.in); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}
