package httpapi

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/tlogproof"
)

// audience says who may see a view.
type audience int

const (
	// readers: whoever may read the record under the assembly's setting
	// (MayRead).
	readers audience = iota
	// participantReaders: those of the readers who are logged in to the
	// assembly.
	participantReaders
	// self: the person logged in to the assembly, about themselves,
	// whatever the setting.
	self
)

// view reads the state of the path's assembly and writes fn's value as
// JSON to those the audience admits. The value is encoded while the
// state is held, so it is a consistent picture of durable events.
func (api *API) view(w http.ResponseWriter, r *http.Request, aud audience, fn func(s *assembly.State, who Identity) (any, error)) {
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return
	}
	if aud != readers {
		if _, ok := participant(w, r, a.ID()); !ok {
			return
		}
	}
	sess := auth.FromContext(r.Context())
	var body []byte
	var err error
	refused, why, l := 0, "", (*i18n.Locale)(nil)
	a.Read(func(s *assembly.State) {
		if aud != self && !MayRead(s, sess) {
			l = i18n.Choose(r, s.Assembly.Language)
			refused, why = ReadRefusalIn(s, sess, l)
			return
		}
		var v any
		v, err = fn(s, Identify(s, sess))
		if err == nil {
			body, err = json.Marshal(v)
		}
	})
	if refused != 0 {
		problemIn(w, l, refused, readCode(refused), "", why)
		return
	}
	if err != nil {
		api.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// readCode is the problem code of a refusal to read.
func readCode(status int) string {
	if status == http.StatusUnauthorized {
		return "unauthorized"
	}
	return "forbidden"
}

// mayRead answers a request for the record of a with its refusal, or
// reports true when the session may read it.
func (api *API) mayRead(w http.ResponseWriter, r *http.Request, a *engine.Assembly) bool {
	sess := auth.FromContext(r.Context())
	refused, why, l := 0, "", (*i18n.Locale)(nil)
	a.Read(func(s *assembly.State) {
		if !MayRead(s, sess) {
			l = i18n.Choose(r, s.Assembly.Language)
			refused, why = ReadRefusalIn(s, sess, l)
		}
	})
	if refused != 0 {
		problemIn(w, l, refused, readCode(refused), "", why)
		return false
	}
	return true
}

// notFound is a refusal as the rules make it, with its template and
// arguments, so that it is shown in the reader's language.
func notFound(format string, args ...any) error {
	return &assembly.Error{Code: assembly.ErrNotFound, Msg: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// session serves GET /api/session: who is logged in, if anyone.
func (api *API) session(w http.ResponseWriter, r *http.Request) {
	sess := auth.FromContext(r.Context())
	body, _ := json.Marshal(struct {
		LoggedIn bool `json:"logged_in"`
		*auth.Session
	}{sess != nil, sess})
	writeJSON(w, http.StatusOK, body)
}

// AssemblySummary is an assembly in the list.
type AssemblySummary struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Starts string `json:"starts"`
	Ends   string `json:"ends,omitempty"`
	Events int    `json:"events"`
	// HeldOut is set for an assembly the server holds out, its record
	// damaged: nothing is read from its log, so its name and dates are
	// empty and its events 0.
	HeldOut *HeldOutSummary `json:"held_out,omitempty"`
}

func (api *API) listAssemblies(w http.ResponseWriter, r *http.Request) {
	out := []AssemblySummary{}
	for _, a := range api.eng.Assemblies() {
		a.Read(func(s *assembly.State) {
			if s.Created {
				out = append(out, AssemblySummary{ID: s.Assembly.ID, Name: s.Assembly.Name, Starts: s.Assembly.Starts, Ends: s.Assembly.Ends, Events: s.Events})
			}
		})
	}
	if held := api.opts.heldOut(); len(held) > 0 {
		l := localeOf(r)
		for _, h := range held {
			out = append(out, AssemblySummary{ID: h.ID, HeldOut: &HeldOutSummary{Reason: h.Reason(l), Todo: h.Todo(l)}})
		}
	}
	body, _ := json.Marshal(out)
	writeJSON(w, http.StatusOK, body)
}

// AssemblyView is GET /api/assemblies/{id}.
type AssemblyView struct {
	Assembly    assembly.Assembly `json:"assembly"`
	OpenSitting string            `json:"open_sitting"`
	CurrentItem string            `json:"current_item"`
	Quorum      struct {
		Present int  `json:"present"`
		Needed  int  `json:"needed"`
		Met     bool `json:"met"`
	} `json:"quorum"`
	Events int      `json:"events"`
	You    Identity `json:"you"`
}

func (api *API) getAssembly(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, readers, func(s *assembly.State, who Identity) (any, error) {
		v := AssemblyView{Assembly: s.Assembly, OpenSitting: s.OpenSitting, Events: s.Events, You: who}
		if st := s.Sitting(); st != nil {
			v.CurrentItem = st.CurrentItem
		}
		if a, ok := api.eng.Assembly(s.Assembly.ID); ok {
			v.Quorum.Present, v.Quorum.Needed, v.Quorum.Met = a.Quorum(s) // counted once a state
		} else {
			v.Quorum.Present, v.Quorum.Needed, v.Quorum.Met = s.Quorum()
		}
		return v, nil
	})
}

// MyBallot is one of my ballots, for GET …/me.
type MyBallot struct {
	Vote   string    `json:"vote,omitempty"`
	Right  string    `json:"right"`
	Choice string    `json:"choice,omitempty"` // empty in a secret vote
	At     time.Time `json:"at"`
}

func (api *API) me(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, self, func(s *assembly.State, who Identity) (any, error) {
		ballots := []MyBallot{}
		for _, vid := range s.VoteOrder {
			v := s.Votes[vid]
			for _, b := range v.Ballots {
				if b.Voter == who.Person {
					c := b.Choice
					if v.Method == "secret" {
						c = ""
					}
					ballots = append(ballots, MyBallot{Vote: vid, Right: b.Right, Choice: c, At: b.At})
				}
			}
		}
		// The state keeps 0 for a mandate submitted without a weight; it
		// carries one vote, and the API says so (as /mandates does).
		one := func(m *assembly.Mandate) *assembly.Mandate {
			c := *m
			c.Weight = m.Votes()
			return &c
		}
		if who.Mandate != nil {
			who.Mandate = one(who.Mandate)
		}
		mandates := make([]*assembly.Mandate, len(who.Mandates))
		for i, m := range who.Mandates {
			mandates[i] = one(m)
		}
		who.Mandates = mandates
		return struct {
			Identity
			Ballots []MyBallot `json:"ballots"`
		}{who, ballots}, nil
	})
}

