package web_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestCorrectionFormHoldsTheEntry: the "correct" link beside an entry
// brings the secretary to the correction form (its text field, focused)
// with the entry named above it and its text as it reads now in the field
// — a speech's notes, or, once corrected, its latest correction — so that
// a typo is mended by editing, not by typing the speech again. An entry
// of a count, which correct_record refuses, is not filled in.
func TestCorrectionFormHoldsTheEntry(t *testing.T) {
	h := newHall(t)
	h.must("sec", "record_speech", obj{"id": "sp1", "item": "i1", "speaker": "anna", "notes": "Moves the budget; the treasurer's report is apended."})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	entry := func(kind string) int {
		return read(h, func(s *assembly.State) int {
			for _, r := range s.Record {
				if r.Kind == kind {
					return r.Entry
				}
			}
			return -1
		})
	}
	speech := entry("speech_recorded")
	sec := h.browser("sec")
	_, list, _ := sec.get("/a/" + asm + "/secretary")
	link := fmt.Sprintf(`/a/%s/secretary?entry=%d#co-text`, asm, speech)
	if !strings.Contains(list, link) {
		t.Fatalf("the speech's correct link %s is not on the page", link)
	}
	_, body, _ := sec.get(fmt.Sprintf("/a/%s/secretary?entry=%d", asm, speech))
	field := `name="a:text" rows="6" required aria-describedby="co-of" autofocus>Moves the budget; the treasurer` + html.EscapeString("'") + `s report is apended.</textarea>`
	if !strings.Contains(body, field) {
		t.Errorf("the correction form does not hold the speech's notes, focused: want %s", field)
	}
	if !strings.Contains(body, fmt.Sprintf("Correcting entry %d:", speech)) {
		t.Error("the correction form does not name the entry it corrects")
	}

	h.must("sec", "correct_record", obj{"entry": speech, "text": "Moves the budget; the treasurer's report is appended.", "reason": "typo"})
	_, body, _ = sec.get(fmt.Sprintf("/a/%s/secretary?entry=%d", asm, speech))
	if !strings.Contains(body, `autofocus>Moves the budget; the treasurer`+html.EscapeString("'")+`s report is appended.</textarea>`) {
		t.Error("a corrected entry's form does not hold its latest correction")
	}

	_, body, _ = sec.get(fmt.Sprintf("/a/%s/secretary?entry=%d", asm, entry("vote_opened")))
	if strings.Contains(body, "Correcting entry") || strings.Contains(body, "autofocus>") {
		t.Error("the correction form is filled with an entry of a count, which correct_record refuses")
	}
}

// TestSecretaryLineIsATextarea: a line of the minutes (record_narrative)
// runs to several sentences and bracketed asides: its field is a
// textarea, not a one-line input.
func TestSecretaryLineIsATextarea(t *testing.T) {
	h := newHall(t)
	_, body, _ := h.browser("sec").get("/a/" + asm + "/secretary")
	if !strings.Contains(body, `<textarea id="na-text" name="a:text"`) {
		t.Error("the line of the minutes is not a textarea")
	}
}

// TestSecretaryResultNamesItsVote: in the secretary's list of the latest
// entries a result names the question put to the vote, which its count
// alone does not.
func TestSecretaryResultNamesItsVote(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "enter_count", obj{"vote": "v1", "for": 2, "against": 1})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	_, body, _ := h.browser("sec").get("/a/" + asm + "/secretary")
	if want := "Result on “Adopt the budget”: "; !strings.Contains(html.UnescapeString(body), want) {
		t.Errorf("the result does not name its vote: want %q", want)
	}
}

