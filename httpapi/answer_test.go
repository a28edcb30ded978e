package httpapi

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendCommandResponse: the answer to a command is encoded byte for
// byte as json.Marshal encodes it, with or without events, receipt, token
// and replay, and with strings that encoding/json escapes.
func TestAppendCommandResponse(t *testing.T) {
	cp := "plenum.example/log/coop\n12\nq83bQ+/x=\n\n— plenum.example Az3+rA==\n"
	odd := "a<b>&\"c\\d\te\u2028f\x01g\xffü"
	for _, tc := range []struct {
		name string
		out  CommandResponse
	}{
		{"no events", CommandResponse{Checkpoint: cp}},
		{"empty events", CommandResponse{Events: []EventRef{}, Checkpoint: cp}},
		{"one event", CommandResponse{Events: []EventRef{{Index: 7, Type: "sitting_opened"}}, Checkpoint: cp}},
		{"events", CommandResponse{Events: []EventRef{{Index: 0, Type: "a"}, {Index: -1, Type: odd}, {Index: 1 << 60, Type: ""}}, Checkpoint: cp}},
		{"ballot", CommandResponse{Events: []EventRef{{Index: 50007, Type: "ballot_cast"}}, Checkpoint: cp,
			Receipt: &Receipt{Index: 50007, LeafHash: "q83bQ+/x0123456789abcdefABCDEF0123456789ab=", Checkpoint: cp, Proof: "/api/assemblies/coop/proof/50007"}}},
		{"secret ballot", CommandResponse{Events: []EventRef{{Index: 3, Type: "ballot_cast"}}, Checkpoint: cp,
			Receipt: &Receipt{Index: 3, LeafHash: "x", Checkpoint: cp, Proof: "/p"}, BallotToken: "tok-123"}},
		{"replayed", CommandResponse{Events: []EventRef{{Index: 3, Type: "ballot_cast"}}, Checkpoint: cp, Replayed: true}},
		{"other receipt checkpoint", CommandResponse{Events: []EventRef{{Index: 3, Type: "ballot_cast"}}, Checkpoint: cp,
			Receipt: &Receipt{Index: 3, LeafHash: odd, Checkpoint: odd + "\n", Proof: odd}, BallotToken: odd, Replayed: true}},
		{"odd checkpoint", CommandResponse{Checkpoint: odd}},
	} {
		want, err := json.Marshal(tc.out)
		if err != nil {
			t.Fatal(err)
		}
		enc, _ := json.Marshal(tc.out.Checkpoint)
		if got := appendCommandResponse(nil, &tc.out, enc); !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, want)
		}
	}
}

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