func (api *API) persons(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, participantReaders, func(s *assembly.State, _ Identity) (any, error) {
		out := make([]*assembly.Person, 0, len(s.PersonOrder))
		for _, id := range s.PersonOrder {
			out = append(out, s.Persons[id])
		}
		return out, nil
	})
}

func (api *API) organizations(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, participantReaders, func(s *assembly.State, _ Identity) (any, error) {
		out := make([]*assembly.Organization, 0, len(s.OrgOrder))
		for _, id := range s.OrgOrder {
			out = append(out, s.Organizations[id])
		}
		return out, nil
	})
}

// mandates: the mandate commission and administrators see every mandate;
// others see the verified ones.
func (api *API) mandates(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, participantReaders, func(s *assembly.State, who Identity) (any, error) {
		all := who.Has(string(assembly.RoleMandateCommission)) || who.Has(string(assembly.RoleAdministrator)) || who.ServerAdmin
		out := make([]assembly.Mandate, 0, len(s.MandateOrder))
		for _, id := range s.MandateOrder {
			m := *s.Mandates[id]
			if all || m.Status == assembly.MandateStatusVerified {
				// The state keeps 0 for a mandate submitted without a
				// weight; it carries one vote, and the API says so.
				m.Weight = m.Votes()
				out = append(out, m)
			}
		}
		return out, nil
	})
}

