package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/assembly"
)

// TestBrowserSecretarySpeakerListAfterASpeech: the secretary searches the
// speaker's list, records the speech, and the form, sent and reset, shows
// the whole list again under its emptied search — not the one name the
// last search found ("Found: 1") — and the next speech is recorded for
// the one then chosen. The "correct" link brings the secretary to the
// correction form with the speech's notes in it, focused.
func TestBrowserSecretarySpeakerListAfterASpeech(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes[:2] {
		t.Run(sz.name, func(t *testing.T) {
			h := spokenHall(t)
			s := newSession(t, h)
			sec := s.open("sec", sz.w, sz.h, "/a/coop/secretary")
			search := `#speech-form .picker-search`
			s.run(sec, "search the speaker", chromedp.SendKeys(search, "speaker 3"))
			s.until(sec, "one found", contains("#speech-form .picker-count", "Found: 1"))
			s.run(sec, "write the notes", chromedp.SendKeys(`#sp-notes`, "Asks that the budget be printed."))
			s.shotView(sec, sz.name+"-secretary-speech-form")
			s.click(sec, "#speech-form button[type=submit]")
			s.until(sec, "recorded", contains("#flash", "recorded"))
			s.until(sec, "the list is whole again", `document.querySelector("#speech-form .picker-count").textContent === "" && document.querySelector("#sp-speaker").size === 0 && document.querySelector("#sp-speaker").options.length > 8 && document.querySelector("#sp-speaker").value === ""`)
			s.notReloaded(sec)
			s.shot(sec, sz.name+"-secretary-recorded")
			if got := read(h, func(st *assembly.State) string { return st.Speeches[st.Record[len(st.Record)-1].Ref].Speaker }); got != "g3" {
				t.Errorf("the speech is recorded for %q, want g3", got)
			}

			entry := read(h, func(st *assembly.State) int { return st.Record[len(st.Record)-1].Entry })
			s.click(sec, fmt.Sprintf(`#sec-record a[href$="?entry=%d#co-text"]`, entry))
			s.until(sec, "the correction form holds the notes", `document.activeElement && document.activeElement.id === "co-text" && document.activeElement.value === "Asks that the budget be printed."`)
			s.shotView(sec, sz.name+"-secretary-correcting-view")
			s.shot(sec, sz.name+"-secretary-correcting")
		})
	}
}

// TestBrowserFloorTurnChoosesItsSpeaker: the speaker picker starts on
// whoever has the floor now (Boris); the secretary, writing up an earlier
// speech, chooses Anna's floor turn, and the picker chooses Anna — also
// when a search has narrowed the picker to names that are not hers: the
// search is emptied, the list whole again with Anna in it once — and the
// notes are recorded as Anna's, for her turn, not refused.
func TestBrowserFloorTurnChoosesItsSpeaker(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes[:2] {
		t.Run(sz.name, func(t *testing.T) {
			h := spokenHall(t)
			turn := floorTurnOf(h, "anna")
			h.must("chair", "give_floor", obj{"item": "i1", "person": "boris"})
			s := newSession(t, h)
			sec := s.open("sec", sz.w, sz.h, "/a/coop/secretary")
			s.until(sec, "the picker starts on Boris", `document.querySelector("#sp-speaker").value === "boris"`)
			s.run(sec, "search the speaker", chromedp.SendKeys(`#speech-form .picker-search`, "speaker 3"))
			s.until(sec, "one found", contains("#speech-form .picker-count", "Found: 1"))
			s.run(sec, "choose Anna's turn", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(function () {
					var f = document.querySelector("#sp-floor");
					f.value = "%d";
					f.dispatchEvent(new Event("change", { bubbles: true }));
					return true;
				})()`, turn))(ctx, t)
				return err
			}))
			s.until(sec, "the picker chooses Anna, its search emptied", `document.querySelector("#sp-speaker").value === "anna" && document.querySelector("#sp-speaker").selectedOptions[0].textContent.indexOf("Anna") === 0 &&
				document.querySelector("#speech-form .picker-search").value === "" && document.querySelector("#sp-speaker").options.length > 8 &&
				Array.prototype.filter.call(document.querySelector("#sp-speaker").options, function (o) { return o.value === "anna"; }).length === 1`)
			s.run(sec, "write the notes", chromedp.SendKeys(`#sp-notes`, "Spoke for the budget; written up after the vote."))
			s.shotView(sec, sz.name+"-secretary-turn-chosen")
			s.click(sec, "#speech-form button[type=submit]")
			s.until(sec, "recorded", contains("#flash", "recorded"))
			s.shot(sec, sz.name+"-secretary-turn-recorded")
			got := read(h, func(st *assembly.State) assembly.Speech { return *st.Speeches[st.Record[len(st.Record)-1].Ref] })
			if got.Speaker != "anna" || got.Floor != turn {
				t.Errorf("the speech is recorded for %q at the turn %d, want anna's at %d", got.Speaker, got.Floor, turn)
			}
		})
	}
}

// spokenHall is newHall with six guests more, enough for the speaker
// picker's search, and Anna's floor turn over.
func spokenHall(t *testing.T) *hall {
	h := newHall(t)
	for i := 0; i < 6; i++ {
		h.must("admin", "add_person", obj{"id": fmt.Sprintf("g%d", i), "name": fmt.Sprintf("Guest Speaker %d", i)})
	}
	h.must("chair", "give_floor", obj{"item": "i1", "person": "anna"})
	h.must("chair", "end_speech", obj{"item": "i1"})
	return h
}
