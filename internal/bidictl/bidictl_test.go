package bidictl

import "testing"

func TestClose(t *testing.T) {
	for _, c := range []struct{ in, kept, dropped string }{
		{"Ann", "Ann", "Ann"},
		{"a\u202eb", "a\u202eb\u202c", "a\u202eb\u202c"},
		{"a\u2067b\u202ec", "a\u2067b\u202ec\u202c\u2069", "a\u2067b\u202ec\u202c\u2069"},
		{"a\u2067b\u202ec\u2069d", "a\u2067b\u202ec\u2069d", "a\u2067b\u202ec\u2069d"},                // the isolate's closer closes the embedding in it
		{"a\u2069b\u202cc", "a\u2069b\u202cc", "abc"},                                                 // stray closers
		{"\u202ea\u2067b\u202cc", "\u202ea\u2067b\u202cc\u2069\u202c", "\u202ea\u2067bc\u2069\u202c"}, // a PDF does not close past an isolate
	} {
		if got := Close(c.in, false); got != c.kept {
			t.Errorf("Close(%+q, false) = %+q, want %+q", c.in, got, c.kept)
		}
		if got := Close(c.in, true); got != c.dropped {
			t.Errorf("Close(%+q, true) = %+q, want %+q", c.in, got, c.dropped)
		}
	}
}

func TestDir(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The congress", ""},
		{"Åsa 12", ""},
		{"הקונגרס ILO", "rtl"},
		{"12, הקונגרס ILO", "rtl"},
		{"ILO הקונגרס", "ltr"},
		{"\u2066ILO\u2069 الأجور", "rtl"}, // an isolate's letters do not count
		{"a \u202eb", "ltr"},
		{"١٢", "ltr"}, // Arabic digits, no letter: as dir="auto"
	} {
		if got := Dir(c.in); got != c.want {
			t.Errorf("Dir(%+q) = %q, want %q", c.in, got, c.want)
		}
	}
}