func (api *API) sittings(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, readers, func(s *assembly.State, _ Identity) (any, error) {
		out := make([]*assembly.Sitting, 0, len(s.SittingOrder))
		for _, id := range s.SittingOrder {
			out = append(out, s.Sittings[id])
		}
		return out, nil
	})
}

// ItemView is an item of the order of the day without its floor.
type ItemView struct {
	ID               string   `json:"id"`
	Title            string   `json:"title"`
	Number           string   `json:"number"`
	Reporters        []string `json:"reporters"`
	CoReporters      []string `json:"co_reporters"`
	Note             string   `json:"note"`
	Status           string   `json:"status"`
	TabledUntil      string   `json:"tabled_until"`
	Speaker          string   `json:"speaker"`
	ListClosed       bool     `json:"list_closed"`
	DiscussionClosed bool     `json:"discussion_closed"`
}

func (api *API) items(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, participantReaders, func(s *assembly.State, _ Identity) (any, error) {
		out := make([]ItemView, 0, len(s.ItemOrder))
		for _, id := range s.ItemOrder {
			it := s.Items[id]
			out = append(out, ItemView{ID: it.ID, Title: it.Title, Number: it.Number, Reporters: it.Reporters, CoReporters: it.CoReporters,
				Note: it.Note, Status: it.Status, TabledUntil: it.TabledUntil, Speaker: it.Floor.Speaker,
				ListClosed: it.Floor.ListClosed, DiscussionClosed: it.Floor.DiscussionClosed})
		}
		return out, nil
	})
}

// SpeakersView is an item's speakers' list: who has the floor, who waits
// in the order the rules give, and who spoke.
type SpeakersView struct {
	Item             string             `json:"item"`
	Speaker          string             `json:"speaker"`
	Waiting          []assembly.Request `json:"waiting"`
	Turns            []assembly.Turn    `json:"turns"`
	ListClosed       bool               `json:"list_closed"`
	DiscussionClosed bool               `json:"discussion_closed"`
	// Allowances is the speaking time allotted to delegations or
	// tendencies on the item: used, and left as of the request.
	Allowances []assembly.Allowance `json:"allowances"`
}

func (api *API) speakers(w http.ResponseWriter, r *http.Request) {
	item := r.PathValue("item")
	api.view(w, r, participantReaders, func(s *assembly.State, _ Identity) (any, error) {
		it := s.Items[item]
		if it == nil {
			return nil, notFound("there is no item %q on the order of the day", item)
		}
		v := SpeakersView{Item: item, Speaker: it.Floor.Speaker, Waiting: s.SpeakersList(item), Turns: it.Floor.Turns,
			ListClosed: it.Floor.ListClosed, DiscussionClosed: it.Floor.DiscussionClosed}
		if v.Waiting == nil {
			v.Waiting = []assembly.Request{}
		}
		if v.Turns == nil {
			v.Turns = []assembly.Turn{}
		}
		v.Allowances = s.Allowances(item, time.Now())
		if v.Allowances == nil {
			v.Allowances = []assembly.Allowance{}
		}
		return v, nil
	})
}

// MotionsView lists motions: every one in the order moved, and the ids of
// the pending ones in the order they are put to the vote.
type MotionsView struct {
	Pending []string           `json:"pending"`
	Motions []*assembly.Motion `json:"motions"`
}

func (api *API) motions(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, participantReaders, func(s *assembly.State, _ Identity) (any, error) {
		v := MotionsView{Pending: []string{}, Motions: make([]*assembly.Motion, 0, len(s.MotionOrder))}
		for _, m := range s.PendingMotions() {
			v.Pending = append(v.Pending, m.ID)
		}
		for _, id := range s.MotionOrder {
			v.Motions = append(v.Motions, s.Motions[id])
		}
		return v, nil
	})
}

