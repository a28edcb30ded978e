package minutes

import (
	"strings"
	"testing"
)

// TestWithdrawnAndCountedByName: a vote and an election withdrawn are
// shown so, and an election's arithmetic names persons, lists and the
// method in words, never by id.
func TestWithdrawnAndCountedByName(t *testing.T) {
	f := replayScript(t, "withdrawn.jsonl", []byte(withdrawnScript))
	md := string(Markdown(Build(f.state, f.cp)))
	for _, want := range []string{
		"The vote on “Adjourn now” is withdrawn: opened by mistake. No ballot had been cast.",
		"The election “Tellers” is withdrawn: no second candidate. With the assembly's consent (no objection), the ballot cast is void.",
		"Scottish STV, 2 ballots: Starostin 2, Bubnov 0",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the minutes do not say %q:\n%s", want, md)
		}
	}
	for _, id := range []string{"starostin ", "bubnov", "stv-scottish", "Stv-scottish"} {
		if strings.Contains(md, id) {
			t.Errorf("the minutes show the id %q", id)
		}
	}
}

// withdrawnScript has a vote and an election withdrawn, and two elections
// counted from their ballots (Scottish STV and plurality).
const withdrawnScript = `{"cmd":"create_assembly","assembly":"w","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"w","name":"W","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"org","name":"Org","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"starostin","name":"Starostin"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:03Z","args":{"id":"bubnov","name":"Bubnov"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:04Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-s","person":"starostin","organization":"org","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:06Z","args":{"id":"md-b","person":"bubnov","organization":"org","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-s"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:08Z","args":{"mandate":"md-b"}}
{"cmd":"check_in","actor":"starostin","at":"2026-05-09T09:00:09Z","args":{"person":"starostin"}}
{"cmd":"check_in","actor":"bubnov","at":"2026-05-09T09:00:10Z","args":{"person":"bubnov"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"Elections"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:04:00Z","args":{"id":"v1","question":"Adjourn now","method":"roll_call"}}
{"cmd":"withdraw_vote","actor":"ann","at":"2026-05-09T09:05:00Z","args":{"vote":"v1","reason":"opened by mistake"}}
{"cmd":"open_election","actor":"ann","at":"2026-05-09T09:06:00Z","args":{"id":"e1","title":"Presidium","seats":1,"method":"stv-scottish","candidates":["starostin","bubnov"]}}
{"cmd":"cast_election_ballot","actor":"starostin","at":"2026-05-09T09:07:00Z","args":{"election":"e1","voter":"starostin","ranking":["starostin","bubnov"]}}
{"cmd":"cast_election_ballot","actor":"bubnov","at":"2026-05-09T09:07:30Z","args":{"election":"e1","voter":"bubnov","ranking":["starostin"]}}
{"cmd":"close_election","actor":"ann","at":"2026-05-09T09:08:00Z","args":{"election":"e1"}}
{"cmd":"declare_election","actor":"ann","at":"2026-05-09T09:09:00Z","args":{"election":"e1"}}
{"cmd":"open_election","actor":"ann","at":"2026-05-09T09:10:00Z","args":{"id":"e2","title":"Tellers","seats":1,"method":"plurality","candidates":["bubnov"]}}
{"cmd":"cast_election_ballot","actor":"starostin","at":"2026-05-09T09:11:00Z","args":{"election":"e2","voter":"starostin","approve":["bubnov"]}}
{"cmd":"withdraw_election","actor":"ann","at":"2026-05-09T09:12:00Z","args":{"election":"e2","reason":"no second candidate","consent":"no objection"}}
`