// TestSpeechFormNamesTheFloorTurns: the speech form lists the current
// item's floor turns ("Anna … had the floor 10:41–10:48"), and notes
// sent with one are recorded as that turn's (record_speech's floor), for
// the minutes to put them there and not after the vote that followed.
func TestSpeechFormNamesTheFloorTurns(t *testing.T) {
	h := newHall(t)
	h.must("chair", "give_floor", obj{"item": "i1", "person": "anna"})
	h.must("chair", "end_speech", obj{"item": "i1"})
	turn := floorTurnOf(h, "anna")
	sec := h.browser("sec")
	_, body, _ := sec.get("/a/" + asm + "/secretary")
	name := read(h, func(s *assembly.State) string { return s.Persons["anna"].Name })
	if !strings.Contains(body, fmt.Sprintf(`<option value="%d" data-pick="anna" data-pick-label="%s — The members">%s had the floor `, turn, name, name)) {
		t.Fatalf("the speech form does not offer %s's floor turn (entry %d)", name, turn)
	}
	resp := sec.act("secretary", "record_speech", url.Values{"new:id": {"sp"}, "a:item": {"i1"}, "a:speaker": {"anna"}, "a:notes": {"Written up after the vote."}, "a:floor:int": {fmt.Sprint(turn)}})
	if resp.StatusCode >= 400 {
		t.Fatalf("record_speech with its floor turn: %s", resp.Status)
	}
	if got := read(h, func(s *assembly.State) int { return s.Speeches[s.Record[len(s.Record)-1].Ref].Floor }); got != turn {
		t.Errorf("the speech is recorded for the turn %d, want %d", got, turn)
	}
}

// TestSpeechForAnotherSpeakersTurn: the speech form, without its script,
// names each floor turn's speaker in the list of turns; notes sent with
// a turn given to one person and the speaker picker on another (the
// picker starts on whoever has the floor now) are refused with both
// named, the turn's speaker and the one chosen, and what to do; nothing
// is recorded, and the form comes back as it was sent (its notes typed at
// length). Leaving the speaker unnamed gives the turn's.
func TestSpeechForAnotherSpeakersTurn(t *testing.T) {
	h := newHall(t)
	h.must("chair", "give_floor", obj{"item": "i1", "person": "anna"})
	h.must("chair", "end_speech", obj{"item": "i1"})
	turn := floorTurnOf(h, "anna")
	h.must("chair", "give_floor", obj{"item": "i1", "person": "boris"})
	anna := read(h, func(s *assembly.State) string { return s.Persons["anna"].Name })
	boris := read(h, func(s *assembly.State) string { return s.Persons["boris"].Name })
	sec := h.browser("sec")
	_, body, _ := sec.get("/a/" + asm + "/secretary")
	if !regexp.MustCompile(fmt.Sprintf(`<option value="%d" data-pick="anna" data-pick-label="%s — [^"<]+">%s had the floor `, turn, anna, anna)).MatchString(body) {
		t.Fatalf("the turn list does not name the turn's speaker, nor say whom the turn chooses:\n%s", body)
	}
	speeches := func() int { return read(h, func(s *assembly.State) int { return len(s.Speeches) }) }
	before := speeches()
	// send sends the notes with Anna's turn and Boris as the speaker,
	// from the page in the language of header, without the script: the
	// answer is the page again, with the refusal and the form as sent.
	send := func(header http.Header) (*http.Response, string) {
		t.Helper()
		_, page := sec.getWith("/a/"+asm+"/secretary", header)
		return sec.postHeader("/a/"+asm+"/act", url.Values{"csrf": {csrfRe.FindStringSubmatch(page)[1]}, "cmd": {"record_speech"}, "back": {"/a/" + asm + "/secretary"},
			"new:id": {"sp"}, "a:item": {"i1"}, "a:speaker": {"boris"}, "a:label": {""}, "a:capacity": {"reporter"}, "a:notes": {"Written up after the vote."},
			"a:floor:int": {fmt.Sprint(turn)}, "a:continues:bool": {"1"}}, header)
	}
	resp, body := send(nil)
	want := fmt.Sprintf("Refused: The floor turn chosen (entry %d) was given to %s, but the speaker chosen is %s: choose the turn's speaker, leave the speaker unnamed, or choose another turn.", turn, anna, boris)
	if msg := html.UnescapeString(flashOf(body)); resp.StatusCode != http.StatusConflict || msg != want {
		t.Errorf("the refusal: %s\n%s\nwant\n%s", resp.Status, msg, want)
	}
	if speeches() != before {
		t.Error("the refused notes were recorded")
	}
	// The form comes back as sent: the notes are not typed again.
	for _, kept := range []string{`required>Written up after the vote.</textarea>`, `<option value="boris" selected>`, `<option value="reporter" selected>`,
		fmt.Sprintf(`<option value="%d" data-pick="anna" data-pick-label="%s — The members" selected>`, turn, anna), `name="a:continues:bool" value="1" checked>`} {
		if !strings.Contains(body, kept) {
			t.Errorf("the refused form does not come back with %s", kept)
		}
	}
	// In German too.
	_, body = send(http.Header{"Cookie": {"plenum_lang=de"}})
	if msg := html.UnescapeString(flashOf(body)); !strings.Contains(msg, fmt.Sprintf("Abgelehnt: Der gewählte Redebeitrag (Eintrag %d) wurde %s erteilt, als Redner ist aber %s gewählt", turn, anna, boris)) {
		t.Errorf("the refusal in German: %s", msg)
	}
	sec.act("secretary", "record_speech", url.Values{"new:id": {"sp"}, "a:item": {"i1"}, "a:notes": {"Written up after the vote."}, "a:floor:int": {fmt.Sprint(turn)}})
	if got := read(h, func(s *assembly.State) string { return s.Speeches[s.Record[len(s.Record)-1].Ref].Speaker }); got != "anna" {
		t.Errorf("notes with the turn and no speaker are %q's, want anna's", got)
	}
}

