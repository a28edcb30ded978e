package minutes

import (
	"fmt"
	"strings"
	"testing"
)

// rollCall9Script is a roll call of n members of one organization, all
// present: the first half for, a quarter against, the rest abstaining
// but for the last ten, who do not vote.
func rollCall9Script(n int) string {
	var b strings.Builder
	line := func(cmd, at, args string) {
		fmt.Fprintf(&b, `{"cmd":%q,"actor":"ann","at":"2026-05-09T%s","args":{%s}}`+"\n", cmd, at, args)
	}
	line("create_assembly", "09:00:00Z", `"id":"r","name":"R","starts":"2026-05-09","rules":"congress"`)
	line("add_organization", "09:00:01Z", `"id":"coop","name":"Coop","kind":"delegating"`)
	line("add_person", "09:00:02Z", `"id":"ann","name":"Ann"`)
	for i := range n {
		line("add_person", "09:00:02Z", fmt.Sprintf(`"id":"p%d","name":"Member %04d"`, i, i))
		line("submit_mandate", "09:00:03Z", fmt.Sprintf(`"id":"md%d","person":"p%d","organization":"coop","kind":"decisive"`, i, i))
		line("verify_mandate", "09:00:04Z", fmt.Sprintf(`"mandate":"md%d"`, i))
		line("check_in", "09:00:05Z", fmt.Sprintf(`"person":"p%d"`, i))
	}
	line("open_sitting", "09:01:00Z", `"id":"s1","date":"2026-05-09","chair":"ann"`)
	line("add_item", "09:02:00Z", `"id":"i1","title":"Dues"`)
	line("take_up_item", "09:03:00Z", `"item":"i1"`)
	line("move_motion", "09:04:00Z", `"id":"mo","kind":"substantive","title":"Raise the dues","mover":"p0"`)
	line("open_vote", "09:05:00Z", `"id":"v","motion":"mo","method":"roll_call"`)
	for i := range n - 10 {
		choice := map[bool]string{true: "for", false: "against"}[i < n/2]
		if i >= n*3/4 {
			choice = "abstain"
		}
		fmt.Fprintf(&b, `{"cmd":"cast_ballot","actor":"p%d","at":"2026-05-09T09:05:10Z","args":{"vote":"v","voter":"p%d","choice":%q}}`+"\n", i, i, choice)
	}
	line("close_vote", "09:06:00Z", `"vote":"v"`)
	line("declare_result", "09:07:00Z", `"vote":"v"`)
	return b.String()
}

// TestRollCallOfThousandsByChoice: the names of a roll call of 4,000
// stand in a paragraph for each choice, and one for those who did not
// vote (md/9, html/10, akn/9), not in one line of 4,000 names: a reader
// finds where those against begin. md/8, html/9 and akn/8 render them as
// they did, in one paragraph.
func TestRollCallOfThousandsByChoice(t *testing.T) {
	const n = 4000
	f := replayScript(t, "rollcall9", []byte(rollCall9Script(n)))
	d := in(t, f, "en")
	groups := []string{"For: Member 0000, ", "Against: Member 2000, ", "Abstaining: Member 3000, ", "Did not vote: Member 3990, "}
	md := string(Markdown(d))
	for _, g := range groups {
		var para string
		for _, l := range strings.Split(md, "\n") {
			if strings.HasPrefix(l, g) {
				para = l
			}
		}
		if para == "" {
			t.Errorf("md: no paragraph begins %q", g)
			continue
		}
		for _, other := range groups {
			if other != g && strings.Contains(para, strings.SplitN(other, " Member", 2)[0]) {
				t.Errorf("md: the paragraph of %q holds %q too", g, other)
			}
		}
	}
	page, err := Render(d, FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if !strings.Contains(string(page), "<p>"+g) {
			t.Errorf("html: no paragraph begins %q", g)
		}
	}
	akn, err := Render(d, FormatAKN)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if !strings.Contains(string(akn), "<narrative>"+g) {
			t.Errorf("akn: no narrative begins %q", g)
		}
	}
	renderAs(t, d, []string{"md/8", "html/9", "akn/8"}, func(stamp string, got []byte) {
		if !strings.Contains(string(got), "Member 1999. Against: Member 2000, ") || !strings.Contains(string(got), "Member 3989. Did not vote: Member 3990, ") {
			t.Errorf("%s no longer gives the roll call in one paragraph", stamp)
		}
	})
}
