package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin on any machine

	"plenum/assembly"
	"plenum/web"
)

// TestDeadlineIsPickedInTheHallsZone: the deadline for motions is picked
// as a day and a time (a datetime-local field), its label naming the
// zone they are read in — the hall's clock's, the assembly having none —
// and recorded as that instant; RFC 3339 is still taken; a value that is
// no day and time is refused in the person's language, the form coming
// back with it, and nothing is recorded.
func TestDeadlineIsPickedInTheHallsZone(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, Location: berlin}, nil)
	h.setup()
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/" + asm + "/motions")
	field := regexp.MustCompile(`<label for="md-deadline">Motions are submitted until \(time zone Europe/Berlin \(UTC&#43;0[12]:00\)\)</label><input id="md-deadline" name="a:deadline:local" type="datetime-local" value="" required`)
	if !field.MatchString(page) || !strings.Contains(page, "read in the time zone of this server, Europe/Berlin (UTC&#43;0") {
		t.Errorf("the deadline's form is no day and time picker saying its zone:\n%s", regexp.MustCompile(`(?s)<form[^>]*set-deadline.*?</form>`).FindString(page))
	}
	deadline := func() time.Time { return read(h, func(s *assembly.State) time.Time { return s.Submission.Deadline }) }

	for _, c := range []struct{ sent, value, zone string }{
		{"2027-01-15T18:00", "2027-01-15T18:00", "Europe/Berlin (UTC+01:00)"},
		{"2027-07-01T12:30:00Z", "2027-07-01T14:30", "Europe/Berlin (UTC+02:00)"}, // RFC 3339, as API clients send it
	} {
		if got := sendForm(chair, "motions", "set_submission_deadline", url.Values{"a:deadline:local": {c.sent}}); !strings.Contains(got, "The deadline for motions was set") {
			t.Fatalf("%s: the page says %q", c.sent, got)
		}
		want, _ := time.ParseInLocation("2006-01-02T15:04", c.value, berlin)
		if got := deadline(); !got.Equal(want) {
			t.Errorf("%s picked: the deadline is %s, want %s", c.sent, got.UTC(), want.UTC())
		}
		_, page, _ := chair.get("/a/" + asm + "/motions")
		if !strings.Contains(page, `type="datetime-local" value="`+c.value+`"`) || !strings.Contains(page, "(time zone "+strings.ReplaceAll(c.zone, "+", "&#43;")+")") {
			t.Errorf("%s picked: the form does not show %s in %s", c.sent, c.value, c.zone)
		}
	}

	// No day and time: refused in the person's language, kept, nothing
	// recorded.
	before, at := events(h), deadline()
	u, _ := url.Parse(h.srv.URL)
	for _, c := range []struct{ lang, typed, want string }{
		{"en", "next Friday", "Refused: “next Friday” is not a day and a time; give them as in "},
		{"de", "next Friday", "Abgelehnt: „next Friday“ ist kein Tag mit Uhrzeit; bitte wie in "},
		{"fr", "2027-02-30T18:00", "Refusé : « 2027-02-30T18:00 » n&#39;est pas un jour et une heure"},
		{"ru", "15.01.2027 18:00", "Отказано: «15.01.2027 18:00» — это не день и время"},
	} {
		chair.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: c.lang, Path: "/"}})
		resp, body := chair.postPage("motions", "/a/"+asm+"/act", url.Values{"cmd": {"set_submission_deadline"}, "back": {"/a/" + asm + "/motions"}, "a:deadline:local": {c.typed}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(flashText(string(body)), c.want) {
			t.Errorf("%s %q: %s, the page says %q, want %q", c.lang, c.typed, resp.Status, flashText(string(body)), c.want)
		}
		if !strings.Contains(string(body), `name="a:deadline:local" type="datetime-local" value="`+c.typed+`"`) {
			t.Errorf("%s %q: the form does not come back with it", c.lang, c.typed)
		}
	}
	if events(h) != before || !deadline().Equal(at) {
		t.Errorf("refused deadlines recorded %d entries, the deadline is %s", events(h)-before, deadline())
	}
}
