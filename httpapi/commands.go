package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"

	"plenum/assembly"
	"plenum/auth"
	"plenum/internal/jsonfast"
)

// maxBody bounds a command's JSON body.
const maxBody = 1 << 20

// commandRequest is the body of POST /api/assemblies/{id}/commands.
type commandRequest struct {
	Cmd  string          `json:"cmd"`
	Args json.RawMessage `json:"args"`
	Key  string          `json:"key"`
	// raw is the body as read: what a forward to the node that writes the
	// assembly sends on.
	raw []byte
}

// CommandResponse is the answer to an accepted command.
type CommandResponse struct {
	// Events are the command's events with their ledger indexes.
	Events []EventRef `json:"events"`
	// Checkpoint is the signed checkpoint of the first tree that includes
	// them (a C2SP tlog-checkpoint note).
	Checkpoint string `json:"checkpoint"`
	// Receipt is given for a ballot: what the voter keeps to prove later
	// that the ballot is in the record.
	Receipt *Receipt `json:"receipt,omitempty"`
	// BallotToken is given for a ballot in a secret vote, in this answer
	// only: the random token of the ballot, which nobody else is told.
	// After the vote closes, POST …/votes/{vote}/receipt with it gives
	// the tlog-proof that the ballot was counted, without the voter.
	BallotToken string `json:"ballot_token,omitempty"`
	// Replayed is true when the command had been recorded before under
	// the same idempotency key: nothing new was recorded, and Events are
	// the command's events as recorded then (a secret ballot's token is
	// given in the first answer only).
	Replayed bool `json:"replayed,omitempty"`
}

// EventRef is an event's place in the log.
type EventRef struct {
	Index int64  `json:"index"`
	Type  string `json:"type"`
}

// Receipt proves a ballot is in the record: the entry's index and leaf
// hash (tlog.RecordHash of the entry's stored bytes) and a signed
// checkpoint whose tree includes it. GET …/proof/{index} gives the
// inclusion proof against the latest checkpoint.
type Receipt struct {
	Index      int64  `json:"index"`
	LeafHash   string `json:"leaf_hash"`
	Checkpoint string `json:"checkpoint"`
	Proof      string `json:"proof"`
}

// readCommand reads and checks the body and key of a command request.
func readCommand(w http.ResponseWriter, r *http.Request) (commandRequest, bool) {
	var req commandRequest
	// The type as every client sends it is not parsed (a map and a
	// string each time): it is what parsing gives. One that does not
	// parse ("///", "application/json garbage": no type) is not JSON.
	if ct := r.Header.Get("Content-Type"); ct != "" && ct != "application/json" {
		if mt, _, _ := mime.ParseMediaType(ct); mt != "application/json" {
			problem(w, r, http.StatusUnsupportedMediaType, "malformed", "", "api.json_only")
			return req, false
		}
	}
	body, err := readBody(w, r)
	if err != nil {
		problem(w, r, http.StatusRequestEntityTooLarge, "malformed", "", "api.too_large")
		return req, false
	}
	req.raw = body
	if !req.readPlain(body) {
		var err error
		if req, err = decodeCommand(body); err != nil {
			var twice duplicateError
			if err == errTrailing {
				problem(w, r, http.StatusBadRequest, "malformed", "", "api.trailing")
			} else if errors.As(err, &twice) {
				duplicateProblem(w, r, twice.Duplicate)
			} else {
				problem(w, r, http.StatusBadRequest, "malformed", "", "api.not_a_command", strings.TrimPrefix(err.Error(), "json: "))
			}
			return req, false
		}
	}
	if h := r.Header.Get("Idempotency-Key"); h != "" {
		if req.Key != "" && req.Key != h {
			problem(w, r, http.StatusUnprocessableEntity, "invalid", "key", "api.key_differs")
			return req, false
		}
		req.Key = h
	}
	if req.Key == "" {
		problem(w, r, http.StatusUnprocessableEntity, "invalid", "key", "api.key_missing")
		return req, false
	}
	if len(req.Key) > 128 || strings.ContainsFunc(req.Key, func(c rune) bool { return c <= ' ' || c > '~' }) {
		problem(w, r, http.StatusUnprocessableEntity, "invalid", "key", "api.key_form")
		return req, false
	}
	if req.Cmd == "" {
		problem(w, r, http.StatusUnprocessableEntity, "invalid", "cmd", "api.no_cmd")
		return req, false
	}
	return req, true
}

