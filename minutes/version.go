package minutes

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A document checked byte for byte (md, html, akn) states the version of
// the renderer that made it, its stamp: "md/1", and, when the exporting
// plenum said which it was, "md/1 plenum/v1.4.0". verify renders the
// record again only with the renderer of the stated version; a document
// of another version is not called forged, it is refused as one this
// plenum cannot compare (OtherRendererError).
//
// Each renderer's version (mdVersion, htmlVersion, aknVersion) is bumped
// whenever its bytes for the same log change: a word, a space, an escape,
// a translation of the words the minutes add, or what Build makes of the
// record. TestGolden guards it.

// unstampedVersion is the version of a document that states none: every
// document exported before plenum stamped its documents (December 2026)
// was rendered as version 1 renders, without the stamp.
const unstampedVersion = 1

// RendererVersion returns the version of this plenum's renderer of a
// format whose documents are checked byte for byte (md, html, akn), or 0
// for one that is not (pdf, popolo).
func RendererVersion(format string) int {
	switch format {
	case FormatMarkdown:
		return mdVersion
	case FormatHTML:
		return htmlVersion
	case FormatAKN:
		return aknVersion
	}
	return 0
}

// Stamp is the renderer a document states it was made by.
type Stamp struct {
	Format  string // md, html or akn
	Version int    // the renderer's version
	Plenum  string // the plenum that exported it, as it said of itself; "" if it did not. Not checked.
	Stated  bool   // false for a document that states no renderer (version 1, exported before the stamps)
}

// String names the renderer: "md/1".
func (s Stamp) String() string { return s.Format + "/" + strconv.Itoa(s.Version) }

// text is the stamp as a document writes it.
func (s Stamp) text() string {
	if s.Plenum != "" {
		return s.String() + " plenum/" + s.Plenum
	}
	return s.String()
}

