package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestProjectorSaysTheAmendmentIsNotInTheText: during the vote on a motion
// whose carried amendment changes no lines (stated in words only), the
// projector says, before the text it shows, that the text does not
// include it, as the delegate's phone says (review 41, H1: the hall read
// the text as moved with no word of the amendment carried). Where another
// carried amendment changes lines, the projector shows the text as
// amended and still says which carried amendment is not in it, once.
func TestProjectorSaysTheAmendmentIsNotInTheText(t *testing.T) {
	const said = "The carried amendment “Say it with regret” changes no lines: the text below does not include it."
	h := unappliedHall(t)
	h.must("chair", "open_vote", obj{"id": "vw", "motion": "w", "method": "secret"})
	_, proj, _ := h.browser("").get("/a/" + asm + "/projector")
	vote := between(proj, `<div class="proj-vote">`, `<p class="proj-count">`)
	note := between(vote, `<p class="proj-unapplied" role="note">`, `</p>`)
	if !strings.Contains(note, said) {
		t.Errorf("the projector does not say the carried amendment is not in the text:\n%s", vote)
	}
	if at, text := strings.Index(vote, "proj-unapplied"), strings.Index(vote, `class="proj-text"`); text < 0 || at > text {
		t.Errorf("the note is not before the text it speaks of:\n%s", vote)
	}
	_, phone, _ := h.browser("anna").get("/a/" + asm + "/delegate")
	if !strings.Contains(phone, said) {
		t.Errorf("the phone no longer says what the projector says:\n%s", between(phone, `<section id="motions"`, `</section>`))
	}

	// A line change carried as well: the text as amended, and the note.
	h = unappliedHall(t)
	h.must("anna", "move_motion", obj{"id": "w-a", "kind": "amendment", "amends": "w", "title": "Amendment of comrade Sevruk (point 2)",
		"change": obj{"paragraph": 3, "text": "2. The conference rejects every support of the war by the party and " + warNew + "."}, "item": "i1"})
	h.must("chair", "open_vote", obj{"id": "v-w-a", "motion": "w-a", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v-w-a"})
	h.must("chair", "enter_count", obj{"vote": "v-w-a", "for": 3, "against": 0})
	h.must("chair", "declare_result", obj{"vote": "v-w-a"})
	h.must("chair", "open_vote", obj{"id": "vw", "motion": "w", "method": "secret"})
	_, proj, _ = h.browser("").get("/a/" + asm + "/projector")
	vote = between(proj, `<div class="proj-vote">`, `<p class="proj-count">`)
	if !strings.Contains(between(vote, `<span class="changed">`, `</span>`), warNew) || strings.Contains(vote, warOld) {
		t.Errorf("the projector does not show the text as amended by the line change:\n%s", vote)
	}
	if !strings.Contains(between(vote, `<p class="proj-unapplied" role="note">`, `</p>`), said) || strings.Contains(vote, "state their change in words") {
		t.Errorf("the projector does not say (once) that the amendment in words is not in the text:\n%s", vote)
	}

	// A motion with no such amendment has no note.
	h = amendedHall(t)
	h.must("chair", "open_vote", obj{"id": "vw", "motion": "w", "method": "secret"})
	if _, proj, _ = h.browser("").get("/a/" + asm + "/projector"); strings.Contains(proj, "proj-unapplied") {
		t.Errorf("the projector says an amendment is not in the text where all are:\n%s", between(proj, `<div class="proj-vote">`, `<p class="proj-count">`))
	}
}

// TestChairMotionFormSaysAmendmentsInWordsStayOut: the chair's form to
// enter a motion says, beside "Amends", that an amendment entered there is
// never worked into the motion's text, and points to the motion's page,
// where lines are changed (review 41, H1).
func TestChairMotionFormSaysAmendmentsInWordsStayOut(t *testing.T) {
	h := newHall(t)
	for _, lang := range []string{"en", "de"} {
		_, console := h.browser("chair").getWith("/a/"+asm+"/chair", http.Header{"Accept-Language": {lang}})
		form := between(console, `<section id="motion-forms"`, `</section>`)
		note := between(form, `<p id="m-amends-note"`, `</p>`)
		want := map[string][]string{
			"en": {"never worked into the motion&#39;s text", `href="/a/coop/motions"`, "“Change lines”"},
			"de": {"nie in den Text des Antrags eingearbeitet", `href="/a/coop/motions"`, "„Zeilen ändern“"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(note, w) {
				t.Errorf("%s: the motion form's note beside Amends lacks %q:\n%s", lang, w, form)
			}
		}
		if !strings.Contains(form, `aria-describedby="m-amends-note"`) || strings.Index(form, `id="m-amends"`) > strings.Index(form, `id="m-amends-note"`) {
			t.Errorf("%s: the note is not beside the Amends field:\n%s", lang, form)
		}
	}
}

// sevenCandidates opens election e1 of five seats by method (extra
// arguments of open_election in more) for seven candidates, the seventh
// "Gregor Seventh".
func sevenCandidates(t *testing.T, h *hall, method string, more obj) []string {
	t.Helper()
	var ids []string
	for i, n := range []string{"Ada First", "Bea Second", "Cai Third", "Dora Fourth", "Emil Fifth", "Fritz Sixth", "Gregor Seventh"} {
		id := fmt.Sprintf("c%d", i+1)
		h.must("admin", "add_person", obj{"id": id, "name": n})
		ids = append(ids, id)
	}
	o := obj{"id": "e1", "title": "The motions committee", "seats": 5, "method": method, "candidates": ids}
	for k, v := range more {
		o[k] = v
	}
	h.must("chair", "open_election", o)
	return ids
}

// TestProjectorElectionCountByMethod: after an approval election the
// projector heads its count "Approvals", not "First preferences" (an
// approval ballot has no preferences), after a plurality election
// "Votes", and shows every one of seven candidates' counts, not six and
// "and 1 more" (review 41, M2); while an election is open it says how
// many seats there are and how many names a ballot marks.
func TestProjectorElectionCountByMethod(t *testing.T) {
	for _, c := range []struct {
		method, heading string
		more            obj
		marks           string
	}{
		{"approval", "Approvals", nil, "5 seats · each ballot marks any number of names"},
		{"approval", "Approvals", obj{"approvals": 5}, "5 seats · each ballot marks up to 5 names"},
		{"plurality", "Votes", nil, "5 seats · each ballot marks up to 5 names"},
	} {
		t.Run(fmt.Sprintf("%s-%d", c.method, len(c.more)), func(t *testing.T) {
			h := newHall(t)
			ids := sevenCandidates(t, h, c.method, c.more)
			_, proj, _ := h.browser("").get("/a/" + asm + "/projector")
			if open := between(proj, `<div class="proj-vote">`, `<p class="proj-count">`); !strings.Contains(open, `<p class="proj-method proj-seats">`+c.marks+`</p>`) {
				t.Errorf("the open election does not say %q:\n%s", c.marks, open)
			}
			for i, d := range delegates {
				h.must(d, "cast_election_ballot", obj{"election": "e1", "voter": d, "approve": ids[i : i+5]})
			}
			h.must("chair", "close_election", obj{"election": "e1"})
			h.must("chair", "declare_election", obj{"election": "e1"})
			_, proj, _ = h.browser("").get("/a/" + asm + "/projector")
			elected := between(proj, `<div class="proj-elected">`, `</ul>`)
			if !strings.Contains(elected, `<p class="label">`+c.heading+`</p>`) || strings.Contains(elected, "First preferences") {
				t.Errorf("the count is not headed %q:\n%s", c.heading, elected)
			}
			prefs := between(proj, `<ul class="proj-prefs">`, `</ul>`)
			for _, n := range []string{"Ada First", "Bea Second", "Cai Third", "Dora Fourth", "Emil Fifth", "Fritz Sixth", "Gregor Seventh"} {
				if !strings.Contains(prefs, n) {
					t.Errorf("the count does not name %s:\n%s", n, prefs)
				}
			}
			if strings.Contains(between(proj, `<div class="proj-elected">`, `</div>`), "more") {
				t.Errorf("the projector folds candidates of a seven-name election:\n%s", elected)
			}
		})
	}
}
