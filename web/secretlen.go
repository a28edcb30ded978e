package web

import (
	"strings"

	"plenum/assembly"
)

// In a secret vote the hall's network must not learn the choice from how
// many bytes a delegate's phone sends and receives: TLS hides the bytes,
// not their number. So in a secret vote
//
//   - every choice is sent padded with spaces to the longest choice's
//     length (Sent: the ballot's buttons, the confirming form's a:choice);
//     the server drops them (Drafted, and formArgs, which trims every
//     argument). Ids are lower-case letters, digits, '-' and '_', which
//     a form sends as they are, and a space is sent as one '+', so the
//     padded values are as long on the wire too;
//   - the confirmation, which names the choice, is padded with spaces to
//     the length it has for the longest label (ConfirmPadding);
//   - what follows the confirmation (the command's answer, the receipt,
//     the page) names no choice, and the pages are not compressed.
//
// A roll call shows the choices as they are and is not padded.
// TestSecretBallotFlowSameLengthWhateverTheChoice drives the flow.

// padSent sets the value each choice of vt is sent as: padded in a
// secret vote, as it is otherwise.
func padSent(vt *assembly.Vote, cs []choice) []choice {
	width := 0
	if vt.Method == "secret" {
		for _, c := range cs {
			width = max(width, len(c.Value))
		}
	}
	for i := range cs {
		cs[i].Sent = cs[i].Value + strings.Repeat(" ", max(0, width-len(cs[i].Value)))
	}
	return cs
}

// SentChoice is the choice c of vt as the confirming form sends it.
func (v *view) SentChoice(vt *assembly.Vote, c string) string {
	for _, ch := range v.Choices(vt) {
		if ch.Value == c {
			return ch.Sent
		}
	}
	return c
}

// ConfirmPadding is the white space that makes the confirmation of the
// choice c in a secret vote vt as long as that of any other choice: the
// template writes the choice's label twice (upper case in the question,
// in the button's words), as HTML, isolated if it is a title written
// right to left (bdi, tr); "" in any other vote.
func (v *view) ConfirmPadding(vt *assembly.Vote, c string) string {
	if vt.Method != "secret" {
		return ""
	}
	longest, this := 0, 0
	for _, ch := range v.Choices(vt) {
		n := len(bdi(strings.ToUpper(ch.Label))) + len(tr(v.L, "web.d.confirm", bdi(ch.Label)))
		longest = max(longest, n)
		if ch.Value == c {
			this = n
		}
	}
	return strings.Repeat(" ", longest-this)
}
