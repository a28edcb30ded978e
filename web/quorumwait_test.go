package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestQuorumWaitSaidBeforeTheVote: in a sitting that records attendance,
// while fewer members with a vote are registered present than the quorum
// the rules set, a vote is refused (open_vote); the form that starts
// recording attendance (on the mandates page and the chair's hall tab)
// says so with the numbers now, in the page's language, and once it is
// recorded so does the console beside each form that puts a question to
// the vote, before the chair tries. Before attendance is recorded no
// quorum is counted and the console warns of none; once the quorum is
// there, neither says it.
func TestQuorumWaitSaidBeforeTheVote(t *testing.T) {
	h := quorumShortHall(t)

	const until = "Votes will be refused until 2 of the 3 members with a vote are registered present; 1 is now."
	mc, chair := h.browser("mc"), h.browser("chair")
	_, body, _ := mc.get("/a/coop/mandates")
	if f := formText(body, "record-attendance"); !strings.Contains(f, until) {
		t.Errorf("the form that starts recording attendance does not say a vote waits for the quorum:\n%s", f)
	}
	_, hall, _ := chair.get("/a/coop/chair/hall")
	if f := formText(hall, "record-attendance"); !strings.Contains(f, until) {
		t.Errorf("the hall tab's form that starts recording attendance does not say a vote waits for the quorum:\n%s", f)
	}
	for lang, want := range map[string]string{
		"de": "Abstimmungen werden abgelehnt, bis 2 der 3 stimmberechtigten Mitglieder als anwesend registriert sind; derzeit ist es 1.",
		"ru": "Голосования будут отклоняться, пока не будут зарегистрированы присутствующими 2 из 3 членов с правом голоса; сейчас их 1.",
		"fr": "Les votes seront refusés tant que 2 des 3 membres votants ne seront pas enregistrés présents ; il y en a 1 actuellement.",
		"es": "Las votaciones se rechazarán hasta que 2 de los 3 miembros con voto estén registrados como presentes; ahora hay 1.",
	} {
		_, page := mc.getWith("/a/coop/mandates", http.Header{"Cookie": {"plenum_lang=" + lang}})
		if !strings.Contains(html.UnescapeString(page), want) {
			t.Errorf("%s: the mandates page does not say %q", lang, want)
		}
	}

	// The sitting does not record attendance: no quorum is counted, and
	// the console warns of none.
	_, console, _ := chair.get("/a/coop/chair")
	if strings.Contains(console, "Votes will be refused") {
		t.Errorf("in a sitting that does not record attendance the console says votes will be refused")
	}

	// Attendance recorded, the quorum short: the one-click act and the
	// question's form, each with why it would be refused; and it would be.
	h.must("mc", "record_attendance", obj{})
	_, console, _ = chair.get("/a/coop/chair")
	now, question := section(console, "now"), section(console, "question")
	if !strings.Contains(now, `name="cmd" value="open_vote"`) || !strings.Contains(now, until) {
		t.Errorf("the console's next act puts the question to the vote without saying it will be refused:\n%s", now)
	}
	if !strings.Contains(question, `name="cmd" value="open_vote"`) || !strings.Contains(question, until) {
		t.Errorf("the console's question card puts it to the vote without saying it will be refused:\n%s", question)
	}
	_, _, flash := chair.form("/a/coop/chair", "/a/coop/act", url.Values{"cmd": {"open_vote"}, "back": {"/a/coop/chair"}, "new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"show_of_hands"}})
	if !strings.Contains(html.UnescapeString(flash), "no quorum") {
		t.Errorf("the vote the console warned of was not refused for want of a quorum: %q", flash)
	}
	// Enough registered present: nothing to say, and the vote opens.
	h.must("mc", "check_in", obj{"person": "boris"})
	_, console, _ = chair.get("/a/coop/chair")
	if strings.Contains(console, "Votes will be refused") {
		t.Errorf("with the quorum present the console still says votes will be refused")
	}
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
}

// quorumShortHall is newHall with a quorum of a majority of the members
// (2 of 3) and a second sitting, opened without recording attendance,
// in which 1 is registered present, the budget (m1) in order.
func quorumShortHall(t *testing.T) *hall {
	h := newHall(t)
	h.must("admin", "set_rules", obj{"overrides": obj{"quorum": "majority_of_members"}})
	h.must("chair", "close_sitting", obj{"sitting": "s1"})
	h.must("chair", "open_sitting", obj{"id": "s2", "title": "Second sitting", "date": "2026-05-10", "chair": "chair", "secretaries": []string{"sec"}, "attendance_recorded": false})
	h.must("chair", "take_up_item", obj{"item": "i1"})
	h.must("mc", "check_out", obj{"person": "anna"})
	h.must("mc", "check_out", obj{"person": "boris"})
	return h
}

// formText is the form with the id given, "" if the page has none.
func formText(body, id string) string { return part(body, `id="`+id+`"`, "</form>") }

// section is the section with the id given, "" if the page has none.
func section(body, id string) string { return part(body, `<section id="`+id+`"`, "</section>") }

// part is body from start to the first end after it (or to its end), ""
// without start.
func part(body, start, end string) string {
	i := strings.Index(body, start)
	if i < 0 {
		return ""
	}
	if j := strings.Index(body[i:], end); j >= 0 {
		return body[i : i+j]
	}
	return body[i:]
}