// plenumVersion is a plenum version a stamp may state: letters, digits
// and . _ + -, as Go module versions and VCS revisions are written.
var plenumVersion = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$`)

// stampRenderer is the first word of a stamp: the format and the
// renderer's version, a whole number from 1 without leading zeros.
var stampRenderer = regexp.MustCompile(`^([a-z]+)/([1-9][0-9]{0,8})$`)

// BadStampError is a document whose stamp is not one plenum writes: it
// was altered.
type BadStampError struct {
	Format string // the document's format
	Text   string // the stamp as the document states it
}

func (e *BadStampError) Error() string {
	return fmt.Sprintf("the %s document states the renderer %q, which is not one plenum writes (%s/N)", e.Format, clip(e.Text), e.Format)
}

// Renderer is the renderer the document states: its stamp read, or
// version 1 when it states none. A stamp plenum does not write is a
// *BadStampError.
func (st Stated) Renderer() (Stamp, error) {
	if !st.Stamped {
		return Stamp{Format: st.Format, Version: unstampedVersion}, nil
	}
	bad := &BadStampError{Format: st.Format, Text: st.Stamp}
	words := strings.Split(st.Stamp, " ")
	m := stampRenderer.FindStringSubmatch(words[0])
	if m == nil || m[1] != st.Format {
		return Stamp{}, bad
	}
	v, err := strconv.Atoi(m[2])
	if err != nil {
		return Stamp{}, bad
	}
	s := Stamp{Format: st.Format, Version: v, Stated: true}
	// Words after the first that this plenum does not know are left for
	// the plenum of that version to judge; it does not write them, so
	// a document of its own version that has them differs from the
	// rendering.
	for _, w := range words[1:] {
		if p, ok := strings.CutPrefix(w, "plenum/"); ok && plenumVersion.MatchString(p) && s.Plenum == "" {
			s.Plenum = p
		}
	}
	return s, nil
}

// OtherRendererError is a document stated to be made by a renderer of
// another version than this plenum's: its bytes cannot be compared here.
type OtherRendererError struct {
	Stated  Stamp // what the document states (version 1 when it states none)
	Renders int   // the version this plenum renders
}

func (e *OtherRendererError) Error() string {
	return fmt.Sprintf("the document was rendered by %s and this plenum renders %s/%d", e.Stated, e.Stated.Format, e.Renders)
}

// ErrNotChecked is a format whose documents are not checked byte for byte.
var ErrNotChecked = errors.New("the format is not checked byte for byte")

// render is how a document is rendered: stamped (as every document
// since December 2026), or not (as the documents before).
type render struct {
	unstamped bool
	plenum    string // the plenum version the stamp states
	version   int    // the renderer version the stamp states; 0: this plenum's
}

// stampOf is the stamp d is rendered with in format, or nil for none.
func (d *Document) stampOf(format string) *Stamp {
	if d.render.unstamped {
		return nil
	}
	return &Stamp{Format: format, Version: d.rendersAs(format), Plenum: d.render.plenum, Stated: true}
}

// rendersAs is the version of format's renderer d is rendered as: this
// plenum's, or the earlier one RerenderEarlier renders it as. A renderer
// writes what does not depend on the record — a style sheet — as the
// version it renders as wrote it, so that such a change does not keep
// every document of an earlier version from rendering again.
func (d *Document) rendersAs(format string) int {
	if d.render.version != 0 {
		return d.render.version
	}
	return RendererVersion(format)
}

// RenderBy renders d as Render does, its stamp stating the plenum that
// renders it (a version such as "v1.4.0"; one with other characters than
// letters, digits and . _ + - is left out). The stamp's plenum version is
// what the exporter says of itself: a reader learns which plenum to ask
// for a document of another renderer version; it is not checked.
func RenderBy(d *Document, format, plenum string) ([]byte, error) {
	dd := *d
	if plenumVersion.MatchString(plenum) {
		dd.render.plenum = plenum
	}
	return Render(&dd, format)
}

// Rerender renders d as the document that stated st must read, for
// checking it byte for byte: with its stamp (and the plenum version the
// stamp states), or without one for a document from before the stamps.
// A document of another renderer version than this plenum's is an
// *OtherRendererError, one whose stamp plenum does not write a
// *BadStampError, one of a format not checked byte for byte
// ErrNotChecked.
func Rerender(d *Document, st Stated) ([]byte, error) {
	return rerender(d, st, func(stated, ours int) bool { return stated == ours })
}

// RerenderEarlier renders d with this plenum's renderer as the document
// that stated st, of an earlier renderer version, reads if the two
// renderers agree on it: with the stamp it states, or none. Renderers of
// two versions differ only where a change touched them (docs/minutes.md
// lists what each version changed), so most documents of an earlier
// version are these bytes exactly, and such a document is exactly the
// record's minutes, whichever renderer made it. One that differs may
// still be its version's honest rendering, which only a plenum of that
// version can tell: the caller reports it as of another renderer. A
// document of this plenum's version or a later one is an
// *OtherRendererError (Rerender renders this plenum's own).
func RerenderEarlier(d *Document, st Stated) ([]byte, error) {
	return rerender(d, st, func(stated, ours int) bool { return stated < ours })
}

// rerender renders d stamped as st states, if takes the stated version
// given this plenum's, else refuses it as of another renderer.
func rerender(d *Document, st Stated, takes func(stated, ours int) bool) ([]byte, error) {
	ours := RendererVersion(st.Format)
	if ours == 0 {
		return nil, ErrNotChecked
	}
	s, err := st.Renderer()
	if err != nil {
		return nil, err
	}
	if !takes(s.Version, ours) {
		return nil, &OtherRendererError{Stated: s, Renders: ours}
	}
	dd := *d
	dd.render = render{unstamped: !s.Stated, plenum: s.Plenum}
	if s.Version != ours {
		dd.render.version = s.Version
	}
	return Render(&dd, st.Format)
}

// mendedSince is, for each renderer, the version that mends what a
// historian reading the minutes found (docs/minutes.md, "Renderer
// versions"): the clause after "Result:" and "Reason:" as the reader
// reads it, not capitalised; the record outside any sitting under
// headings that say what it is; the lines an amendment changes in the
// document's language.
var mendedSince = map[string]int{FormatMarkdown: 6, FormatHTML: 7, FormatAKN: 6}

// asBefore reports whether d is rendered in format as a renderer before
// mendedSince did, so that a document of that version renders again
// byte for byte.
func (d *Document) asBefore(format string) bool {
	return d.rendersAs(format) < mendedSince[format]
}

// namedSince is, for each renderer, the version that gives what the chair
// and the historian found the minutes left out (docs/minutes.md,
// "Renderer versions"): a turn on the floor without notes ("Anna spoke."),
// those still on the list when the discussion was closed, the mandate
// commission, why an amendment was overtaken in the document's language,
// the French space before the colon of the checkpoint's labels and of a
// speaker's name, the French elision before a name ("d'Ivy Chen"), a
// carried amendment that changes no lines named as not applied
// (unapplied.go).
var namedSince = map[string]int{FormatMarkdown: 7, FormatHTML: 8, FormatAKN: 7}

// before7 reports whether d is rendered in format as a renderer before
// namedSince did (md/6, html/7, akn/6 and earlier), so that a document
// of that version renders again byte for byte.
func (d *Document) before7(format string) bool {
	return d.rendersAs(format) < namedSince[format]
}

// spokenSince is, for each renderer, the version that gives what the
// minutes said nothing of or said in the French typography of before
// (docs/minutes.md, "Renderer versions"): the speaking time set in a
// sitting and the speaking time allotted to a name with a comma in the
// document's language (speakingtime.go); the French space before the
// semicolon of the venues, an election's count, a change of the
// presidium and who read and adopted a document, and before the colon of
// a rejected mandate participating personally; and the one outcome form
// of a French result declared without a count or worked out by plenum
// ("proclamé adopté" beside "Adopté."); the names of a vote by name in
// the alphabetical order of the document's language, two persons of
// one name told apart as their mandate cards tell them ("n.º 0200"),
// and the Spanish outcome in the form its arithmetic ends in
// ("Aprobada." beside "; aprobada").
var spokenSince = map[string]int{FormatMarkdown: 8, FormatHTML: 9, FormatAKN: 8}

// before8 reports whether d is rendered in format as a renderer before
// spokenSince did (md/7, html/8, akn/7 and earlier), so that a document
// of that version renders again byte for byte.
func (d *Document) before8(format string) bool {
	return d.rendersAs(format) < spokenSince[format]
}

// toldSince is, for each renderer, the version that tells two persons of
// one name apart where md/8, html/9 and akn/8 still named them alike
// (docs/minutes.md, "Renderer versions"): who recorded a correction or
// struck an entry out, the speaker whose notes a correction or a strike
// is of, and the supporters of a submitted motion; and the names of a
// vote by name in a paragraph for each choice, and one for those who did
// not vote, where the versions before gave them in one.
var toldSince = map[string]int{FormatMarkdown: 9, FormatHTML: 10, FormatAKN: 9}

// before9 reports whether d is rendered in format as a renderer before
// toldSince did (md/8, html/9, akn/8 and earlier), so that a document of
// that version renders again byte for byte.
func (d *Document) before9(format string) bool {
	return d.rendersAs(format) < toldSince[format]
}

// readSince is, for each renderer, the version that mends what a
// historian reading the 1917 minutes found md/9, html/10 and akn/9 left
// undated or unclear (docs/minutes.md, "Renderer versions"): a correction
// or a strike recorded after its sitting was closed, which the minutes
// give under "Notes on the record", says so and the day it was recorded;
// an organization's note in the list of delegates follows its name, not
// its last delegate; a document whose title names who adopted it does not
// say it again.
var readSince = map[string]int{FormatMarkdown: 10, FormatHTML: 11, FormatAKN: 10}

// before10 reports whether d is rendered in format as a renderer before
// readSince did (md/9, html/10, akn/9 and earlier), so that a document of
// that version renders again byte for byte.
func (d *Document) before10(format string) bool {
	return d.rendersAs(format) < readSince[format]
}

// agendaSince is, for each renderer, the version that mends what
// reviewers reading the 1917 minutes found md/10, html/11 and akn/10 gave
// short or in no order (docs/minutes.md, "Renderer versions"): the order
// of the day of a sitting gives each item's number as the agenda does,
// and the items of the agenda never taken up are listed as such; an
// election's count lists the candidates by their votes, most first, and
// those elected by lists are named by list, then in the order of their
// list; a departure from the hall or a return where the record names
// everyone names them without counting them; a document read into the
// record is introduced without a full stop, as one with who read it or
// adopted it was; the HTML contents date each sitting and list the
// sections outside the sittings.
var agendaSince = map[string]int{FormatMarkdown: 11, FormatHTML: 12, FormatAKN: 11}

// before11 reports whether d is rendered in format as a renderer before
// agendaSince did (md/10, html/11, akn/10 and earlier), so that a
// document of that version renders again byte for byte.
func (d *Document) before11(format string) bool {
	return d.rendersAs(format) < agendaSince[format]
}
