package engine

import (
	"context"
	crand "crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"

	"plenum/assembly"
	"plenum/ledger"
)

// maxBatch bounds how many commands one batch decides before appending.
const maxBatch = 4096

// Assembly is one running assembly: its log, its state and its writer.
type Assembly struct {
	id  string
	log *ledger.Log

	// mu guards state. The writer holds it from deciding a batch until the
	// batch is durable, so readers never see an event that is not.
	mu    sync.RWMutex
	state *assembly.State

	feed      *Feed
	committed func(a *Assembly, checkpoint []byte)

	reqs    chan *request
	closing chan struct{}
	done    chan struct{}
	once    sync.Once
}

// Result is what an accepted command became.
type Result struct {
	// Events are the command's events, each with its ledger index.
	Events []Recorded
	// Checkpoint is the signed checkpoint of the first tree that includes
	// them.
	Checkpoint []byte
	// BallotToken is, for a ballot in a secret vote, the ballot's random
	// token: give it to the voter, and to nobody else. It is not in the
	// log until the vote closes, and then not with the voter; with it the
	// voter gets their receipt (SecretBallotReceipt).
	BallotToken string
}

// First returns the ledger index of the first event, or -1 if none.
func (r *Result) First() int64 {
	if len(r.Events) == 0 {
		return -1
	}
	return r.Events[0].Index
}

// Recorded is an event with its place in the log.
type Recorded struct {
	Index int64
	Event assembly.Event
}

// request is one or more commands decided in order in one batch.
type request struct {
	metas []assembly.Meta
	cmds  []assembly.Command
	// stopOnError: commands after a refused one are not decided.
	reply chan reply
}

type reply struct {
	results []*Result
	// failed is the position of the refused command, or -1.
	failed int
	err    error
}

func newAssembly(id string, log *ledger.Log) *Assembly {
	return &Assembly{
		id:      id,
		log:     log,
		state:   assembly.NewState(),
		feed:    newFeed(log),
		reqs:    make(chan *request, maxBatch),
		closing: make(chan struct{}),
		done:    make(chan struct{}),
	}
}

// ID returns the assembly's id.
func (a *Assembly) ID() string { return a.id }

// Log returns the assembly's ledger log (read-only use: proofs, tiles).
func (a *Assembly) Log() *ledger.Log { return a.log }

// Feed returns the assembly's stream of durable events.
func (a *Assembly) Feed() *Feed { return a.feed }

// Read calls fn with the current state: every event in it is durable. fn
// must not modify the state or keep it after returning.
func (a *Assembly) Read(fn func(s *assembly.State)) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	fn(a.state)
}

// Submit decides one command and, if the rules accept it, appends its
// events and applies them. It returns once they are durable. A refused
// command returns the *assembly.Error and changes nothing.
func (a *Assembly) Submit(ctx context.Context, m assembly.Meta, c assembly.Command) (*Result, error) {
	results, _, err := a.SubmitAll(ctx, []assembly.Meta{m}, []assembly.Command{c})
	if err != nil {
		return nil, err
	}
	return results[0], nil
}

// SubmitAll decides commands in order within one batch, stopping at the
// first refusal. It returns the results of the accepted commands (durable
// on return) and, if one was refused, its position and error; the commands
// before it stay accepted.
func (a *Assembly) SubmitAll(ctx context.Context, metas []assembly.Meta, cmds []assembly.Command) ([]*Result, int, error) {
	if len(metas) != len(cmds) || len(cmds) == 0 {
		return nil, -1, errors.New("engine: SubmitAll needs one meta per command")
	}
	req := &request{metas: metas, cmds: cmds, reply: make(chan reply, 1)}
	select {
	case a.reqs <- req:
	case <-a.closing:
		return nil, -1, ledger.ErrClosed
	case <-ctx.Done():
		return nil, -1, ctx.Err()
	}
	// Once queued, the request is answered whatever ctx does: leaving early
	// would hide whether the commands were recorded.
	r := <-req.reply
	return r.results, r.failed, r.err
}

// writer decides, appends and applies batches of requests, one at a time.
func (a *Assembly) writer() {
	defer close(a.done)
	batch := make([]*request, 0, 64)
	for {
		batch = batch[:0]
		select {
		case r := <-a.reqs:
			batch = append(batch, r)
		case <-a.closing:
			a.failQueued()
			return
		}
		n := len(batch[0].cmds)
	drain:
		for n < maxBatch {
			select {
			case r := <-a.reqs:
				batch = append(batch, r)
				n += len(r.cmds)
			default:
				break drain
			}
		}
		a.commit(batch)
	}
}

