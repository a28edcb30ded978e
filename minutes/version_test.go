package minutes

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// TestStampRead: the renderer a stamp states, and the stamps plenum does
// not write.
func TestStampRead(t *testing.T) {
	for _, c := range []struct {
		format, stamp string
		want          Stamp // zero: a *BadStampError
	}{
		{"md", "md/1", Stamp{"md", 1, "", true}},
		{"html", "html/12 plenum/v1.4.0", Stamp{"html", 12, "v1.4.0", true}},
		{"akn", "akn/3 plenum/devel-0123456789ab", Stamp{"akn", 3, "devel-0123456789ab", true}},
		// A word this plenum does not know is left for the plenum that
		// writes it; a plenum version with other characters is not named.
		{"md", "md/4 signed-by/x plenum/<b>", Stamp{"md", 4, "", true}},
		{"md", "", Stamp{}},
		{"md", "md/0", Stamp{}},
		{"md", "md/01", Stamp{}},
		{"md", "md/-1", Stamp{}},
		{"md", "md/1.1", Stamp{}},
		{"md", "md/x", Stamp{}},
		{"md", "md/1234567890", Stamp{}},
		{"md", "html/1", Stamp{}},
		{"md", " md/1", Stamp{}},
		{"md", "MD/1", Stamp{}},
		{"html", "html/1\x1b[2J", Stamp{}},
	} {
		got, err := Stated{Format: c.format, Stamp: c.stamp, Stamped: true}.Renderer()
		if c.want == (Stamp{}) {
			var bad *BadStampError
			if !errors.As(err, &bad) || bad.Text != c.stamp || strings.ContainsRune(err.Error(), '\x1b') {
				t.Errorf("%s %q: %+v, %v; want a BadStampError that quotes it", c.format, c.stamp, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s %q: %+v, %v; want %+v", c.format, c.stamp, got, err, c.want)
		}
	}
	// No stamp: version 1, as every document exported before the stamps.
	if got, err := (Stated{Format: "akn"}).Renderer(); err != nil || got != (Stamp{Format: "akn", Version: 1}) {
		t.Errorf("an unstamped document: %+v, %v", got, err)
	}
}

// TestRerender: a document renders again as it was stamped — with the
// plenum version its stamp names, or unstamped as before the stamps,
// which is the stamped one without the stamp — and one of another
// renderer version, or with a stamp plenum does not write, is refused.
func TestRerender(t *testing.T) {
	d := coop(t)
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		ours := strconv.Itoa(RendererVersion(format))
		by, err := RenderBy(d, format, "v1.4.0")
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := Render(d, format)
		st, err := ReadStated(by)
		if err != nil || st.Stamp != format+"/"+ours+" plenum/v1.4.0" {
			t.Fatalf("%s: the stamp reads %q, %v", format, st.Stamp, err)
		}
		if again, err := Rerender(d, st); err != nil || FirstDifference(by, again) != "" {
			t.Errorf("%s: a stamped document does not render again: %v %s", format, err, FirstDifference(by, again))
		}
		// The stamp is the one difference from a document of before.
		stamp := map[string]string{
			FormatMarkdown: "<!-- plenum-renderer: md/" + ours + " -->\n\n",
			FormatHTML:     `<meta name="plenum-renderer" content="html/` + ours + `">` + "\n",
			FormatAKN:      `<plenum:renderer xmlns:plenum="urn:plenum:minutes:1">akn/` + ours + "</plenum:renderer>\n",
		}[format]
		if strings.Count(string(plain), stamp) != 1 {
			t.Fatalf("%s: the document does not hold its stamp %q once", format, stamp)
		}
		before := []byte(strings.Replace(string(plain), stamp, "", 1))
		st, err = ReadStated(before)
		if err != nil || st.Stamped {
			t.Fatalf("%s: without its stamp: %+v, %v", format, st, err)
		}
		if again, err := Rerender(d, st); RendererVersion(format) == 1 && (err != nil || FirstDifference(before, again) != "") {
			t.Errorf("%s: an unstamped document does not render again: %v %s", format, err, FirstDifference(before, again))
		}
		// An earlier version: its stamp, with the plenum it names, and
		// this plenum's words (TestEarlierVersionsRenderAgain compares the
		// bytes with the earlier versions' golden documents).
		if v := RendererVersion(format); v > 1 {
			earlierStamp := format + "/" + strconv.Itoa(v-1) + " plenum/v1.4.0"
			earlier := []byte(strings.Replace(string(by), format+"/"+ours+" plenum/v1.4.0", earlierStamp, 1))
			st, err := ReadStated(earlier)
			if err != nil {
				t.Fatal(err)
			}
			again, err := RerenderEarlier(d, st)
			if err != nil {
				t.Errorf("%s: a document of the earlier version does not render again: %v", format, err)
			} else if st, err := ReadStated(again); err != nil || st.Stamp != earlierStamp {
				t.Errorf("%s: a document of the earlier version renders again stamped %q, %v; want %q", format, st.Stamp, err, earlierStamp)
			}
			if _, err := Rerender(d, st); err == nil {
				t.Errorf("%s: Rerender renders a document of the earlier version as its own", format)
			}
			st, _ = ReadStated(by)
			if _, err := RerenderEarlier(d, st); err == nil {
				t.Errorf("%s: RerenderEarlier renders a document of this version", format)
			}
		}
		// Another version, and a stamp that is not one.
		st.Stamp, st.Stamped = format+"/"+strconv.Itoa(RendererVersion(format)+1)+" plenum/v9.0.0", true
		_, err = Rerender(d, st)
		var other *OtherRendererError
		if !errors.As(err, &other) || other.Stated.Version != RendererVersion(format)+1 || other.Renders != RendererVersion(format) || other.Stated.Plenum != "v9.0.0" {
			t.Errorf("%s: another version: %v", format, err)
		}
		st.Stamp = format + "/one"
		var bad *BadStampError
		if _, err = Rerender(d, st); !errors.As(err, &bad) {
			t.Errorf("%s: a bogus stamp: %v", format, err)
		}
	}
	if _, err := Rerender(d, Stated{Format: FormatPopolo}); !errors.Is(err, ErrNotChecked) {
		t.Errorf("popolo: %v", err)
	}
}

// TestStampNotFromTheRecord: text of the record that reads like a stamp
// is not taken for the document's.
func TestStampNotFromTheRecord(t *testing.T) {
	d := hostileGolden()
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		doc, _ := Render(d, format)
		st, err := ReadStated(doc)
		if err != nil || st.Stamp != format+"/"+strconv.Itoa(RendererVersion(format)) {
			t.Errorf("%s: the stamp reads %q, %v", format, st.Stamp, err)
		}
	}
	// Without the document's own stamp, nothing of the record reads as one.
	dd := *d
	dd.render.unstamped = true
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		doc, _ := Render(&dd, format)
		if st, err := ReadStated(doc); err != nil || st.Stamped {
			t.Errorf("%s: an unstamped document reads the stamp %q, %v", format, st.Stamp, err)
		}
	}
}
