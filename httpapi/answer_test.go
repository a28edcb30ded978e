package httpapi

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

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

// responseOf is the answer, made as the API made it before
// appendResult wrote it without making it: the answer to a command of assembly assemblyID whose
// result is res, cp its checkpoint: a ballot's (ballot_cast,
// election_ballot_cast) with its receipt.
func responseOf(res *engine.Result, cp *encodedCheckpoint, assemblyID string) CommandResponse {
	out := CommandResponse{Checkpoint: cp.text, BallotToken: res.BallotToken, Replayed: res.Replayed}
	if len(res.Events) > 0 {
		out.Events = make([]EventRef, len(res.Events))
	}
	for i, ev := range res.Events {
		out.Events[i] = EventRef{Index: ev.Index, Type: ev.Event.EventType()}
	}
	if isBallot(res) {
		first := res.Events[0].Index
		out.Receipt = &Receipt{
			Index:      first,
			LeafHash:   base64.StdEncoding.EncodeToString(res.Events[0].Leaf[:]),
			Checkpoint: cp.text,
			Proof:      "/api/assemblies/" + assemblyID + "/proof/" + strconv.FormatInt(first, 10),
		}
	}
	return out
}

// TestDateNow holds the Date header writeJSON sets to the one net/http
// writes when a handler sets none: the time of the answer, to the second,
// in http.TimeFormat; and made once a second, not for every answer.
func TestDateNow(t *testing.T) {
	for {
		before := time.Now()
		d := dateNow()
		again := dateNow()
		after := time.Now()
		if before.Unix() != after.Unix() {
			continue // a second began meanwhile: the two may differ
		}
		if want := before.UTC().Format(http.TimeFormat); len(d) != 1 || d[0] != want {
			t.Fatalf("Date %q, want [%q]", d, want)
		}
		if &again[0] != &d[0] {
			t.Fatal("the Date header was made again within its second")
		}
		return
	}
}

// TestAnswerHasOneDate: an answer carries the Date writeJSON sets
// (dateNow's), and net/http writes none of its own beside it.
func TestAnswerHasOneDate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusCreated, []byte(`{}`))
	}))
	defer srv.Close()
	for {
		before := time.Now().Unix()
		resp, err := http.Post(srv.URL, "application/json", strings.NewReader(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		set := dateNow()
		if time.Now().Unix() != before {
			continue // a second began meanwhile
		}
		if d := resp.Header.Values("Date"); len(d) != 1 || d[0] != set[0] {
			t.Fatalf("Date headers %q, want [%q]", d, set[0])
		}
		return
	}
}