func (a *Assembly) failQueued() {
	for {
		select {
		case r := <-a.reqs:
			r.reply <- reply{failed: -1, err: ledger.ErrClosed}
		default:
			return
		}
	}
}

// commit decides every command of the batch against the state, applying
// each one's events before deciding the next, appends all events in one
// ledger append, and answers.
func (a *Assembly) commit(batch []*request) {
	a.mu.Lock()
	replies := make([]reply, len(batch))
	var entries []ledger.Entry
	var events []assembly.Event
	var sealed []ledger.SealedBallot // the batch's secret ballots, for the ballot boxes
	for i, req := range batch {
		replies[i].failed = -1
		for j, cmd := range req.cmds {
			cmd, token, err := a.prepare(cmd, sealed)
			var evs []assembly.Event
			if err == nil {
				evs, err = assembly.Decide(a.state, req.metas[j], cmd)
			}
			var sb *ledger.SealedBallot
			if err == nil && token != "" {
				sb, err = sealedBallot(cmd.(assembly.CastBallot), evs)
			}
			if err == nil && len(evs) == 0 {
				err = &assembly.Error{Code: assembly.ErrInvalid, Msg: fmt.Sprintf("the command %s changes nothing", cmd.CommandName())}
			}
			if err == nil {
				err = a.stage(evs, &entries, &events)
			}
			if err != nil {
				replies[i].failed, replies[i].err = j, err
				break
			}
			if sb != nil {
				sealed = append(sealed, *sb)
			}
			replies[i].results = append(replies[i].results, &Result{Events: make([]Recorded, len(evs)), BallotToken: token})
			for k, ev := range evs {
				replies[i].results[j].Events[k].Event = ev
			}
		}
	}
	if len(entries) > 0 {
		first, err := a.log.AppendSealed(context.Background(), sealed, entries...)
		if err == nil && first != int64(a.state.Events)-int64(len(entries)) {
			err = fmt.Errorf("engine: the log of %s gave index %d, the state expected %d", a.id, first, int64(a.state.Events)-int64(len(entries)))
		}
		if err != nil {
			a.recover(err, replies)
			a.mu.Unlock()
			a.answer(batch, replies)
			return
		}
		cp := a.log.Checkpoint()
		idx := first
		for _, r := range replies {
			for _, res := range r.results {
				res.Checkpoint = cp
				for k := range res.Events {
					res.Events[k].Index = idx
					idx++
				}
			}
		}
		a.feed.publish(first, entries, events)
		if a.committed != nil {
			a.committed(a, cp)
		}
	}
	a.mu.Unlock()
	a.answer(batch, replies)
}

// sealedBallotData is a secret ballot as kept in the ballot box.
type sealedBallotData struct {
	Vote   string `json:"vote"`
	Token  string `json:"token"`
	Choice string `json:"choice"`
	Weight int    `json:"weight"`
}

// prepare completes a command with what plenum, not the client, gives: a
// secret ballot's token (returned, to be handed back to the voter), and
// the sealed ballots of a secret vote being closed, read from its ballot
// box and pending, the ballots of this batch not yet stored.
func (a *Assembly) prepare(cmd assembly.Command, pending []ledger.SealedBallot) (assembly.Command, string, error) {
	switch c := cmd.(type) {
	case assembly.CastBallot:
		v := a.state.Votes[c.Vote]
		if v == nil || v.Method != "secret" {
			return cmd, "", nil // Decide refuses a token outside a secret vote
		}
		if c.Token != "" {
			return nil, "", &assembly.Error{Code: assembly.ErrInvalid, Field: "token", Msg: "plenum makes a secret ballot's token; leave token out"}
		}
		c.Token = crand.Text()
		return c, c.Token, nil
	case assembly.CloseVote:
		v := a.state.Votes[c.Vote]
		if v == nil || v.Method != "secret" {
			return cmd, "", nil
		}
		if len(c.Sealed) > 0 {
			return nil, "", &assembly.Error{Code: assembly.ErrInvalid, Field: "sealed", Msg: "plenum fills in a secret vote's sealed ballots from its ballot box; leave sealed out"}
		}
		if v.Status != assembly.VoteStatusOpen {
			return cmd, "", nil // Decide says why not
		}
		box, err := a.log.SealedBallots(context.Background(), c.Vote)
		if err != nil {
			return nil, "", fmt.Errorf("engine: %s: reading the ballot box of %s: %w", a.id, c.Vote, err)
		}
		for _, b := range pending {
			if b.Box == c.Vote {
				box = append(box, b)
			}
		}
		if len(box) != len(v.Ballots) {
			return nil, "", fmt.Errorf("engine: %s: the ballot box of %s holds %d ballots, the record %d voters", a.id, c.Vote, len(box), len(v.Ballots))
		}
		for _, b := range box {
			var d sealedBallotData
			if err := json.Unmarshal(b.Data, &d); err != nil || d.Vote != c.Vote || d.Token != b.Token {
				return nil, "", fmt.Errorf("engine: %s: a ballot in the box of %s cannot be read", a.id, c.Vote)
			}
			for _, t := range assembly.UnitTokens(d.Token, max(d.Weight, 1)) {
				c.Sealed = append(c.Sealed, assembly.SealedChoice{Token: t, Choice: d.Choice})
			}
		}
		shuffle(c.Sealed)
		return c, "", nil
	}
	return cmd, "", nil
}

