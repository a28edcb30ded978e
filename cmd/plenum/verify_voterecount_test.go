package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"plenum/ledger"
)

// TestVerifyRecountsAPlainVote: plenum verify --db counts a plain vote
// again at its declared result and names the entry of a declaration
// whose counts or outcome (where the count decides) are not those of its
// ballots, or whose ballot was changed, even where whoever holds the
// signing key re-signed the log; the outcome the chair stated for a show
// of hands whose count does not decide verifies, whichever it is.
func TestVerifyRecountsAPlainVote(t *testing.T) {
	var lines []string
	add := scriptAdder(t, &lines, 6)
	type obj = map[string]any
	// v1: a roll call, 3 for, 2 against, 1 abstaining: carried.
	add("chief", "open_vote", obj{"id": "v1", "question": "Adopt the budget?", "method": "roll_call"})
	for i, c := range []string{"for", "for", "for", "against", "against", "abstain"} {
		p := fmt.Sprintf("d%d", i)
		add(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": c})
	}
	add("chief", "close_vote", obj{"vote": "v1"})
	add("chief", "declare_result", obj{"vote": "v1"})
	// v2: a show of hands, 2 to 4 for and 2 against, which does not
	// decide: the chair states it carried.
	add("chief", "open_vote", obj{"id": "v2", "question": "Adjourn?", "method": "show_of_hands"})
	add("chief", "close_vote", obj{"vote": "v2"})
	add("chief", "enter_count", obj{"vote": "v2", "for": "2-4", "against": 2})
	add("chief", "declare_result", obj{"vote": "v2", "outcome": "carried"})
	good := replayedDB(t, lines)
	var declared []int64
	var arith []string
	copied := rewrite(t, good, func(e *ledger.Entry) {
		if e.Type == "result_declared" {
			var d struct {
				Result struct{ Arithmetic string } `json:"result"`
			}
			json.Unmarshal(e.Payload, &d)
			declared, arith = append(declared, e.Index), append(arith, d.Result.Arithmetic)
		}
	})
	if code, out, errs := runForTest(t, "", "verify", "--db", copied); code != 0 || len(declared) != 2 {
		t.Fatalf("verify of the copy: exit %d: %s %s (declarations at %v)", code, out, errs, declared)
	}
	if want := "3 for, 2 against, 1 abstaining, 5 cast; 3 needed; carried"; arith[0] != want {
		t.Fatalf("v1 declared %q, want %q", arith[0], want)
	}
	result := func(nth int, fn func(r map[string]json.RawMessage)) func(e *ledger.Entry) {
		return editEntry(t, "result_declared", nth, func(m map[string]json.RawMessage) {
			var r map[string]json.RawMessage
			json.Unmarshal(m["result"], &r)
			fn(r)
			m["result"], _ = json.Marshal(r)
		})
	}
	quoted := func(s string) json.RawMessage { b, _ := json.Marshal(s); return b }
	// The outcome the chair stated, the other way: it verifies.
	stated := rewrite(t, good, result(2, func(r map[string]json.RawMessage) {
		r["outcome"], r["arithmetic"] = quoted("defeated"), quoted(strings.Replace(arith[1], "; carried", "; defeated", 1))
	}))
	if code, out, errs := runForTest(t, "", "verify", "--db", stated); code != 0 {
		t.Errorf("verify of the other outcome stated: exit %d: %s %s", code, out, errs)
	}
	cases := []struct {
		name   string
		change func(e *ledger.Entry)
		want   string
	}{
		{"a count", result(1, func(r map[string]json.RawMessage) {
			r["for"] = json.RawMessage(`4`)
		}), `the declared result of the vote "v1" (4 for, 2 against, 1 abstaining, for 3; base 5, 3 needed; carried) is not that of its ballots (3 for, 2 against, 1 abstaining; base 5, 3 needed; carried)`},
		{"the outcome", result(1, func(r map[string]json.RawMessage) {
			r["outcome"], r["arithmetic"] = quoted("defeated"), quoted("3 for, 2 against, 1 abstaining, 5 cast; 3 needed; defeated")
		}), `the arithmetic the declaration of the vote "v1" records (3 for, 2 against, 1 abstaining, 5 cast; 3 needed; defeated) is not that of its ballots (3 for, 2 against, 1 abstaining, 5 cast; 3 needed; carried)`},
		// d0 votes against: 2 for, 3 against.
		{"a ballot", editEntry(t, "ballot_cast", 1, func(m map[string]json.RawMessage) {
			m["choice"] = quoted("against")
		}), `the arithmetic the declaration of the vote "v1" records (3 for, 2 against, 1 abstaining, 5 cast; 3 needed; carried) is not that of its ballots (2 for, 3 against, 1 abstaining, 5 cast; 3 needed; defeated)`},
	}
	for _, c := range cases {
		refusedDB(t, c.name+" changed", rewrite(t, good, c.change), fmt.Sprintf("entry %d: %s", declared[0], c.want), "first bad entry:")
	}
}
