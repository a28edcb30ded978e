package minutes

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"

	"plenum/i18n"
)

// Formats a document can be checked in: they state their checkpoint and
// re-render byte for byte.
const (
	FormatMarkdown = "md"
	FormatHTML     = "html"
	FormatAKN      = "akn"
	FormatPopolo   = "popolo"
	FormatPDF      = "pdf"
)

// Formats lists every format Render knows, in the order of the docs.
var Formats = []string{FormatMarkdown, FormatHTML, FormatPDF, FormatAKN, FormatPopolo}

// Render renders d in a format.
func Render(d *Document, format string) ([]byte, error) {
	switch format {
	case FormatMarkdown:
		return Markdown(d), nil
	case FormatHTML:
		return HTML(d), nil
	case FormatAKN:
		return AKN(d), nil
	case FormatPopolo:
		return Popolo(d)
	case FormatPDF:
		return PDF(d)
	}
	return nil, fmt.Errorf("unknown format %q; use one of %s", format, strings.Join(Formats, ", "))
}

// HowToCheck says in a sentence or two how a reader checks a document.
func HowToCheck(l *i18n.Locale, c Checkpoint) []string {
	n := strconv.FormatInt(c.Size, 10)
	return []string{l.T("minutes.cp.how_db", n), l.T("minutes.cp.how_remote", n)}
}

// CheckpointLead is the sentence that says what the document was rendered from.
func CheckpointLead(l *i18n.Locale, c Checkpoint) string {
	t := l.T("minutes.cp.lead", strconv.FormatInt(c.Size, 10), c.Origin)
	if d := c.DateText(l); d != "" {
		t += l.T("minutes.cp.lead_time", d)
	}
	return t + "."
}

// cpLabel is the label of a line of the checkpoint with its colon, as
// the language sets it ("Origine :") since md/7 and akn/7, or, as the
// renderers before wrote it (before7), right after the label
// ("Origine:").
func cpLabel(l *i18n.Locale, key string, before7 bool) string {
	if before7 {
		return l.T(key) + ":"
	}
	return l.T("minutes.cp.label", l.T(key))
}

// elide7 is s with the elisions of l's language (French "d'Aïcha", not
// "de Aïcha": i18n.Elide) since md/7, html/8 and akn/7; as written by the
// renderers before (before7).
func elide7(l *i18n.Locale, before7 bool, s string) string {
	if before7 {
		return s
	}
	return l.Elide(s)
}

// speakerColon is the colon after a speaker's name, as the language sets
// it ("Eli Navarro (rapporteur) :") since md/7, html/8 and akn/7, or, as
// the renderers before wrote it (before7), right after the name.
func speakerColon(l *i18n.Locale, before7 bool) string {
	if before7 {
		return ":"
	}
	return l.T("minutes.cp.label", "")
}

func (w *mdWriter) checkpoint(c Checkpoint, stamp *Stamp) {
	l := w.l
	w.para("## " + l.T("minutes.h.checkpoint"))
	w.para(md(CheckpointLead(l, c)))
	label := func(key string) string { return "- " + cpLabel(l, key, w.before7) + " " }
	w.line(label("minutes.cp.size") + strconv.FormatInt(c.Size, 10))
	w.line(label("minutes.cp.root") + "`" + c.RootHash + "`")
	w.line(label("minutes.cp.origin") + "`" + c.Origin + "`")
	w.line(label("minutes.cp.key") + "`" + c.VerifierKey + "`")
	w.blank()
	if l.Lang() != i18n.Default {
		// The language is stated, so that the document is checked by
		// rendering it in its own language (English states none, as
		// documents exported before the catalogs did not).
		w.para(mdLangOpen + l.Lang() + mdLangClose)
	}
	if stamp != nil {
		w.para(mdStampOpen + stamp.text() + mdStampClose)
	}
	w.para(l.T("minutes.cp.signed"))
	w.line("```" + mdFence)
	w.buf.WriteString(strings.TrimSuffix(c.Signed, "\n"))
	w.line("")
	w.line("```")
	w.blank()
	for _, t := range HowToCheck(l, c) {
		w.para(md(t))
	}
}

const mdFence = "plenum-checkpoint"

// The comment that states a Markdown document's language (an HTML block,
// which a reader of the rendered Markdown does not see).
const (
	mdLangOpen  = "<!-- plenum-lang: "
	mdLangClose = " -->"
)

