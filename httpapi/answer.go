package httpapi

import (
	"encoding/json"
	"strconv"

	"plenum/internal/jsonfast"
)

// appendCommandResponse appends out as json.Marshal encodes it, byte for
// byte, without reflection: every accepted command, every ballot of a
// vote, is answered with one. cp is out.Checkpoint as a JSON string
// (json.Marshal), which the answers of one batch share.
func appendCommandResponse(b []byte, out *CommandResponse, cp []byte) []byte {
	b = append(b, `{"events":`...)
	if out.Events == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, ev := range out.Events {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"index":`...)
			b = strconv.AppendInt(b, ev.Index, 10)
			b = append(b, `,"type":`...)
			b = jsonfast.AppendString(b, ev.Type)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"checkpoint":`...)
	b = append(b, cp...)
	if r := out.Receipt; r != nil {
		b = append(b, `,"receipt":{"index":`...)
		b = strconv.AppendInt(b, r.Index, 10)
		b = append(b, `,"leaf_hash":`...)
		b = jsonfast.AppendString(b, r.LeafHash)
		b = append(b, `,"checkpoint":`...)
		if r.Checkpoint == out.Checkpoint {
			b = append(b, cp...)
		} else {
			b = jsonfast.AppendString(b, r.Checkpoint)
		}
		b = append(b, `,"proof":`...)
		b = jsonfast.AppendString(b, r.Proof)
		b = append(b, '}')
	}
	if out.BallotToken != "" {
		b = append(b, `,"ballot_token":`...)
		b = jsonfast.AppendString(b, out.BallotToken)
	}
	if out.Replayed {
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