// VoteView is a vote and its result. Ballots are listed only for one vote
// asked by a participant, and never with choices in a secret vote.
type VoteView struct {
	ID           string                      `json:"id"`
	Motion       string                      `json:"motion,omitempty"`
	Alternatives string                      `json:"alternatives,omitempty"`
	Question     string                      `json:"question,omitempty"`
	Method       string                      `json:"method"`
	Sitting      string                      `json:"sitting"`
	Item         string                      `json:"item,omitempty"`
	Threshold    assembly.Threshold          `json:"threshold"`
	EligibleNote string                      `json:"eligible_note,omitempty"`
	Attendance   assembly.AttendanceSnapshot `json:"attendance"`
	Status       string                      `json:"status"`
	OpenedAt     time.Time                   `json:"opened_at"`
	ClosedAt     time.Time                   `json:"closed_at"`
	Cast         int                         `json:"cast"` // ballots cast through plenum
	// SealedEntries are the log entries (sealed_ballots) that carry a
	// closed secret vote's ballots, shuffled, with their tokens and no
	// voter; a voter's receipt is the proof of one of them.
	SealedEntries []int64           `json:"sealed_entries,omitempty"`
	Rounds        []assembly.Round  `json:"rounds"`
	Result        *assembly.Result  `json:"result"`
	Ballots       []assembly.Ballot `json:"ballots,omitempty"`
}

func voteView(v *assembly.Vote, withBallots bool) VoteView {
	out := VoteView{ID: v.ID, Motion: v.Motion, Alternatives: v.Alternatives, Question: v.Question, Method: v.Method,
		Sitting: v.Sitting, Item: v.Item, Threshold: v.Threshold, EligibleNote: v.EligibleNote, Attendance: v.Attendance,
		Status: v.Status, OpenedAt: v.OpenedAt, ClosedAt: v.ClosedAt, Cast: v.BallotsCast(), Rounds: v.Rounds, Result: v.Result,
		SealedEntries: append([]int64(nil), v.SealedEntries...)}
	if withBallots {
		out.Ballots = make([]assembly.Ballot, len(v.Ballots))
		copy(out.Ballots, v.Ballots)
		if v.Method == "secret" {
			for i := range out.Ballots {
				out.Ballots[i].Choice = ""
			}
		}
	}
	return out
}

func (api *API) votes(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, readers, func(s *assembly.State, _ Identity) (any, error) {
		out := make([]VoteView, 0, len(s.VoteOrder))
		for _, id := range s.VoteOrder {
			out = append(out, voteView(s.Votes[id], false))
		}
		return out, nil
	})
}

func (api *API) vote(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("vote")
	api.view(w, r, readers, func(s *assembly.State, who Identity) (any, error) {
		v := s.Votes[id]
		if v == nil {
			return nil, notFound("there is no vote %q", id)
		}
		return voteView(v, !who.Has(RolePublic)), nil
	})
}

// ElectionView is an election without its ballots.
type ElectionView struct {
	ID           string          `json:"id"`
	Title        string          `json:"title"`
	Body         string          `json:"body"`
	Seats        int             `json:"seats"`
	Method       string          `json:"method"`
	Candidates   []string        `json:"candidates"`
	Lists        []assembly.List `json:"lists"`
	Instruction  string          `json:"instruction"`
	Sitting      string          `json:"sitting"`
	EligibleNote string          `json:"eligible_note"`
	Status       string          `json:"status"`
	Cast         int             `json:"cast"`
	Elected      []string        `json:"elected"`
	Arithmetic   string          `json:"arithmetic"`
	Note         string          `json:"note"`
}

func (api *API) elections(w http.ResponseWriter, r *http.Request) {
	api.view(w, r, participantReaders, func(s *assembly.State, _ Identity) (any, error) {
		out := make([]ElectionView, 0, len(s.ElectionOrder))
		for _, id := range s.ElectionOrder {
			e := s.Elections[id]
			out = append(out, ElectionView{ID: e.ID, Title: e.Title, Body: e.Body, Seats: e.Seats, Method: e.Method, Candidates: e.Candidates,
				Lists: e.Lists, Instruction: e.Instruction, Sitting: e.Sitting, EligibleNote: e.EligibleNote, Status: e.Status,
				Cast: e.BallotsCast(), Elected: e.Elected, Arithmetic: e.Arithmetic, Note: e.Note})
		}
		return out, nil
	})
}

