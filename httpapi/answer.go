package httpapi

import (
	"encoding/base64"
	"encoding/json"
	"strconv"

	"plenum/engine"
	"plenum/internal/jsonfast"
)

// isBallot reports whether res is a ballot's, answered with a receipt.
func isBallot(res *engine.Result) bool {
	if len(res.Events) == 0 {
		return false
	}
	t := res.Events[0].Event.EventType()
	return t == "ballot_cast" || t == "election_ballot_cast"
}

// appendResult appends the answer to res, a command of assembly
// assemblyID (a CommandResponse: its events, the checkpoint, a ballot's
// receipt), as json.Marshal encodes it, byte for byte, without making it
// or reflection: every accepted command, every ballot of a vote, is
// answered with one. cp.json is the checkpoint as a JSON string, which
// the answers of one batch share; the receipt's hash and its proof's path
// are written where they go, not first into strings of their own
// (TestAppendResult compares it with json.Marshal of the response made).
func appendResult(b []byte, res *engine.Result, cp *encodedCheckpoint, assemblyID string) []byte {
	b = append(b, `{"events":`...)
	if len(res.Events) == 0 {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, ev := range res.Events {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"index":`...)
			b = strconv.AppendInt(b, ev.Index, 10)
			b = append(b, `,"type":`...)
			b = jsonfast.AppendString(b, ev.Event.EventType())
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"checkpoint":`...)
	b = append(b, cp.json...)
	if isBallot(res) {
		first := res.Events[0].Index
		b = append(b, `,"receipt":{"index":`...)
		b = strconv.AppendInt(b, first, 10)
		// Base64's letters are all plain in JSON.
		b = append(b, `,"leaf_hash":"`...)
		b = base64.StdEncoding.AppendEncode(b, res.Events[0].Leaf[:])
		b = append(b, `","checkpoint":`...)
		b = append(b, cp.json...)
		b = append(b, `,"proof":`...)
		var path [128]byte
		p := append(append(path[:0], "/api/assemblies/"...), assemblyID...)
		p = strconv.AppendInt(append(p, "/proof/"...), first, 10)
		b = jsonfast.AppendString(b, p)
		b = append(b, '}')
	}
	if res.BallotToken != "" {
		b = append(b, `,"ballot_token":`...)
		b = jsonfast.AppendString(b, res.BallotToken)
	}
	if res.Replayed {
		b = append(b, `,"replayed":true`...)
	}
	return append(b, '}')
}

// encodedCheckpoint is a checkpoint as a string and as a JSON string.
type encodedCheckpoint struct {
	text string
	json []byte
}

// checkpointJSON returns cp as a string and as a JSON string. The answers
// of a batch share its checkpoint (a note with newlines and a signature
// line, which encoding/json escapes): the last one is kept and reused
// while it is the one asked for.
func (api *API) checkpointJSON(cp []byte) *encodedCheckpoint {
	if last := api.lastCheckpoint.Load(); last != nil && last.text == string(cp) {
		return last
	}
	e := &encodedCheckpoint{text: string(cp)}
	e.json, _ = json.Marshal(e.text)
	api.lastCheckpoint.Store(e)
	return e
}
