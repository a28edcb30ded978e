package web

import (
	"plenum/internal/pdffont"
)

// MinutesPDFBoxes reports whether the PDF minutes would print some of
// the assembly's names as boxes: the assembly's, a person's, an
// organization's or a body's has a character the PDFs' font cannot
// print (pdffont.Missing: Arabic, Hebrew, Chinese, Devanagari…). The
// record page then points to the HTML minutes, which the browser prints
// with the device's fonts. The minutes' own output is not changed.
func (v *view) MinutesPDFBoxes() bool {
	if unprintable(v.S.Assembly.Name) {
		return true
	}
	for _, p := range v.S.Persons {
		if unprintable(p.Name) {
			return true
		}
	}
	for _, o := range v.S.Organizations {
		if unprintable(o.Name) {
			return true
		}
	}
	for _, b := range v.S.Bodies {
		if unprintable(b.Name) {
			return true
		}
	}
	return false
}

// unprintable reports whether the PDFs' font cannot print s in full: a
// look-up per character, and pdffont.Missing (which composes s first)
// only for a name with a character the font lacks as it stands.
func unprintable(s string) bool {
	for _, r := range s {
		if !pdffont.Prints(r) {
			return len(pdffont.Missing(s)) > 0
		}
	}
	return false
}
