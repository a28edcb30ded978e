package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
)

// maxBody bounds a command's JSON body.
const maxBody = 1 << 20

// commandRequest is the body of POST /api/assemblies/{id}/commands.
type commandRequest struct {
	Cmd  string          `json:"cmd"`
	Args json.RawMessage `json:"args"`
	Key  string          `json:"key"`
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
	// Replayed is true when the command had been accepted before under the
	// same idempotency key and this is the original answer.
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
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "" && mt != "application/json" {
		problem(w, http.StatusUnsupportedMediaType, "malformed", "", "send the command as JSON (Content-Type: application/json)")
		return req, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		problem(w, http.StatusRequestEntityTooLarge, "malformed", "", "the command is larger than 1 MiB")
		return req, false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		problem(w, http.StatusBadRequest, "malformed", "", "the body is not a JSON command such as {\"cmd\": \"request_floor\", \"args\": {…}}: "+strings.TrimPrefix(err.Error(), "json: "))
		return req, false
	}
	if _, err := dec.Token(); err != io.EOF {
		problem(w, http.StatusBadRequest, "malformed", "", "the body has more after its JSON object")
		return req, false
	}
	if h := r.Header.Get("Idempotency-Key"); h != "" {
		if req.Key != "" && req.Key != h {
			problem(w, http.StatusUnprocessableEntity, "invalid", "key", "the Idempotency-Key header and the body's key differ; give one")
			return req, false
		}
		req.Key = h
	}
	if req.Key == "" {
		problem(w, http.StatusUnprocessableEntity, "invalid", "key", "every command needs an idempotency key (header Idempotency-Key, e.g. a random UUID per action), so that a retried request never acts twice")
		return req, false
	}
	if len(req.Key) > 128 || strings.ContainsFunc(req.Key, func(c rune) bool { return c <= ' ' || c > '~' }) {
		problem(w, http.StatusUnprocessableEntity, "invalid", "key", "the idempotency key must be 1 to 128 printable ASCII characters without spaces")
		return req, false
	}
	if req.Cmd == "" {
		problem(w, http.StatusUnprocessableEntity, "invalid", "cmd", "the command has no cmd: say what is to be done, e.g. \"cast_ballot\"")
		return req, false
	}
	return req, true
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
		problem(w, http.StatusUnprocessableEntity, "invalid", "cmd", "create an assembly with POST /api/assemblies")
		return
	}
	if req.Cmd == "issue_access_codes" || req.Cmd == "revoke_access_codes" {
		// Recorded here, the codes would not be made or deleted.
		problem(w, http.StatusUnprocessableEntity, "invalid", "cmd", "issue and revoke access codes with POST /api/assemblies/{id}/access-codes (or mandate-cards.pdf) and …/access-codes/revoke, which record the command and make or delete the codes")
		return
	}
	if _, ok := api.eng.Assembly(id); !ok {
		problem(w, http.StatusNotFound, "not_found", "", "there is no assembly \""+id+"\"")
		return
	}
	api.submit(w, r, sess, id, req)
}