// decodeCommand decodes body with encoding/json, unknown fields
// disallowed and nothing after the object (errTrailing), for a body
// readPlain does not take. A function of its own so that the request the
// decoder is given a pointer to is on the heap only when it is used, not
// for every ballot readCommand reads.
func decodeCommand(body []byte) (commandRequest, error) {
	req := commandRequest{raw: body}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return req, errTrailing
	}
	if d, twice := jsonfast.FindDuplicate(body); twice {
		return req, duplicateError{d}
	}
	return req, nil
}

// duplicateError is decodeCommand's error for a body that gives a key
// twice in one of its objects, the command's or its arguments' at any
// depth: encoding/json took the last, and anything that reads the first
// (a proxy's rule, a log of requests) would be misled, so the command is
// refused. readPlain takes no such body (UniqueValue for the arguments).
type duplicateError struct{ jsonfast.Duplicate }

func (d duplicateError) Error() string { return "httpapi: a key twice: " + d.Names() }

// duplicateProblem answers a body that gives the key of d twice: 400,
// naming the key and where it is, nothing recorded.
func duplicateProblem(w http.ResponseWriter, r *http.Request, d jsonfast.Duplicate) {
	if d.In == "" {
		problem(w, r, http.StatusBadRequest, "malformed", d.Name, "api.duplicate_key", d.Names())
		return
	}
	problem(w, r, http.StatusBadRequest, "malformed", d.Name, "api.duplicate_key_in", d.Names(), d.In)
}

// errTrailing is decodeCommand's error for a body with more after the
// command's object.
var errTrailing = errors.New("httpapi: more after the command")

// readBody reads r's body, at most maxBody bytes, as
// io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody)) does, into a slice
// of the length the request declares (with a byte to spare, to see the
// end) rather than io.ReadAll's 512 bytes and more: a ballot is about
// 100. A body of a length declared far below maxBody is read without
// MaxBytesReader (an allocation a ballot), which net/http makes
// needless: it gives no more than is declared. Should more come all the
// same (a Body of another kind), the rest is read through it, with what
// is left of maxBody.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength <= 0 || r.ContentLength >= 4<<10 {
		return io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	}
	b := make([]byte, 0, r.ContentLength+1)
	rd, bounded := io.Reader(r.Body), false
	for {
		n, err := rd.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			// More than declared: io.ReadAll's way from here, bounded.
			if !bounded {
				rd, bounded = http.MaxBytesReader(w, r.Body, maxBody-int64(len(b))), true
			}
			b = append(b, 0)[:len(b)]
		}
	}
}

// readPlain reads body into req as the json.Decoder of readCommand does
// (unknown fields disallowed, nothing after the object), if body is a
// plain command: one object with "cmd", "args" and "key" each at most
// once, spelt so, cmd and key plain strings (jsonfast.Scanner), args a
// plain object in which no object gives a key twice (UniqueValue). It reports false for anything else, and for every body
// the decoder would refuse, which readCommand then gives the decoder:
// its answers, and its words in them, stay as they were. Every ballot is
// one such body; the decoder took a fifth of a ballot's CPU.
func (req *commandRequest) readPlain(body []byte) bool {
	var seen [3]bool
	s := jsonfast.NewScanner(body)
	for first := true; ; first = false {
		name, end, ok := s.Member(first)
		if !ok {
			return false
		}
		if end {
			return s.End()
		}
		var field int
		switch string(name) {
		case "cmd":
			field = 0
		case "args":
			field = 1
		case "key":
			field = 2
		default:
			return false // unknown, or in another case: the decoder says
		}
		if seen[field] {
			return false // the decoder keeps the last
		}
		seen[field] = true
		if field == 1 {
			if !s.Peek('{') {
				return false // null, or not an object: the decoder's way
			}
			v, ok := s.UniqueValue()
			if !ok {
				return false // a key twice, too: decodeCommand says
			}
			req.Args = v[:len(v):len(v)]
			continue
		}
		v, ok := s.String()
		if !ok {
			return false
		}
		if field == 0 {
			req.Cmd = commandName(v)
		} else {
			req.Key = string(v)
		}
	}
}

// commandNames holds the name of every command, each its own key: the
// name a body gives is looked up there rather than copied, as every ballot's
// "cast_ballot" was.
var commandNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range assembly.CommandNames() {
		m[n] = n
	}
	return m
}()

// commandName is v as a string: a known command's name as commandNames
// holds it, anything else copied.
func commandName(v []byte) string {
	if n, ok := commandNames[string(v)]; ok {
		return n
	}
	return string(v)
}

