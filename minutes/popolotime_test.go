package minutes

import (
	"encoding/json"
	"regexp"
	"testing"
)

// TestPopoloInventsNoTime: the sittings of a restored record (the 1917
// conference's record nobody's presence) have a date but no time of day
// the source gives; their speeches, motions and votes state none in the
// Popolo export, where they gave the editor's estimates ("1917-03-29T09:09:00Z"),
// and each sitting, their event, states its date. A live meeting's (the
// cooperative's) keep the times the server recorded.
func TestPopoloInventsNoTime(t *testing.T) {
	type dated struct {
		Speeches []struct {
			ID, Date, EventID string
		}
		Motions []struct {
			ID, Date string
		}
		VoteEvents []struct {
			ID        string
			StartDate string `json:"start_date"`
			EndDate   string `json:"end_date"`
		} `json:"vote_events"`
		Events []struct {
			ID        string
			StartDate string `json:"start_date"`
		}
	}
	read := func(d *Document) dated {
		out, err := Popolo(d)
		if err != nil {
			t.Fatal(err)
		}
		var p dated
		if err := json.Unmarshal(out, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	p := read(march(t))
	if len(p.Speeches) == 0 || len(p.Motions) == 0 || len(p.VoteEvents) == 0 {
		t.Fatal("the 1917 export has no speeches, motions or votes")
	}
	for _, e := range p.Events {
		if !date.MatchString(e.StartDate) {
			t.Errorf("sitting %s: start_date %q, want its date", e.ID, e.StartDate)
		}
	}
	for _, s := range p.Speeches {
		if s.Date != "" {
			t.Errorf("speech %s states the time %q, which the source does not give", s.ID, s.Date)
		}
	}
	for _, m := range p.Motions {
		if m.Date != "" {
			t.Errorf("motion %s states the time %q, which the source does not give", m.ID, m.Date)
		}
	}
	for _, v := range p.VoteEvents {
		if v.StartDate != "" || v.EndDate != "" {
			t.Errorf("vote %s states the times %q–%q, which the source does not give", v.ID, v.StartDate, v.EndDate)
		}
	}
	timed := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)
	c := read(coop(t))
	if len(c.Speeches) == 0 || len(c.VoteEvents) == 0 {
		t.Fatal("the coop's export has no speeches or votes")
	}
	for _, s := range c.Speeches {
		if !timed.MatchString(s.Date) {
			t.Errorf("coop speech %s: date %q, want the time it was recorded", s.ID, s.Date)
		}
	}
	for _, v := range c.VoteEvents {
		if !timed.MatchString(v.StartDate) {
			t.Errorf("coop vote %s: start_date %q, want the time it was opened", v.ID, v.StartDate)
		}
	}
}
