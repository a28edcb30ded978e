package web

import (
	"html/template"
	"net/url"
	"strings"

	"plenum/assembly"
)

// Unapplied says, where a motion has carried amendments that change no
// lines (a text and no change) and none that changes its text, that the
// text the page shows does not include them: the vote on the motion
// carries its text as moved (docs/motions.md, "The resolution as
// carried"). Where another carried amendment changes the text, AmendedBy
// names them with the applied ones.
func (v *view) Unapplied(mo *assembly.Motion) template.HTML {
	if mo == nil || len(mo.Adopted) == 0 {
		return ""
	}
	_, applied, notApplied, err := v.S.AmendedText(mo.ID)
	if err != nil || len(applied) > 0 || len(notApplied) == 0 {
		return ""
	}
	return marked(v.L.T("web.am.unapplied", len(notApplied), v.amendmentNames(notApplied)))
}

func (s *stateView) Unapplied(mo *assembly.Motion) template.HTML { return s.v.Unapplied(mo) }

// longMotionBytes is the length of a motion's text (with its points)
// beyond which a delegate's page lists the motion by its title and a link
// to its page, not its whole text: every delegate's phone loads the
// page, a motion may hold 100,000 bytes.
const longMotionBytes = 2000

// LongMotion reports whether a motion's text is too long to stand whole
// on a delegate's page.
func (v *view) LongMotion(mo *assembly.Motion) bool {
	n := len(mo.Text)
	for _, p := range mo.Points {
		n += len(p.Text)
	}
	return n > longMotionBytes
}

func (s *stateView) LongMotion(mo *assembly.Motion) bool { return s.v.LongMotion(mo) }

// MotionWords is how many words a motion's text (with its points) has.
func (v *view) MotionWords(mo *assembly.Motion) int {
	n := len(strings.Fields(mo.Text))
	for _, p := range mo.Points {
		n += len(strings.Fields(p.Text))
	}
	return n
}

func (s *stateView) MotionWords(mo *assembly.Motion) int { return s.v.MotionWords(mo) }

// MotionPage is the address of a motion's page.
func (v *view) MotionPage(id string) string {
	return "/a/" + url.PathEscape(v.ID) + "/motions/" + url.PathEscape(id)
}

func (s *stateView) MotionPage(id string) string { return s.v.MotionPage(id) }
