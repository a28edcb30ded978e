package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"plenum/assembly"
	"plenum/ballot"
	"plenum/i18n"
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
		plainError(w, r, nil, http.StatusNotFound, "web.http.no_ballot_module")
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFile(w, r, filepath.Join(s.opts.BallotModule, name))
}

// encryptedBallot is what the delegate's page needs to encrypt a ballot.
type encryptedBallot struct {
	Field    string // "vote" or "election": the command's field naming it
	ID       string // the vote's or the election's
	Legend   string // what to mark, in words
	Key      string // the election key, canonical JSON
	Question string // ballot.Question
	Voter    string // the voting right the ballot is bound to
	// ForMandate is the mandate the viewer carries as proxy that the
	// ballot is cast for (the command's for_mandate; "" for their own);
	// Pre tells the form's element ids apart where a proxy's page has
	// several (mandateBallot's).
	ForMandate, Pre string
	Options         []choice
	// Several is set where a ballot may mark more or fewer than one
	// option (approval, plurality for several seats): check boxes, not
	// radio buttons; Min and Max are the fewest and the most marks.
	Several  bool
	Min, Max int
	// Ranked is set for a ranked election: the voter ranks the options,
	// and the page says that the server shuffles the ballots.
	Ranked bool
	// Buttons is set for a vote's ballot: one button per choice, as a
	// plain vote's, which brings the confirmation.
	Buttons bool
	// Holder is the name of the carried mandate's holder (ForMandate's),
	// Title the election's: what the confirmation names.
	Holder, Title string
}

// EncryptedBallot returns the encryption data of an encrypted vote for
// the viewer, or nil when the election key is not yet derived or the
// viewer may not vote.
func (v *view) EncryptedBallot(vt *assembly.Vote) *encryptedBallot {
	return v.encryptedVoteBallot(vt, v.S.VotingRight(vt.ID, v.Me.Person))
}

// encryptedVoteBallot is EncryptedBallot bound to the voting right right.
func (v *view) encryptedVoteBallot(vt *assembly.Vote, right string) *encryptedBallot {
	eb := encryptionData(vt.Encrypted, right)
	if eb == nil {
		return nil
	}
	eb.Field, eb.ID, eb.Legend = "vote", vt.ID, v.L.T("web.d.enc_choice")
	eb.Buttons = !eb.Several && !eb.Ranked
	for _, o := range vt.Encrypted.Options {
		eb.Options = append(eb.Options, choice{Value: o, Label: v.ChoiceLabel(vt, o)})
	}
	return eb
}

// encryptedElectionBallot is encryptedVoteBallot for an encrypted
// election: its options are the candidates, or the lists.
func (v *view) encryptedElectionBallot(el *assembly.Election, right string) *encryptedBallot {
	eb := encryptionData(el.Encrypted, right)
	if eb == nil {
		return nil
	}
	eb.Field, eb.ID, eb.Title = "election", el.ID, el.Title
	switch {
	case eb.Ranked:
		eb.Legend = v.L.T("web.d.rank")
	case len(el.Lists) > 0:
		eb.Legend = v.L.T("web.d.one_list")
	case eb.Several:
		eb.Legend = v.L.T("web.d.tick_up_to", eb.Max)
	default:
		eb.Legend = v.L.T("web.d.enc_choice")
	}
	names := map[string]string{}
	for _, l := range el.Lists {
		names[l.ID] = l.Name
	}
	for _, o := range el.Encrypted.Options {
		label, ok := names[o]
		if !ok {
			label = v.Name(o)
		}
		eb.Options = append(eb.Options, choice{Value: o, Label: label})
	}
	return eb
}

// EncryptedFor is the encryption data of the ballot b of a proxy's page
// (VoteBallots, ElectionBallots) or of the viewer's one ballot in an
// election (OwnElectionBallot), in an encrypted vote or election: bound
// to the mandate carried that it is cast for, or to the viewer's own
// right; nil as EncryptedBallot.
func (v *view) EncryptedFor(b mandateBallot) *encryptedBallot {
	var eb *encryptedBallot
	switch {
	case b.Vote != nil && b.For != "":
		eb = v.encryptedVoteBallot(b.Vote, b.For)
	case b.Vote != nil:
		eb = v.EncryptedBallot(b.Vote)
	case b.For != "":
		eb = v.encryptedElectionBallot(b.Election, b.For)
	default:
		eb = v.encryptedElectionBallot(b.Election, v.S.ElectionVotingRight(b.Election.ID, v.Me.Person))
	}
	if eb != nil {
		eb.ForMandate, eb.Pre, eb.Holder = b.For, b.Pre, b.Holder
	}
	return eb
}

