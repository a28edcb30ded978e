package minutes

import (
	"strings"
	"testing"
)

// These tests read the rendered minutes as a reader does: what a line
// says must be what the record says, no more and no less.

// mdText is the Markdown of the demo, the March 1917 conference.
func mdText(t *testing.T) string {
	t.Helper()
	return string(Markdown(march(t)))
}

// TestSittingNoteWithHeading: the note of a sitting (why its date is
// inferred) stands with its heading lines, right after the date, so that
// an inferred date does not read as one the source gives.
func TestSittingNoteWithHeading(t *testing.T) {
	s := Sitting{Date: "1917-03-29", Note: "Date inferred; the minutes date no sitting."}
	lines := s.HeadLines(nil)
	if len(lines) < 2 || lines[0] != "Date: 1917-03-29." || lines[1] != "Note: Date inferred; the minutes date no sitting." {
		t.Errorf("head lines = %q, want the date and then its note", lines)
	}
	md := mdText(t)
	if !strings.Contains(md, "Date: 1917-03-29.\n\nNote: Date inferred; the minutes date no sitting.") {
		t.Error("the first sitting's inferred date is shown without its note")
	}
}

// TestDisposedMotionsShown: a motion that leaves the floor without a vote
// is shown at its place in the record with its fate in plain words and
// the note, for each fate.
func TestDisposedMotionsShown(t *testing.T) {
	for _, c := range []struct{ noun, fate, note, want string }{
		{"motion", "not_recorded", "No vote on it is recorded.", "(The minutes do not record what became of the motion “M”. No vote on it is recorded.)"},
		{"motion", "lapsed", "", "(The motion “M” lapses without a vote.)"},
		{"amendment", "referred", "To the drafting committee.", "(The amendment “M” is referred without a vote. To the drafting committee.)"},
		{"motion", "overtaken", "Stalin's motion was adopted", "(The motion “M” is overtaken by another decision and not put to the vote. Stalin's motion was adopted.)"},
	} {
		if got := (&builder{}).disposedText(c.noun, "M", c.fate, c.note); got != c.want {
			t.Errorf("%s: got %q, want %q", c.fate, got, c.want)
		}
	}
	md := mdText(t)
	saveliev := strings.Index(md, "(The minutes do not record what became of the motion “Saveliev's draft resolution on the Provisional Government”. No vote on this draft is recorded;")
	closed := strings.Index(md, "*The sitting is closed.*")
	if saveliev < 0 || closed < 0 || saveliev > closed {
		t.Errorf("the fate of Saveliev's draft is not shown in the first sitting (at %d, the first close at %d)", saveliev, closed)
	}
	if !strings.Contains(md, "(The amendment “Voitinsky's amendment to Kamenev's amendment 1”") && !strings.Contains(md, "what became of the amendment “Voitinsky's amendment to Kamenev's amendment 1”") {
		t.Error("the fate of Voitinsky's amendment is not shown")
	}
}

// TestPersonalMandatesListed: mandates held for no organization (those
// participating personally) are listed in their own group, with their
// marks and notes, in every format.
func TestPersonalMandatesListed(t *testing.T) {
	ds := []Delegate{
		{Person: Ref{ID: "a", Name: "Ann"}, Kind: "consultative", Marks: []string{"*"}, Note: "Participating personally; invited."},
		{Person: Ref{ID: "b", Name: "Bob"}, Kind: "decisive", Note: "Came late."},
	}
	if got, want := PersonalLine(nil, ds), "Participating personally: Ann* (consultative vote; invited), Bob (Came late)."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	ds[1].Note = "Participating personally; invited."
	if got, want := PersonalLine(nil, ds), "Participating personally: Ann* (consultative vote), Bob. Invited."; got != want {
		t.Errorf("shared note: got %q, want %q", got, want)
	}
	d := march(t)
	// Since md/9 each name is followed by the editor's note on it too.
	wants := []string{"Participating personally: Ivan T. Smilga (consultative vote; ", "), Stuchka (consultative vote; "}
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		out, err := Render(d, format)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), wants[0]) || !strings.Contains(string(out), wants[1]) {
			t.Errorf("%s: the delegates participating personally are not listed", format)
		}
	}
	pop, err := Popolo(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(pop), `"id": "m-smilga"`) {
		t.Error("popolo: no membership for Smilga's personal mandate")
	}
}

