package httpapi

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/assembly"
	"plenum/engine"
)

// TestCheckpointJSON: the checkpoint's JSON is made again when another
// checkpoint is asked for, and is json.Marshal's.
func TestCheckpointJSON(t *testing.T) {
	api := &API{}
	for _, cp := range []string{"a\n1\n", "a\n1\n", "b\n2\n— x\n", "a\n1\n"} {
		e := api.checkpointJSON([]byte(cp))
		want, _ := json.Marshal(cp)
		if e.text != cp || !bytes.Equal(e.json, want) {
			t.Errorf("checkpoint %q: got %q %s", cp, e.text, e.json)
		}
	}
}

// TestAppendResult: the answer written from the engine's result is the
// CommandResponse submit made of it before (responseOf), as json.Marshal
// encodes it: ballots with their receipts, other commands, several
// events, none, tokens, replays, and assembly ids that JSON escapes.
func TestAppendResult(t *testing.T) {
	odd := "a<b>&\"c\\d\te\u2028f\x01g\xffü"
	var leaf tlog.Hash
	for i := range leaf {
		leaf[i] = byte(i*37 + 251)
	}
	ballot := engine.Recorded{Index: 50007, Leaf: leaf, Event: assembly.BallotCast{}}
	other := engine.Recorded{Index: 3, Leaf: leaf, Event: assembly.VoteOpened{}}
	for _, id := range []string{"coop", "a<b>&\"c\\d", strings.Repeat("x", 200), "ü"} {
		for _, cp := range []string{"plenum.example/log/coop\n12\nq83bQ+/x=\n\n— plenum.example Az3+rA==\n", odd} {
			for _, res := range []engine.Result{
				{Checkpoint: []byte(cp)},
				{Events: []engine.Recorded{ballot}, Checkpoint: []byte(cp)},
				{Events: []engine.Recorded{{Index: 1, Leaf: leaf, Event: assembly.ElectionBallotCast{}}}, Checkpoint: []byte(cp), BallotToken: "tok<&>"},
				{Events: []engine.Recorded{ballot}, Checkpoint: []byte(cp), Replayed: true},
				{Events: []engine.Recorded{other}, Checkpoint: []byte(cp)},
				{Events: []engine.Recorded{other, ballot, {Index: -1, Event: assembly.SittingOpened{}}}, Checkpoint: []byte(cp)},
				{Events: []engine.Recorded{ballot, other}, Checkpoint: []byte(cp), BallotToken: "t"},
			} {
				api := &API{}
				enc := api.checkpointJSON(res.Checkpoint)
				want, err := json.Marshal(responseOf(&res, enc, id))
				if err != nil {
					t.Fatal(err)
				}
				if got := appendResult(nil, &res, enc, id); !bytes.Equal(got, want) {
					t.Errorf("assembly %q, result %+v:\n got %s\nwant %s", id, res, got, want)
				}
			}
		}
	}
}