// record serves the minutes: ?after=N (an entry index) and ?limit= (at
// most 1000, default 500) page through them.
func (api *API) record(w http.ResponseWriter, r *http.Request) {
	after, limit := int64(-1), 500
	if v := r.URL.Query().Get("after"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < -1 {
			problem(w, r, http.StatusBadRequest, "malformed", "after", "api.after_index")
			return
		}
		after = n
	}
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			problem(w, r, http.StatusBadRequest, "malformed", "limit", "api.limit")
			return
		}
		limit = n
	}
	api.view(w, r, readers, func(s *assembly.State, _ Identity) (any, error) {
		out := []assembly.RecordEntry{}
		for _, e := range s.Record {
			if int64(e.Entry) <= after {
				continue
			}
			out = append(out, e)
			if len(out) == limit {
				break
			}
		}
		return out, nil
	})
}

// checkpoint serves the latest signed checkpoint as text/plain.
func (api *API) checkpoint(w http.ResponseWriter, r *http.Request) {
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(a.Log().Checkpoint())
}

// ProofView is an inclusion proof of one entry against a checkpoint,
// checked with tlog.CheckRecord(proof, size, root, index, leaf_hash).
type ProofView struct {
	Index      int64    `json:"index"`
	TreeSize   int64    `json:"tree_size"`
	LeafHash   string   `json:"leaf_hash"`
	Proof      []string `json:"proof"`
	Checkpoint string   `json:"checkpoint"`
	// Entry is the entry's stored bytes (base64), for participants.
	Entry string `json:"entry,omitempty"`
	// Receipt is the same as a C2SP tlog-proof file whose extra line is
	// the entry (tlogproof.VerifyReceipt checks it offline), for
	// participants.
	Receipt string `json:"receipt,omitempty"`
}

func (api *API) proof(w http.ResponseWriter, r *http.Request) {
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return
	}
	if !api.mayRead(w, r, a) {
		return
	}
	index, err := strconv.ParseInt(r.PathValue("index"), 10, 64)
	if err != nil || index < 0 {
		problem(w, r, http.StatusBadRequest, "malformed", "index", "api.entry_index")
		return
	}
	v, err := proofOf(r, a, index)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	if sess := auth.FromContext(r.Context()); !sess.In(a.ID()) {
		v.Entry, v.Receipt = "", ""
	}
	body, _ := json.Marshal(v)
	writeJSON(w, http.StatusOK, body)
}

func proofOf(r *http.Request, a *engine.Assembly, index int64) (*ProofView, error) {
	cp := a.Log().Checkpoint()
	c, err := ledger.ParseSignedCheckpoint(cp)
	if err != nil {
		return nil, err
	}
	if index >= c.Size {
		return nil, notFound("there is no entry %d: the log has %d entries", index, c.Size)
	}
	p, err := a.Log().InclusionProof(r.Context(), index, c.Size)
	if err != nil {
		return nil, err
	}
	raw, err := a.Log().Raw(r.Context(), index, index+1)
	if err != nil {
		return nil, err
	}
	h := tlog.RecordHash(raw[0])
	v := &ProofView{Index: index, TreeSize: c.Size, LeafHash: base64.StdEncoding.EncodeToString(h[:]), Checkpoint: string(cp),
		Entry: base64.StdEncoding.EncodeToString(raw[0]), Proof: make([]string, len(p))}
	for i, x := range p {
		v.Proof[i] = base64.StdEncoding.EncodeToString(x[:])
	}
	v.Receipt = string(tlogproof.NewReceipt(index, raw[0], p, cp))
	return v, nil
}
