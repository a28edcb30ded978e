package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"

	"plenum/assembly"
	"plenum/ballot"
)

// The pages of an encrypted vote (method encrypted, docs/secret-ballots.md)
// run package ballot in the browser, built to WebAssembly: the trustee's
// page makes the trustee's key and keeps its private part in a file the
// trustee downloads (never sent), and the delegate's page encrypts the
// ballot. The module is built, not committed; Options.BallotModule names
// the folder that holds it (see ballotModuleFiles).

// ballotModuleFiles are the files served from Options.BallotModule under
// /ballot/: the module, the Go runtime's wasm_exec.js of the toolchain that
// built it, and ballot/wasm/ballot.js.
var ballotModuleFiles = []string{"ballot.wasm", "wasm_exec.js", "ballot.js"}

// CheckBallotModule reports what dir lacks of the ballot module's files.
func CheckBallotModule(dir string) error {
	for _, f := range ballotModuleFiles {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.IsDir() {
			return fmt.Errorf("%s has no %s: build the ballot module into it (plenum serve --help)", dir, f)
		}
	}
	return nil
}

// IsTrustee reports whether the viewer is a trustee of an encrypted vote
// not yet over.
func (v *view) IsTrustee() bool {
	if v.S == nil || v.Me.Person == "" {
		return false
	}
	for _, t := range v.TrusteeTasks() {
		if t.Step != "done" {
			return true
		}
	}
	return false
}

// serveBallotModule serves GET /ballot/{file}.
func (s *server) serveBallotModule(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if !slices.Contains(ballotModuleFiles, name) {
		http.NotFound(w, r)
		return
	}
	if s.opts.BallotModule == "" {
		http.Error(w, "this server has no ballot module: encrypted votes cannot be used here (plenum serve --ballot-module DIR)", http.StatusNotFound)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFile(w, r, filepath.Join(s.opts.BallotModule, name))
}

// encryptedBallot is what the delegate's page needs to encrypt a ballot.
type encryptedBallot struct {
	Key      string // the election key, canonical JSON
	Question string // ballot.Question
	Voter    string // the voting right the ballot is bound to
	Options  []choice
}

// EncryptedBallot returns the encryption data of an encrypted vote for
// the viewer, or nil when the election key is not yet derived or the
// viewer may not vote.
func (v *view) EncryptedBallot(vt *assembly.Vote) *encryptedBallot {
	ev := vt.Encrypted
	if ev == nil || ev.Key == nil {
		return nil
	}
	right := v.S.VotingRight(vt.ID, v.Me.Person)
	if right == "" {
		return nil
	}
	key, err := ballot.Encode(*ev.Key)
	if err != nil {
		return nil
	}
	q, _ := json.Marshal(ev.Question())
	eb := &encryptedBallot{Key: string(key), Question: string(q), Voter: right}
	for _, o := range ev.Options {
		eb.Options = append(eb.Options, choice{Value: o, Label: v.ChoiceLabel(vt, o)})
	}
	return eb
}

// Revote reports whether vt lets a voter cast a new ballot while it is
// open (an encrypted vote with revote).
func (v *view) Revote(vt *assembly.Vote) bool {
	return vt.Encrypted != nil && vt.Encrypted.Revote
}

// trusteeTask is one encrypted vote of which the viewer is a trustee, and
// what it waits for from them.
type trusteeTask struct {
	Vote     *assembly.Vote
	Index    int
	Step     string // key, deal, confirm, decrypt; or wait, done
	Waiting  string // what the step waits for: the key of its message
	Params   string // ballot.Parameters
	Keys     string // the published keys, a JSON array, in order
	Dealings string // the published dealings
	Key      string // the election key
	Totals   string // the encrypted totals to decrypt
}

// TrusteeTasks lists the encrypted votes of which the viewer is a trustee.
func (v *view) TrusteeTasks() []trusteeTask {
	var out []trusteeTask
	for _, id := range v.S.VoteOrder {
		vt := v.S.Votes[id]
		ev := vt.Encrypted
		if ev == nil || vt.Status == assembly.VoteStatusWithdrawn {
			continue
		}
		i := slices.Index(ev.Trustees, v.Me.Person) + 1
		if i == 0 {
			continue
		}
		t := trusteeTask{Vote: vt, Index: i}
		p, _ := json.Marshal(ev.Params())
		t.Params = string(p)
		n := len(ev.Trustees)
		t.Keys = jsonList(ev.Keys, n)
		t.Dealings = jsonList(ev.Dealings, n)
		_, hasKey := ev.Keys[i]
		_, hasDealing := ev.Dealings[i]
		_, hasConf := ev.Confirmations[i]
		_, hasPartial := ev.Partials[i]
		switch {
		case ev.Result != nil:
			t.Step, t.Waiting = "done", "web.t.w.decrypted"
		case ev.Tally != nil && !hasPartial:
			t.Step = "decrypt"
			k, _ := ballot.Encode(*ev.Key)
			tot, _ := ballot.Encode(ev.Tally.Totals)
			t.Key, t.Totals = string(k), string(tot)
		case ev.Tally != nil:
			t.Step, t.Waiting = "wait", "web.t.w.partial_in"
		case ev.Key != nil:
			t.Step, t.Waiting = "wait", "web.t.w.key_made"
		case vt.Status != assembly.VoteStatusOpen:
			t.Step, t.Waiting = "done", "web.t.w.closed_early"
		case !hasKey:
			t.Step = "key"
		case len(ev.Keys) < n:
			t.Step, t.Waiting = "wait", "web.t.w.key_in"
		case !hasDealing:
			t.Step = "deal"
		case len(ev.Dealings) < n:
			t.Step, t.Waiting = "wait", "web.t.w.dealing_in"
		case !hasConf:
			t.Step = "confirm"
		default:
			t.Step, t.Waiting = "wait", "web.t.w.confirmation_in"
		}
		out = append(out, t)
	}
	return out
}

// jsonList encodes the messages of trustees 1..n present in m, in order,
// as a JSON array of their canonical encodings.
func jsonList[T any](m map[int]T, n int) string {
	list := []json.RawMessage{}
	for i := 1; i <= n; i++ {
		if x, ok := m[i]; ok {
			b, err := ballot.Encode(x)
			if err != nil {
				return "[]"
			}
			list = append(list, b)
		}
	}
	b, _ := json.Marshal(list)
	return string(b)
}