// TestUnstatedSideLeftOut: when the minutes give one side of a count only,
// the counts say only that side, as the source does, and no format prints
// the word "unstated".
func TestUnstatedSideLeftOut(t *testing.T) {
	for _, c := range []struct {
		v    Vote
		want string
	}{
		{Vote{For: Count{Word: "unstated"}, Against: Count{Word: "majority"}}, "(The majority against.)"},
		{Vote{For: Count{Word: "majority"}, Against: Count{Word: "unstated"}}, "(The majority in favor.)"},
		{Vote{For: Count{Word: "minority"}, Against: Count{Word: "unstated"}}, "(A minority in favor.)"},
	} {
		if got := countsText(nil, &c.v, true, nil, false); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	d := march(t)
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN, FormatPopolo} {
		out, err := Render(d, format)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), "unstated") {
			t.Errorf("%s prints the word \"unstated\"", format)
		}
	}
	if md := mdText(t); !strings.Contains(md, "\n(The majority against.) Defeated.\n") || !strings.Contains(md, "\n(The majority in favor.) Carried.\n") {
		t.Error("the votes with one side stated do not read as the source: (The majority against.) / (The majority in favor.)")
	}
}

// TestResultNotRecorded: a vote whose result the minutes do not give reads
// "The result is not recorded.", not the raw outcome code.
func TestResultNotRecorded(t *testing.T) {
	v := Vote{Declared: true, OutcomeID: "not_recorded", Outcome: "not_recorded", Arithmetic: "result not recorded", Note: "No result in the minutes."}
	if got := VoteLine(nil, &v); got != "The result is not recorded." {
		t.Errorf("vote line = %q", got)
	}
	if got := ResultNote(nil, &v); got != "No result in the minutes." {
		t.Errorf("result note = %q, want the chair's note without the arithmetic repeating the outcome", got)
	}
	md := mdText(t)
	if strings.Contains(md, "Not\\_recorded") || !strings.Contains(md, "\nThe result is not recorded.\n") {
		t.Error("the vote on amendment 1 does not read \"The result is not recorded.\"")
	}
}

// TestOpenSittingNeutral: a sitting with no close in the record does not
// read as if still going on; it says that no close is recorded.
func TestOpenSittingNeutral(t *testing.T) {
	if got := (&Sitting{}).ClosingLine(nil); got != "No close of this sitting is recorded." {
		t.Errorf("closing line of an unclosed sitting = %q", got)
	}
	if got := (&Sitting{Closed: true, ClosingTime: "23:00"}).ClosingLine(nil); got != "The sitting is closed. Time: 23:00." {
		t.Errorf("closing line of a closed sitting = %q", got)
	}
	md := mdText(t)
	// The last sitting is followed by the items no sitting took up
	// (md/11), then the checkpoint.
	last, _, _ := strings.Cut(md, "\n## Items of the order of the day not taken up\n")
	if strings.Contains(md, "not yet closed") || !strings.HasSuffix(last, "*No close of this sitting is recorded.*\n") {
		t.Error("the last sitting of the restored record does not end \"No close of this sitting is recorded.\"")
	}
}

// TestElectedNamesOnce: an election declared as stated names the elected
// once ("The following elected: …"); its note does not repeat them.
func TestElectedNamesOnce(t *testing.T) {
	e := Election{Declared: true, Elected: []Ref{{ID: "a", Name: "Ann"}, {ID: "b", Name: "Bob"}}, Arithmetic: "elected as stated: Ann, Bob", Note: "By acclamation."}
	if got := ElectionNote(nil, &e); got != "By acclamation." {
		t.Errorf("election note = %q, want only the note", got)
	}
	md := mdText(t)
	if strings.Contains(md, "Elected as stated") {
		t.Error("the minutes print the elected twice (\"Elected as stated: …\")")
	}
	if n := strings.Count(md, "Voitinsky, V. P. Miliutin, Stalin, Ivan A. Sammer"); n != 1 {
		t.Errorf("the committee elected at the first sitting is named %d times, want once", n)
	}
}
