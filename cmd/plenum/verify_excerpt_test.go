package main

import (
	"context"
	"strings"
	"testing"

	"plenum/remote/tlogtest"
	"plenum/tlogproof"
)

// excerptOf writes the certified excerpt of the entries of l at the given
// indexes, against l's current checkpoint, and returns its file's name.
func excerptOf(t *testing.T, l *tlogtest.Log, title string, indexes ...int64) string {
	t.Helper()
	var entries []tlogproof.ExcerptEntry
	for _, i := range indexes {
		p, err := l.InclusionProof(context.Background(), i, l.Size())
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, tlogproof.ExcerptEntry{Index: i, Data: l.Entry(i), Proof: p})
	}
	return writeExcerpt(t, title, l.Checkpoint(), entries)
}

// TestVerifyExcerptSaysWhatItLeavesOut: plenum verify --excerpt says, in
// the officer's language, how many of its checkpoint's entries a valid
// excerpt holds and which runs of indexes it leaves out (the first ten,
// then how many more), or that it holds them all, the whole record: an
// excerpt of the vote without the amendment before it does not pass for
// the minutes. It exits 0 for either, being valid; with --complete, an
// excerpt that leaves entries out is refused with exit status 5, saying
// which, and --complete goes with --excerpt only.
func TestVerifyExcerptSaysWhatItLeavesOut(t *testing.T) {
	l := numberedLog(t, "plenum.test/log/march-1917", "speech_recorded", 30)
	part := excerptOf(t, l, "Resolution 4 and its vote", 21, 22, 25)
	all := make([]int64, 30)
	for i := range all {
		all[i] = int64(i)
	}
	whole := excerptOf(t, l, "The minutes", all...)
	var even []int64
	for i := int64(0); i < 30; i += 2 {
		even = append(even, i)
	}
	sparse := excerptOf(t, l, "Every other entry", even...)
	for _, c := range []struct {
		lang, file, want string
	}{
		{"en", part, "excerpt: 3 of 30 entries; absent: 0–20, 23–24, 26–29"},
		{"en", whole, "complete: 30 of 30 entries, the whole record at its checkpoint"},
		{"en", sparse, "excerpt: 15 of 30 entries; absent: 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 (and 5 more ranges)"},
		{"de", part, "Auszug: 3 von 30 Einträgen; es fehlen: 0–20, 23–24, 26–29"},
		{"de", whole, "vollständig: 30 von 30 Einträgen, die ganze Aufzeichnung bei ihrem Prüfpunkt"},
		{"de", sparse, "Auszug: 15 von 30 Einträgen; es fehlen: 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 (und 5 weitere Bereiche)"},
		{"ru", part, "выписка: 3 из 30 записей; отсутствуют: 0–20, 23–24, 26–29"},
		{"ru", whole, "выписка полная: 30 из 30 записей, весь протокол на момент контрольной точки"},
		{"ru", sparse, "выписка: 15 из 30 записей; отсутствуют: 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 (и ещё 5 диапазонов)"},
		{"fr", part, "extrait : 3 entrées sur 30 ; absentes : 0–20, 23–24, 26–29"},
		{"fr", whole, "complet : 30 entrées sur 30, tout le journal à son point de contrôle"},
		{"es", part, "extracto: 3 de 30 entradas; faltan: 0–20, 23–24, 26–29"},
		{"es", whole, "completo: 30 de 30 entradas, todo el registro en su punto de control"},
	} {
		code, out, errs := runIn(t, c.lang, "verify", "--excerpt", c.file, "--key", l.VKey)
		lines := strings.Split(out, "\n")
		if code != 0 || errs != "" || len(lines) < 3 || lines[1] != c.want {
			t.Errorf("%s: exit %d %q:\n%s\nwant as its second line %q", c.lang, code, errs, out, c.want)
		}
	}
	// The entries follow, each on its line, all of them: in short, or
	// with --json as the log holds them.
	_, out, _ := runForTest(t, "", "verify", "--excerpt", part, "--key", l.VKey)
	if lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n"); len(lines) != 5 || !strings.HasPrefix(lines[2], "entry 21, ") || !strings.HasSuffix(lines[2], ": n: 21") || !strings.HasPrefix(lines[4], "entry 25, ") {
		t.Errorf("printed:\n%s", out)
	}
	_, out, _ = runForTest(t, "", "verify", "--excerpt", part, "--key", l.VKey, "--json")
	if lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n"); len(lines) != 5 || !strings.Contains(lines[2], `"index":21,`) || !strings.Contains(lines[4], `"index":25,`) {
		t.Errorf("printed with --json:\n%s", out)
	}
	if code, _, errs := runForTest(t, "", "verify", "--db", "x.db", "--json"); code != 2 || errs != "plenum verify: --json goes with --excerpt: it prints the excerpt's entries as the log holds them\n" {
		t.Errorf("--json without --excerpt: exit %d %q", code, errs)
	}

	// --complete demands the whole record.
	code, out, errs := runForTest(t, "", "verify", "--excerpt", part, "--key", l.VKey, "--complete")
	if code != 5 || out != "" || errs != "plenum verify: "+part+": --complete: the excerpt holds 3 of the 30 entries of its checkpoint, not the whole record; absent: 0–20, 23–24, 26–29\n" {
		t.Errorf("--complete, a part: exit %d %q %q", code, out, errs)
	}
	code, out, errs = runIn(t, "ru", "verify", "--excerpt", part, "--key", l.VKey, "--complete")
	if code != 5 || out != "" || errs != "plenum verify: "+part+": --complete: в выписке 3 из 30 записей её контрольной точки, а не весь протокол; отсутствуют: 0–20, 23–24, 26–29\n" {
		t.Errorf("--complete, a part, in Russian: exit %d %q %q", code, out, errs)
	}
	if code, out, errs := runForTest(t, "", "verify", "--excerpt", whole, "--key", l.VKey, "--complete"); code != 0 || errs != "" || !strings.Contains(out, "\ncomplete: 30 of 30 entries") {
		t.Errorf("--complete, the whole: exit %d %q %q", code, out, errs)
	}
	for _, args := range [][]string{{"--db", "x.db", "--complete"}, {"--url", "http://127.0.0.1:1", "--key", l.VKey, "--complete"}} {
		if code, _, errs := runForTest(t, "", append([]string{"verify"}, args...)...); code != 2 || errs != "plenum verify: --complete goes with --excerpt: --db and --url always check the whole log\n" {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
}