// The comment that states the renderer of a Markdown document (its
// stamp), after its language.
const (
	mdStampOpen  = "<!-- plenum-renderer: "
	mdStampClose = " -->"
)

// Stated is what a document says about the checkpoint it was rendered from.
type Stated struct {
	Format      string // md, html or akn
	Signed      string // the signed checkpoint note
	VerifierKey string
	Lang        string // the language it is written in; "" is English
	Stamp       string // the renderer it states, as written ("md/1"); see Renderer
	Stamped     bool   // whether it states one: documents exported before December 2026 do not
}

// ErrNoCheckpoint means a document states no checkpoint: it was not
// exported by plenum, or the checkpoint block was removed.
var ErrNoCheckpoint = errors.New("the document states no checkpoint")

// DetectFormat tells an exported document's format from its first bytes.
func DetectFormat(doc []byte) string {
	t := bytes.TrimLeft(doc, " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(t, []byte("<?xml")) || bytes.HasPrefix(t, []byte("<akomaNtoso")):
		return FormatAKN
	case bytes.HasPrefix(bytes.ToLower(t), []byte("<!doctype html")):
		return FormatHTML
	case bytes.HasPrefix(t, []byte("%PDF")):
		return FormatPDF
	case bytes.HasPrefix(t, []byte("{")):
		return FormatPopolo
	}
	return FormatMarkdown
}

// ReadStated finds the checkpoint a document states.
func ReadStated(doc []byte) (Stated, error) {
	st := Stated{Format: DetectFormat(doc)}
	var err error
	switch st.Format {
	case FormatMarkdown:
		s := string(doc)
		open := "\n```" + mdFence + "\n"
		i := strings.LastIndex(s, open)
		if i < 0 {
			return st, ErrNoCheckpoint
		}
		rest := s[i+len(open):]
		j := strings.Index(rest, "\n```\n")
		if j < 0 {
			return st, ErrNoCheckpoint
		}
		st.Signed = rest[:j+1]
		if lang, e := between(s, "\n"+mdLangOpen, mdLangClose); e == nil {
			st.Lang = lang
		}
		if stamp, e := between(s, "\n"+mdStampOpen, mdStampClose); e == nil {
			st.Stamp, st.Stamped = stamp, true
		}
		// The key's line, its label with the language's colon (md/7:
		// "Clé de vérification :") or, in a document of an earlier
		// version, with the colon right after it: whichever stands
		// last, as the checkpoint's list does (a speech may quote either).
		l := i18n.For(st.Lang)
		label := "\n- " + cpLabel(l, "minutes.cp.key", false) + " `"
		if before := "\n- " + cpLabel(l, "minutes.cp.key", true) + " `"; strings.LastIndex(s, before) > strings.LastIndex(s, label) {
			label = before
		}
		st.VerifierKey, err = between(s, label, "`")
	case FormatHTML:
		s := string(doc)
		var signed string
		signed, err = between(s, `<pre id="plenum-checkpoint">`, "</pre>")
		st.Signed = html.UnescapeString(signed)
		if err == nil {
			var key string
			key, err = between(s, `<meta name="plenum-verifier-key" content="`, `"`)
			st.VerifierKey = html.UnescapeString(key)
		}
		if stamp, e := between(s, `<meta name="plenum-renderer" content="`, `"`); e == nil {
			st.Stamp, st.Stamped = html.UnescapeString(stamp), true
		}
		if i := strings.Index(s, `<html lang="`); i >= 0 {
			if lang, e := between(s[:min(len(s), i+64)], `<html lang="`, `"`); e == nil {
				st.Lang = html.UnescapeString(lang)
			}
		}
	case FormatAKN:
		err = readAKNStated(doc, &st)
	default:
		return st, fmt.Errorf("a %s document cannot be checked; export md, html or akn", st.Format)
	}
	if err != nil {
		return st, err
	}
	if st.Signed == "" || st.VerifierKey == "" {
		return st, ErrNoCheckpoint
	}
	return st, nil
}

func between(s, start, end string) (string, error) {
	i := strings.LastIndex(s, start)
	if i < 0 {
		return "", ErrNoCheckpoint
	}
	rest := s[i+len(start):]
	j := strings.Index(rest, end)
	if j < 0 {
		return "", ErrNoCheckpoint
	}
	return rest[:j], nil
}