// command serves POST /api/assemblies/{id}/commands.
func (api *API) command(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	sess, ok := participant(w, r, id)
	if !ok || !mutating(w, r) {
		return
	}
	req, ok := readCommand(w, r)
	if !ok {
		return
	}
	if req.Cmd == "create_assembly" {
		problem(w, r, http.StatusUnprocessableEntity, "invalid", "cmd", "api.create_elsewhere")
		return
	}
	if req.Cmd == "issue_access_codes" || req.Cmd == "revoke_access_codes" {
		// Recorded here, the codes would not be made or deleted.
		problem(w, r, http.StatusUnprocessableEntity, "invalid", "cmd", "api.codes_elsewhere")
		return
	}
	if _, ok := api.eng.Assembly(id); !ok {
		if api.forwardUnknown(w, r, id, req.raw) {
			return
		}
		problem(w, r, http.StatusNotFound, "not_found", "", "api.no_assembly", id)
		return
	}
	api.submit(w, r, sess, id, req)
}

// createAssembly serves POST /api/assemblies: server administrators only.
func (api *API) createAssembly(w http.ResponseWriter, r *http.Request) {
	sess := auth.FromContext(r.Context())
	if sess == nil {
		problem(w, r, http.StatusUnauthorized, "unauthorized", "", "api.admin_login")
		return
	}
	if !sess.Admin {
		problem(w, r, http.StatusForbidden, "forbidden", "", "api.admin_only")
		return
	}
	if !mutating(w, r) {
		return
	}
	req, ok := readCommandDefault(w, r, "create_assembly")
	if !ok {
		return
	}
	if req.Cmd != "create_assembly" {
		problem(w, r, http.StatusUnprocessableEntity, "invalid", "cmd", "api.create_only")
		return
	}
	var args struct {
		ID string `json:"id"`
	}
	json.Unmarshal(req.Args, &args)
	api.submit(w, r, sess, args.ID, req)
}

// readCommandDefault is readCommand with cmd defaulting to def.
func readCommandDefault(w http.ResponseWriter, r *http.Request, def string) (commandRequest, bool) {
	var req commandRequest
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		problem(w, r, http.StatusRequestEntityTooLarge, "malformed", "", "api.too_large")
		return req, false
	}
	if d, twice := jsonfast.FindDuplicate(body); twice {
		// Before the body is rewritten below, which would keep the last.
		duplicateProblem(w, r, d)
		return req, false
	}
	var probe struct {
		Cmd string `json:"cmd"`
	}
	if json.Unmarshal(body, &probe) == nil && probe.Cmd == "" {
		// {"args": …} without cmd: fill it in.
		var m map[string]json.RawMessage
		if json.Unmarshal(body, &m) == nil {
			m["cmd"], _ = json.Marshal(def)
			body, _ = json.Marshal(m)
		}
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return readCommand(w, r)
}

// submit runs one command for the session, once per idempotency key. The
// engine keeps the keys: scoped to the person, recorded with a hash of the
// request in the command's events (so they survive restarts), and
// answered from the record when a command with the key is there, or
// refused when the key was used for another command.
func (api *API) submit(w http.ResponseWriter, r *http.Request, sess *auth.Session, assemblyID string, req commandRequest) {
	env := assembly.Envelope{Cmd: req.Cmd, Assembly: assemblyID, Actor: actor(sess), At: api.opts.Now().UTC(), Key: req.Key, Args: req.Args}
	res, err := api.eng.Submit(r.Context(), env)
	if err != nil {
		if api.notWriter(w, r, assemblyID, req.raw, err) {
			return
		}
		api.markRefusal(w, r, assemblyID, err)
		api.fail(w, r, err)
		return
	}
	cp := api.checkpointJSON(res.Checkpoint)
	buf := answerBufs.Get().(*[]byte)
	body := appendResult((*buf)[:0], res, cp, assemblyID)
	status := http.StatusCreated
	SetRecorded(w, r, LastIndex(res))
	if res.Replayed {
		status = http.StatusOK
		w.Header().Set("Idempotent-Replayed", "true")
	}
	writeJSON(w, status, body)
	// Write keeps nothing of what it is given (io.Writer): the buffer
	// serves the next answer.
	if cap(body) <= 16<<10 {
		*buf = body
		answerBufs.Put(buf)
	}
}

// answerBufs hold the buffers answers to commands are written in: every
// ballot is answered with about 700 bytes.
var answerBufs = sync.Pool{New: func() any { return new([]byte) }}

func compactJSON(b []byte) []byte {
	var buf bytes.Buffer
	if json.Compact(&buf, b) != nil {
		return b
	}
	return buf.Bytes()
}