// createAssembly serves POST /api/assemblies: server administrators only.
func (api *API) createAssembly(w http.ResponseWriter, r *http.Request) {
	sess := auth.FromContext(r.Context())
	if sess == nil {
		problem(w, http.StatusUnauthorized, "unauthorized", "", "log in as a server administrator to create an assembly")
		return
	}
	if !sess.Admin {
		problem(w, http.StatusForbidden, "forbidden", "", "only a server administrator may create an assembly")
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
		problem(w, http.StatusUnprocessableEntity, "invalid", "cmd", "POST /api/assemblies takes only create_assembly; other commands go to /api/assemblies/{id}/commands")
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
		problem(w, http.StatusRequestEntityTooLarge, "malformed", "", "the command is larger than 1 MiB")
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

// submit runs one command for the session, once per idempotency key.
func (api *API) submit(w http.ResponseWriter, r *http.Request, sess *auth.Session, assemblyID string, req commandRequest) {
	who := actor(sess)
	scoped := who + "/" + req.Key
	sum := sha256.Sum256([]byte(req.Cmd + "\x00" + assemblyID + "\x00" + string(compactJSON(req.Args))))
	ent, first := api.idem.begin(assemblyID, scoped, sum)
	if !first {
		if ent.sum != sum {
			problem(w, http.StatusUnprocessableEntity, "invalid", "key", "this idempotency key was already used for a different command; use a new key for a new action")
			return
		}
		select {
		case <-ent.done:
		case <-r.Context().Done():
			return
		}
		if ent.body == nil {
			// The first attempt was refused or failed: nothing was
			// recorded, so this one is tried afresh.
			api.submit(w, r, sess, assemblyID, req)
			return
		}
		w.Header().Set("Idempotent-Replayed", "true")
		writeJSON(w, ent.status, ent.body)
		return
	}
	status, body, err := api.run(r.Context(), assemblyID, who, scoped, req)
	api.idem.finish(assemblyID, scoped, ent, status, body, err == nil)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	if status == http.StatusOK {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	writeJSON(w, status, body)
}

// run submits the command, or finds it in the record if its key was
// accepted before. It returns the status and JSON body of success.
func (api *API) run(ctx context.Context, assemblyID, who, scoped string, req commandRequest) (int, []byte, error) {
	// A key accepted before (after a restart the map of answers is empty,
	// but the state keeps every key) is refused by the domain as a
	// duplicate, and answered from the log. Not looking first keeps the
	// request from waiting for the state while a batch is being written,
	// so that it joins the next batch.
	env := assembly.Envelope{Cmd: req.Cmd, Assembly: assemblyID, Actor: who, At: api.opts.Now().UTC(), Key: scoped, Args: req.Args}
	res, err := api.eng.Submit(ctx, env)
	if assembly.CodeOf(err) == assembly.ErrDuplicate {
		if a, ok := api.eng.Assembly(assemblyID); ok {
			if body, ok, err := api.replayed(ctx, a, scoped); ok || err != nil {
				return http.StatusOK, body, err
			}
		}
	}
	if err != nil {
		return 0, nil, err
	}
	a, _ := api.eng.Assembly(assemblyID)
	out := CommandResponse{Checkpoint: string(res.Checkpoint), BallotToken: res.BallotToken}
	for _, ev := range res.Events {
		out.Events = append(out.Events, EventRef{Index: ev.Index, Type: ev.Event.EventType()})
	}
	if isBallot(req.Cmd) && len(res.Events) > 0 && a != nil {
		rc, err := api.receipt(ctx, a, res.Events[0].Index, res.Checkpoint)
		if err != nil {
			return 0, nil, err
		}
		out.Receipt = rc
	}
	body, err := json.Marshal(out)
	return http.StatusCreated, body, err
}

func isBallot(cmd string) bool { return cmd == "cast_ballot" || cmd == "cast_election_ballot" }

// replayed answers a command whose key the assembly already accepted: its
// events are the entries from the key's first one on that carry the key.
func (api *API) replayed(ctx context.Context, a *engine.Assembly, scoped string) ([]byte, bool, error) {
	var index int
	var seen bool
	a.Read(func(s *assembly.State) { index, seen = s.KeySeen(scoped) })
	if !seen {
		return nil, false, nil
	}
	first := int64(index)
	entries, err := a.Log().Read(ctx, first, min(first+64, a.Log().Size()))
	if err != nil {
		return nil, true, err
	}
	out := CommandResponse{Replayed: true, Checkpoint: string(a.Log().Checkpoint())}
	for i, e := range entries {
		var ev struct {
			Meta assembly.Meta `json:"meta"`
		}
		if i > 0 && (json.Unmarshal(e.Payload, &ev) != nil || ev.Meta.Key != scoped) {
			break
		}
		out.Events = append(out.Events, EventRef{Index: e.Index, Type: e.Type})
	}
	if t := entries[0].Type; t == "ballot_cast" || t == "election_ballot_cast" {
		rc, err := api.receipt(ctx, a, first, a.Log().Checkpoint())
		if err != nil {
			return nil, true, err
		}
		out.Receipt = rc
	}
	body, err := json.Marshal(out)
	return body, true, err
}

// receipt makes a ballot's receipt.
func (api *API) receipt(ctx context.Context, a *engine.Assembly, index int64, checkpoint []byte) (*Receipt, error) {
	h, err := api.leaves.leaf(ctx, a, index)
	if err != nil {
		return nil, err
	}
	return &Receipt{
		Index:      index,
		LeafHash:   base64.StdEncoding.EncodeToString(h[:]),
		Checkpoint: string(checkpoint),
		Proof:      fmt.Sprintf("/api/assemblies/%s/proof/%d", a.ID(), index),
	}, nil
}

func compactJSON(b []byte) []byte {
	var buf bytes.Buffer
	if json.Compact(&buf, b) != nil {
		return b
	}
	return buf.Bytes()
}

// idempotency remembers the answers to accepted commands by (assembly,
// actor/key), and makes a concurrent retry wait for the first attempt.
type idempotency struct {
	mu    sync.Mutex
	m     map[string]*idemEntry
	order []string // keys in insertion order, for eviction
}

type idemEntry struct {
	sum    [32]byte
	done   chan struct{}
	status int
	body   []byte // nil if the first attempt did not succeed
	evict  bool   // forget it once it is answered
}

// maxIdem bounds the answers kept in memory; older keys are still known
// to the assembly's state and are answered from the log.
const maxIdem = 200_000

func newIdempotency() *idempotency { return &idempotency{m: map[string]*idemEntry{}} }

// begin returns the entry for the key and whether this request is the
// first with it (and must call finish).
func (c *idempotency) begin(assemblyID, scoped string, sum [32]byte) (*idemEntry, bool) {
	k := assemblyID + "\x00" + scoped
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[k]; ok {
		return e, false
	}
	e := &idemEntry{sum: sum, done: make(chan struct{})}
	c.m[k] = e
	c.order = append(c.order, k)
	if len(c.order) > maxIdem+maxIdem/4 {
		// Forget the oldest quarter at once, so that eviction costs O(1)
		// a request on average.
		n := len(c.order) - maxIdem
		for _, d := range c.order[:n] {
			if old := c.m[d]; old != nil {
				select {
				case <-old.done:
					delete(c.m, d)
				default:
					old.evict = true // still running: finish forgets it
				}
			}
		}
		c.order = append(c.order[:0:0], c.order[n:]...)
	}
	return e, true
}

// finish records the first attempt's answer; a failed attempt is
// forgotten so that a retry runs again.
func (c *idempotency) finish(assemblyID, scoped string, e *idemEntry, status int, body []byte, ok bool) {
	k := assemblyID + "\x00" + scoped
	c.mu.Lock()
	if ok {
		e.status, e.body = status, body
	}
	if !ok || e.evict {
		if c.m[k] == e {
			delete(c.m, k)
		}
	}
	c.mu.Unlock()
	close(e.done)
}