// shuffle permutes s uniformly with a generator seeded from crypto/rand.
func shuffle(s []assembly.SealedChoice) {
	var seed [32]byte
	crand.Read(seed[:])
	r := rand.New(rand.NewChaCha8(seed))
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}

// sealedBallot is the ballot-box entry of an accepted secret ballot: its
// vote, token, choice and weight, never its voter.
func sealedBallot(c assembly.CastBallot, evs []assembly.Event) (*ledger.SealedBallot, error) {
	weight := 1
	for _, ev := range evs {
		if bc, ok := ev.(assembly.BallotCast); ok {
			weight = max(bc.Weight, 1)
		}
	}
	data, err := json.Marshal(sealedBallotData{Vote: c.Vote, Token: c.Token, Choice: c.Choice, Weight: weight})
	if err != nil {
		return nil, err
	}
	return &ledger.SealedBallot{Box: c.Vote, Token: c.Token, Data: data}, nil
}

// stage applies events to the state and queues their ledger entries.
func (a *Assembly) stage(evs []assembly.Event, entries *[]ledger.Entry, events *[]assembly.Event) error {
	// Encode all first, so that an event that cannot be encoded changes
	// nothing.
	staged := make([]ledger.Entry, len(evs))
	for k, ev := range evs {
		payload, err := assembly.EncodeEvent(ev)
		if err != nil {
			return fmt.Errorf("engine: encoding %s: %w", ev.EventType(), err)
		}
		staged[k] = ledger.Entry{Actor: ev.EventMeta().Actor, Type: ev.EventType(), Payload: payload}
	}
	for k, ev := range evs {
		if err := a.state.Apply(ev); err != nil {
			if k > 0 {
				// Half a command is in the state: rebuild it from the
				// log and the batch's earlier events.
				a.rebuild(*events)
			}
			return fmt.Errorf("engine: %s: the event %s does not apply: %w", a.id, ev.EventType(), err)
		}
	}
	*entries = append(*entries, staged...)
	*events = append(*events, evs...)
	return nil
}

// recover handles a failed append: the state holds events that are not
// durable, so it is rebuilt from the log, and every accepted command of
// the batch is answered with the error.
func (a *Assembly) recover(err error, replies []reply) {
	for i := range replies {
		if len(replies[i].results) > 0 || replies[i].err == nil {
			replies[i].results = nil
			replies[i].failed = 0
			replies[i].err = fmt.Errorf("engine: %s: the record could not be written, nothing was recorded: %w", a.id, err)
		}
	}
	a.rebuild(nil)
}

// rebuild replaces the state by the replay of the log followed by pending,
// events of the current batch not yet appended. If the log cannot be read
// back the assembly refuses everything from then on.
func (a *Assembly) rebuild(pending []assembly.Event) {
	if err := a.replayLocked(context.Background()); err != nil {
		a.once.Do(func() { close(a.closing) })
		return
	}
	for _, ev := range pending {
		if err := a.state.Apply(ev); err != nil {
			a.once.Do(func() { close(a.closing) })
			return
		}
	}
}

func (a *Assembly) answer(batch []*request, replies []reply) {
	for i, req := range batch {
		req.reply <- replies[i]
	}
}

// replayChunk is how many entries replay reads at once.
const replayChunk = 4096

func (a *Assembly) replayLocked(ctx context.Context) error {
	size := a.log.Size()
	r := NewReplayer()
	for start := int64(0); start < size; start += replayChunk {
		end := min(start+replayChunk, size)
		entries, err := a.log.Read(ctx, start, end)
		if err != nil {
			return fmt.Errorf("engine: replaying %s: %w", a.id, err)
		}
		for _, e := range entries {
			if err := r.Apply(a.log.Origin(), e); err != nil {
				return err
			}
		}
	}
	a.state = r.State(a.log.Origin())
	if a.state == nil {
		a.state = assembly.NewState()
	}
	a.feed.reset(size)
	return nil
}

func (a *Assembly) close() {
	a.once.Do(func() { close(a.closing) })
	<-a.done
	a.feed.close()
	a.log.Close()
}