// EncryptedAsk is the question of the confirmation of the encrypted
// ballot eb: what it casts, a carried mandate's, in which election; in a
// vote with the place (strong.enc-chosen) where encrypted.js names the
// choice, which the server never knows.
func (v *view) EncryptedAsk(eb *encryptedBallot) template.HTML {
	switch {
	case eb.Field == "election" && eb.ForMandate != "":
		return tr(v.L, "web.pb.cast_in_for", bdi(eb.Holder), bdi(eb.Title))
	case eb.Field == "election":
		return tr(v.L, "web.d.cast_in", bdi(eb.Title))
	}
	ask := template.HTML(template.HTMLEscapeString(v.L.T("web.d.cast")))
	if eb.ForMandate != "" {
		ask = tr(v.L, "web.pb.cast_for", bdi(eb.Holder))
	}
	return tr(v.L, "web.d.enc_cast_q", ask, template.HTML(`<strong class="enc-chosen"></strong>`))
}

// encryptedRightVoter are the voting right and the voter of an encrypted
// ballot (castByOf's).
func encryptedRightVoter(b *assembly.EncryptedBallot) (string, string) { return b.Right, b.Voter }

// againIn sets Again of a proxy's ballots bs in the encrypted box ev
// (nil: none) where eligible are entitled: those cast that the viewer may
// cast anew (assembly's MayCastAgain), their own right's or the carried
// mandate's.
func (v *view) againIn(ev *assembly.EncryptedVote, eligible map[string]bool, bs []mandateBallot) []mandateBallot {
	if ev == nil {
		return bs
	}
	for i := range bs {
		right := bs[i].For
		if right == "" {
			right = v.ownRight(eligible)
		}
		bs[i].Again = bs[i].Why == "voted" && right != "" && ev.MayCastAgain(right, v.Me.Person)
	}
	return bs
}

// encryptionData is the key, the question and the voting right of an
// encrypted box, or nil before its key or for a viewer without a right.
func encryptionData(ev *assembly.EncryptedVote, right string) *encryptedBallot {
	if ev == nil || ev.Key == nil || right == "" {
		return nil
	}
	key, err := ballot.Encode(*ev.Key)
	if err != nil {
		return nil
	}
	q := ev.Question()
	qb, _ := json.Marshal(q)
	return &encryptedBallot{Key: string(key), Question: string(qb), Voter: right, Several: q.Kind == ballot.Choice && (q.Min != 1 || q.Max != 1), Min: q.Min, Max: q.Max, Ranked: ev.Ranked}
}

// encryptedMessages are the keys of what encrypted.js says, which the
// page gives it in its language (EncryptedMessages).
var encryptedMessages = []string{
	"web.enc.no_module", "web.enc.refused_status", "web.enc.encrypting", "web.enc.casting", "web.enc.tracker_mismatch",
	"web.enc.not_cast", "web.enc.marked", "web.enc.rank_twice", "web.enc.rank_missing", "web.enc.choose_file",
	"web.enc.not_key_file", "web.enc.other_vote", "web.enc.unknown_step", "web.enc.working", "web.enc.key_made",
	"web.enc.save_key", "web.enc.key_saved", "web.enc.not_published", "web.enc.save_below", "web.enc.done", "web.enc.refused",
	"web.enc.blank",
}

// EncryptedMessages is what encrypted.js says, in the page's language: a
// JSON object of the messages by key (the script fills in a message's %s
// or %d). In another language than English it holds what each code of
// package ballot's errors means, which the script shows instead of the
// module's English; in English the module's own words stand.
func (v *view) EncryptedMessages() string {
	if s, ok := encryptedMessagesIn.Load(v.L.Lang()); ok {
		return s.(string)
	}
	s := encryptedMessagesOf(v.L)
	encryptedMessagesIn.Store(v.L.Lang(), s)
	return s
}

// encryptedMessagesIn are the EncryptedMessages in each language (the
// catalogs are the binary's): made once, not on every render of a
// delegate's page.
var encryptedMessagesIn sync.Map // language tag → string

