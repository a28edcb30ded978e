package minutes

import (
	"encoding/json"
	"strings"
	"testing"
)

// countsScript is a meeting whose record holds what every export must
// carry: a vote counted twice, a count given as ranges, ballots cast by
// proxy and by a weighted mandate, a threshold by the chair's ruling, and a
// walkout of members not named.
const countsScript = `
{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"counts","name":"Counts","starts":"2026-05-09","rules":"congress","overrides":{"proxies_allowed":true,"weighted_votes":true}}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"org","name":"The Union","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"kim","name":"Kim"}}
{"cmd":"grant_role","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"person":"kim","role":"teller"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"ada","name":"Ada"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"bo","name":"Bo"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"cy","name":"Cy"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"di","name":"Di"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"ed","name":"Ed"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-ada","person":"ada","organization":"org","kind":"decisive","weight":3}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-bo","person":"bo","organization":"org","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-cy","person":"cy","organization":"org","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-di","person":"di","organization":"org","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-ed","person":"ed","organization":"org","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-ada"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-bo"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-cy"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-di"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-ed"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"person":"ada"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"person":"bo"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"person":"cy"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"person":"ed"}}
{"cmd":"transfer_proxy","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"mandate":"m-di","to":"bo","note":"Di is ill"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"i1","title":"Dues"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"item":"i1"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:01:00Z","args":{"id":"v-hands","question":"Raise the dues","method":"show_of_hands","threshold":"two_thirds_cast","ruling":"dues are fixed by two thirds (statute 9)"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T10:02:00Z","args":{"vote":"v-hands"}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T10:02:00Z","args":{"vote":"v-hands","for":3,"against":3,"tellers":["kim"],"note":"The tellers disagree."}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T10:03:00Z","args":{"vote":"v-hands","for":"3-4","against":"2-3"}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T10:04:00Z","args":{"vote":"v-hands","for":5,"against":2,"tellers":["kim"]}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T10:04:00Z","args":{"vote":"v-hands"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:05:00Z","args":{"id":"v-roll","question":"Hold the congress in May","method":"roll_call"}}
{"cmd":"cast_ballot","actor":"ada","at":"2026-05-09T10:05:00Z","args":{"vote":"v-roll","voter":"ada","choice":"for"}}
{"cmd":"cast_ballot","actor":"bo","at":"2026-05-09T10:05:00Z","args":{"vote":"v-roll","voter":"bo","choice":"against"}}
{"cmd":"cast_ballot","actor":"bo","at":"2026-05-09T10:05:00Z","args":{"vote":"v-roll","voter":"bo","choice":"for","for_mandate":"m-di"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T10:06:00Z","args":{"vote":"v-roll"}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T10:06:00Z","args":{"vote":"v-roll"}}
{"cmd":"leave_hall","actor":"ann","at":"2026-05-09T10:07:00Z","args":{"unnamed":2,"walkout":true,"note":"two walk out"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:08:00Z","args":{"id":"v-after","question":"Adjourn","method":"show_of_hands"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T10:09:00Z","args":{"vote":"v-after"}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T10:09:00Z","args":{"vote":"v-after","for":"2-3","against":0}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T10:09:00Z","args":{"vote":"v-after"}}
`

func countsDoc(t *testing.T) *Document {
	t.Helper()
	f := replayScript(t, "counts", []byte(countsScript))
	return Build(f.state, f.cp)
}

// TestEveryCountExported: md, html, Akoma Ntoso and Popolo carry every
// count the log holds: the three counts of v-hands in order with the last
// marked as deciding, the ranges as ranges, the ballot cast by proxy for
// whom, the weighted ballot's votes, the ruling the threshold rests on,
// and the attendance after two left unnamed.
func TestEveryCountExported(t *testing.T) {
	d := countsDoc(t)
	want := []string{
		"First count: for – 3; against – 3. Second count: for – 3 – 4; against – 2 – 3. Third count, deciding: for – 5; against – 2.",
		"Needed: two thirds of the votes cast, departing from the rules, which fix a majority of the votes cast, by the chair's ruling: dues are fixed by two thirds (statute 9).",
		"For: Ada (3 votes), Bo (by proxy for Di).", "Against: Bo.", // a paragraph each since md/9
		"Present and entitled to vote: 3 of 5; 2 had walked out; 2 of those away had left the hall without being named.",
		"(For – 2 – 3; against – 0.)",
	}
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		out, err := Render(d, format)
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		if format == FormatMarkdown {
			text = strings.ReplaceAll(text, `\`, "")
		}
		for _, w := range want {
			if format != FormatMarkdown {
				w = strings.ReplaceAll(w, "'", "&#39;")
			}
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", format, w)
			}
		}
	}
	out, err := Popolo(d)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		VoteEvents []struct {
			ID     string `json:"id"`
			Counts []struct {
				Option   string `json:"option"`
				Value    int    `json:"value"`
				ValueMax int    `json:"value_max"`
			} `json:"counts"`
			Rounds []struct {
				Counts []struct {
					Option   string `json:"option"`
					Value    int    `json:"value"`
					ValueMax int    `json:"value_max"`
				} `json:"counts"`
				Deciding bool `json:"deciding"`
				Present  int  `json:"present"`
			} `json:"rounds"`
			Votes []struct {
				VoterID  string `json:"voter_id"`
				Option   string `json:"option"`
				Role     string `json:"role"`
				Weight   int    `json:"weight"`
				CastByID string `json:"cast_by_id"`
			} `json:"votes"`
			Attendance struct {
				Present   int `json:"present"`
				WalkedOut int `json:"walked_out"`
				Unnamed   int `json:"unnamed"`
			} `json:"attendance"`
		} `json:"vote_events"`
	}
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatal(err)
	}
	ve := map[string]int{}
	for i, v := range p.VoteEvents {
		ve[v.ID] = i
	}
	hands := p.VoteEvents[ve["v-hands"]]
	if len(hands.Rounds) != 3 || hands.Rounds[0].Deciding || hands.Rounds[1].Deciding || !hands.Rounds[2].Deciding {
		t.Fatalf("v-hands rounds %+v", hands.Rounds)
	}
	if r := hands.Rounds[1].Counts; len(r) != 2 || r[0].Value != 3 || r[0].ValueMax != 4 || r[1].Value != 2 || r[1].ValueMax != 3 {
		t.Errorf("the ranges of the second count: %+v", r)
	}
	if c := hands.Counts; len(c) != 2 || c[0].Value != 5 || c[1].Value != 2 || hands.Rounds[2].Present != 7 {
		t.Errorf("the deciding counts %+v, present %d", c, hands.Rounds[2].Present)
	}
	roll := p.VoteEvents[ve["v-roll"]]
	if len(roll.Votes) != 3 || roll.Votes[0].Weight != 3 || roll.Votes[2].VoterID != "di" || roll.Votes[2].CastByID != "bo" || roll.Votes[2].Role != "by proxy" || roll.Votes[1].VoterID != "bo" || roll.Votes[1].CastByID != "" {
		t.Errorf("v-roll votes %+v", roll.Votes)
	}
	after := p.VoteEvents[ve["v-after"]]
	if c := after.Counts; len(c) != 2 || c[0].Value != 2 || c[0].ValueMax != 3 {
		t.Errorf("v-after counts %+v", c)
	}
	if a := after.Attendance; a.Present != 3 || a.WalkedOut != 2 || a.Unnamed != 2 {
		t.Errorf("v-after attendance %+v", a)
	}
}