func readAKNStated(doc []byte, st *Stated) error {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var field *string
	langSeen := false
	for {
		tok, err := dec.Token()
		if err != nil {
			if st.Signed == "" {
				return ErrNoCheckpoint
			}
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			field = nil
			if t.Name.Local == "FRBRlanguage" && !langSeen {
				langSeen = true // the document's; a motion's attachment states its own
				for _, at := range t.Attr {
					if at.Name.Local == "language" {
						st.Lang = langOfAKN(at.Value)
					}
				}
			}
			if t.Name.Space == PlenumNS {
				switch t.Name.Local {
				case "checkpoint":
					field = &st.Signed
				case "verifierKey":
					field = &st.VerifierKey
				case "renderer":
					field, st.Stamped = &st.Stamp, true
				}
			}
		case xml.CharData:
			if field != nil {
				*field += string(t)
			}
		case xml.EndElement:
			field = nil
		}
	}
}

// FirstDifference compares an expected and a found document line by line
// and describes the first line that differs, in English, or returns "" if
// they are the same bytes. Its text starts "line N" where a line differs
// (verify reads the number back); FirstDifferenceIn says it in a
// person's language.
func FirstDifference(want, got []byte) string {
	return firstDifference(fmt.Sprintf, want, got)
}

// FirstDifferenceIn is FirstDifference in l's language, for the person
// verify answers (its numbers written as l writes them).
func FirstDifferenceIn(l *i18n.Locale, want, got []byte) string {
	return firstDifference(func(key string, args ...any) string { return l.T(differenceKeys[key], args...) }, want, got)
}

// differenceKeys are the catalog's keys of FirstDifference's English texts.
var differenceKeys = map[string]string{
	"line %d: expected %q, found %q":                                  "minutes.diff.line",
	"line %d: the document has more than the log's minutes: found %q": "minutes.diff.more",
	"line %d: the document ends early: expected %q":                   "minutes.diff.early",
	"the documents differ in their line endings":                      "minutes.diff.line_endings",
}

// firstDifference is FirstDifference, its words written by say, given
// FirstDifference's English texts (the keys of differenceKeys).
func firstDifference(say func(format string, args ...any) string, want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		switch {
		case i >= len(wl):
			return say("line %d: the document has more than the log's minutes: found %q", i+1, clip(gl[i]))
		case i >= len(gl):
			return say("line %d: the document ends early: expected %q", i+1, clip(wl[i]))
		}
		w, g = wl[i], gl[i]
		if w != g {
			return say("line %d: expected %q, found %q", i+1, clip(around(w, g)), clip(around(g, w)))
		}
	}
	return say("the documents differ in their line endings")
}

// around returns the part of a long line near where it first differs from other.
func around(s, other string) string {
	if len(s) <= 160 {
		return s
	}
	i := 0
	for i < len(s) && i < len(other) && s[i] == other[i] {
		i++
	}
	start := i - 60
	if start < 0 {
		start = 0
	}
	for start > 0 && start < len(s) && s[start]&0xC0 == 0x80 {
		start--
	}
	out := s[start:]
	if start > 0 {
		out = "…" + out
	}
	return out
}

func clip(s string) string {
	if len(s) <= 200 {
		return s
	}
	end := 200
	for end > 0 && s[end]&0xC0 == 0x80 {
		end--
	}
	return s[:end] + "…"
}

// PlenumNS is the XML namespace of plenum's own metadata in an Akoma
// Ntoso document (inside <proprietary source="#plenum">).
const PlenumNS = "urn:plenum:minutes:1"

// colon7 is s, a line of the minutes' own words that ends in a colon,
// with the colon as the language sets it ("… intégrés :") since md/7,
// html/8 and akn/7; as the renderers before wrote it (before7), right
// after the last word.
func colon7(l *i18n.Locale, before7 bool, s string) string {
	if before7 {
		return s
	}
	if t, ok := strings.CutSuffix(s, ":"); ok && !strings.HasSuffix(t, " ") {
		return t + speakerColon(l, false)
	}
	return s
}

// semicolon7 is the separator "; " of a list in the minutes' own words,
// with the space French sets before the semicolon since md/7, html/8 and
// akn/7 (" ; "); as the renderers before wrote it (before7), "; ".
func semicolon7(l *i18n.Locale, before7 bool) string {
	if !before7 && l.Lang() == "fr" {
		return " ; "
	}
	return "; "
}