// floorTurnOf is the entry of person's first floor turn (floor_given),
// -1 if they had none.
func floorTurnOf(h *hall, person string) int {
	return read(h, func(s *assembly.State) int {
		for _, r := range s.Record {
			if r.Kind == "floor_given" && r.Person == person {
				return r.Entry
			}
		}
		return -1
	})
}

// TestSpeechCapacityDuringAReport: while the reporter has the floor for
// the report, the secretary's speech form proposes the capacity
// "reporter" (the minutes then say "(reporter)"); during a speech it
// proposes none. It proposed "—" during the report.
func TestSpeechCapacityDuringAReport(t *testing.T) {
	h := newHall(t)
	h.must("chair", "add_item", obj{"id": "i2", "title": "The accounts", "reporters": []string{"anna"}})
	h.must("chair", "take_up_item", obj{"item": "i2"})
	h.must("chair", "give_floor", obj{"item": "i2", "person": "anna"})
	sec := h.browser("sec")
	_, body, _ := sec.get("/a/" + asm + "/secretary")
	if !strings.Contains(body, `<option value="reporter" selected>`) {
		t.Errorf("during the report the speech form does not propose the reporter's capacity:\n%s", body)
	}
	h.must("chair", "end_speech", obj{"item": "i2"})
	h.must("chair", "give_floor", obj{"item": "i2", "person": "boris"})
	_, body, _ = sec.get("/a/" + asm + "/secretary")
	if strings.Contains(body, `" selected>`+"Reporter") || strings.Contains(body, `<option value="reporter" selected>`) {
		t.Errorf("during a delegate's speech the form proposes the reporter's capacity")
	}
}

// TestSecretaryReachesTheHall: the secretary's page links to the hall
// tab, where those leaving and returning are recorded, and the tab
// serves the secretary as such: a way back to the secretariat, not the
// chair's tabs under "you are not the chair".
func TestSecretaryReachesTheHall(t *testing.T) {
	h := newHall(t)
	sec := h.browser("sec")
	_, body, _ := sec.get("/a/" + asm + "/secretary")
	if !strings.Contains(body, `<a href="/a/`+asm+`/chair/hall">`) {
		t.Fatalf("the secretary's page has no link to the hall tab")
	}
	code, hall, _ := sec.get("/a/" + asm + "/chair/hall")
	if code != 200 || !strings.Contains(hall, `<a href="/a/`+asm+`/secretary">`) || strings.Contains(hall, `role="alert"`) {
		t.Errorf("the hall tab for the secretary: %d, no way back to the secretariat, or an alert:\n%s", code, hall)
	}
	if len(actForms(hall, "leave_hall")) != 1 || len(actForms(hall, "return_to_hall")) != 1 {
		t.Errorf("the hall tab does not give the secretary the forms of leaving and returning")
	}
	if resp := sec.act("chair/hall", "leave_hall", url.Values{"a:persons:list": {"boris"}}); resp.StatusCode != 303 {
		t.Errorf("the secretary records boris leaving the hall from the tab: %d", resp.StatusCode)
	}
}