func encryptedMessagesOf(l *i18n.Locale) string {
	m := make(map[string]string, len(encryptedMessages)+len(ballot.Codes()))
	for _, k := range encryptedMessages {
		m[k] = l.T(k)
	}
	if l.Lang() != i18n.Default {
		for _, c := range ballot.Codes() {
			m["ballot.error."+c] = l.T("ballot.error." + c)
		}
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// EncryptedCount says how many options an encrypted ballot marks, for the
// script to say when it marks more or fewer ("" for a ranked ballot).
func (v *view) EncryptedCount(eb *encryptedBallot) string {
	switch {
	case eb.Ranked:
		return ""
	case eb.Min == eb.Max:
		return v.L.T("web.enc.choose", eb.Max)
	case eb.Min > 0:
		return v.L.T("web.enc.mark_from", eb.Min, eb.Max)
	}
	return v.L.T("web.enc.mark_up_to", eb.Max)
}

// Revote reports whether vt lets the viewer cast a new ballot while it is
// open: an encrypted vote with revote, in which their right's ballot, if
// cast, is their own (not one their proxy cast while they were away:
// assembly's MayCastAgain).
func (v *view) Revote(vt *assembly.Vote) bool {
	return vt.Encrypted != nil && vt.Encrypted.Revote && vt.Encrypted.MayCastAgain(v.ownRight(vt.Eligible), v.Me.Person)
}

// ElectionRevote is Revote for an election.
func (v *view) ElectionRevote(el *assembly.Election) bool {
	return el.Encrypted != nil && el.Encrypted.Revote && el.Encrypted.MayCastAgain(v.ownRight(el.Eligible), v.Me.Person)
}

// trusteeTask is one encrypted vote or election of which the viewer is a
// trustee, and what it waits for from them.
type trusteeTask struct {
	ID       string // the vote's or the election's
	Field    string // "vote" or "election": the commands' field naming it
	Title    string
	EV       *assembly.EncryptedVote
	Index    int
	Step     string // key, deal, confirm, decrypt; or wait, done
	Waiting  string // what the step waits for: the key of its message
	Params   string // ballot.Parameters
	Keys     string // the published keys, a JSON array, in order
	Dealings string // the published dealings
	Key      string // the election key
	Totals   string // the encrypted totals to decrypt
}

// TrusteeTasks lists the encrypted votes and elections of which the
// viewer is a trustee.
func (v *view) TrusteeTasks() []trusteeTask {
	var out []trusteeTask
	for _, id := range v.S.VoteOrder {
		vt := v.S.Votes[id]
		if vt.Encrypted == nil || vt.Status == assembly.VoteStatusWithdrawn {
			continue
		}
		if t, ok := v.trusteeTask(vt.Encrypted, vt.Status == assembly.VoteStatusOpen); ok {
			t.ID, t.Field, t.Title = id, "vote", v.Question(vt)
			out = append(out, t)
		}
	}
	for _, id := range v.S.ElectionOrder {
		el := v.S.Elections[id]
		if el.Encrypted == nil || el.Status == assembly.ElectionStatusWithdrawn {
			continue
		}
		if t, ok := v.trusteeTask(el.Encrypted, el.Status == assembly.ElectionStatusOpen); ok {
			t.ID, t.Field, t.Title = id, "election", el.Title
			out = append(out, t)
		}
	}
	return out
}

// trusteeTask is the viewer's step in the encrypted box ev, if they are
// one of its trustees; open is whether the box still takes ballots.
func (v *view) trusteeTask(ev *assembly.EncryptedVote, open bool) (trusteeTask, bool) {
	i := slices.Index(ev.Trustees, v.Me.Person) + 1
	if i == 0 {
		return trusteeTask{}, false
	}
	t := trusteeTask{EV: ev, Index: i}
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
	case ev.ToDecrypt() != nil && !hasPartial:
		t.Step = "decrypt"
		k, _ := ballot.Encode(*ev.Key)
		tot, _ := ballot.Encode(ev.ToDecrypt())
		t.Key, t.Totals = string(k), string(tot)
	case ev.ToDecrypt() != nil:
		t.Step, t.Waiting = "wait", "web.t.w.partial_in"
	case ev.Key != nil:
		t.Step, t.Waiting = "wait", "web.t.w.key_made"
	case !open:
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
	return t, true
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
