package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"plenum/assembly"
	"plenum/i18n"
)

// When a vote opens in a hall of ten thousand, every delegate's phone
// fetches its page's live fragment at once, and most of what each shows
// is the same for all of them: the vote's heading, its choices, the
// motion's text, the motions before the assembly. The template function
// "stateKept NAME . [X]" renders such a part (the template NAME) once for
// each state of the assembly the readers see, and for each language,
// page and X (a vote, by its id), and keeps it. A state is its pointer
// and how many events were applied to it (assembly.State.Events): the
// readers' state changes only by events applied, each adding one, or by
// being replaced (another pointer, which the kept parts hold on to, so it
// is not reused while they are kept). The parts of one assembly are kept
// for its latest state only, and at most maxStateParts of them.
//
// A part sees a stateView: the page's language, its assembly's id and
// name, the state, and the methods of the view that read nothing else —
// not the viewer, their token, the clock, the request. A part that reads
// anything else fails to render, which the tests of its page find; so a
// part kept for one delegate never shows another's page. What a part
// needs of one viewer or one render — a form's token and key, a clock, a
// picker that a search sent with the page fills — it leaves as a hole
// (Hidden, the function "fresh"), filled on every render from that
// render's own view (TestStateKeptHolesAreEachViewers). The chair's
// console is kept so, but for its tabs and the page around it
// (TestChairConsoleKeptShowsEachOfficerTheirOwn).

// stateView is all that a part kept by stateKept sees. Its methods are
// the view's that read only the state and the language (and the server's
// zone, Clock: one for all of a server's pages), and Hidden, a hole.
type stateView struct {
	// L, ID, Page and S are the view's (fields, as the view's are: a
	// template reads a field without the reflected call a method costs).
	L    *i18n.Locale
	ID   string
	Page string
	S    *assembly.State
	v    *view
	// holes are the holes the part has left (Hidden, fresh), in order.
	holes []string
}

// newStateView is the stateView of v.
func newStateView(v *view) *stateView {
	return &stateView{L: v.L, ID: v.ID, Page: v.Page, S: v.S, v: v}
}

// statePair gives a part kept by stateKept two values: the stateView and
// the thing shown (as pair does for a view).
type statePair struct {
	V *stateView
	X any
}

func (s *stateView) Word(w string) string                           { return s.v.Word(w) }
func (s *stateView) Name(person string) string                      { return s.v.Name(person) }
func (s *stateView) Names(persons []string) template.HTML           { return s.v.Names(persons) }
func (s *stateView) Question(vt *assembly.Vote) string              { return s.v.Question(vt) }
func (s *stateView) Choices(vt *assembly.Vote) []choice             { return s.v.Choices(vt) }
func (s *stateView) Motion(id string) *assembly.Motion              { return s.v.Motion(id) }
func (s *stateView) MotionTitle(id string) string                   { return s.v.MotionTitle(id) }
func (s *stateView) Pending() []*assembly.Motion                    { return s.v.Pending() }
func (s *stateView) Item() *assembly.Item                           { return s.v.Item() }
func (s *stateView) Items() []*assembly.Item                        { return s.v.Items() }
func (s *stateView) ItemStatusOf(it *assembly.Item) string          { return s.v.ItemStatusOf(it) }
func (s *stateView) MethodName(method string) string                { return s.v.MethodName(method) }
func (s *stateView) OutcomeWord(vt *assembly.Vote) string           { return s.v.OutcomeWord(vt) }
func (s *stateView) Named(text string) template.HTML                { return s.v.Named(text) }
func (s *stateView) Arithmetic(vt *assembly.Vote) template.HTML     { return s.v.Arithmetic(vt) }
func (s *stateView) Election(id string) *assembly.Election          { return s.v.Election(id) }
func (s *stateView) ItemTitle(id string) string                     { return s.v.ItemTitle(id) }
func (s *stateView) BodyName(id string) string                      { return s.v.BodyName(id) }
func (s *stateView) OrgName(id string) string                       { return s.v.OrgName(id) }
func (s *stateView) Document(id string) *assembly.Document          { return s.v.Document(id) }
func (s *stateView) Speech(id string) *assembly.Speech              { return s.v.Speech(id) }
func (s *stateView) VoteOn(motion string) *assembly.Vote            { return s.v.VoteOn(motion) }
func (s *stateView) AnnounceBallot() string                         { return s.v.AnnounceBallot() }
func (s *stateView) ChoiceLabel(vt *assembly.Vote, c string) string { return s.v.ChoiceLabel(vt, c) }

// The chair's console (its live regions) as a kept part: what the chair
// sees of the state.

func (s *stateView) Quorum() quorum                                   { return s.v.Quorum() }
func (s *stateView) QuorumWait() *quorumWait                          { return s.v.QuorumWait() }
func (s *stateView) QuorumShort() *quorumWait                         { return s.v.QuorumShort() }
func (s *stateView) NextAction() nextAction                           { return s.v.NextAction() }
func (s *stateView) AnnounceNext() string                             { return s.v.AnnounceNext() }
func (s *stateView) AnnounceVotes() string                            { return s.v.AnnounceVotes() }
func (s *stateView) ActiveVotes() []*assembly.Vote                    { return s.v.ActiveVotes() }
func (s *stateView) ActiveElections() []*assembly.Election            { return s.v.ActiveElections() }
func (s *stateView) LastOutcome() *outcome                            { return s.v.LastOutcome() }
func (s *stateView) CountLine(vt *assembly.Vote) template.HTML        { return s.v.CountLine(vt) }
func (s *stateView) HandCounted(vt *assembly.Vote) bool               { return s.v.HandCounted(vt) }
func (s *stateView) ElectionCountLine(el *assembly.Election) string   { return s.v.ElectionCountLine(el) }
func (s *stateView) ShortLists(el *assembly.Election) []assembly.List { return s.v.ShortLists(el) }
func (s *stateView) ListNames(ls []assembly.List) string              { return s.v.ListNames(ls) }
func (s *stateView) CountDecides(vt *assembly.Vote) string            { return s.v.CountDecides(vt) }
func (s *stateView) CountAgain(vt *assembly.Vote) string              { return s.v.CountAgain(vt) }
func (s *stateView) ConsentLabel(vt *assembly.Vote) string            { return s.v.ConsentLabel(vt) }
func (s *stateView) Turn() *assembly.Turn                             { return s.v.Turn() }
func (s *stateView) Speakers() []assembly.Request                     { return s.v.Speakers() }
func (s *stateView) NextSpeakers(n int) upTo[assembly.Request]        { return s.v.NextSpeakers(n) }
func (s *stateView) InOrder() *assembly.Motion                        { return s.v.InOrder() }
func (s *stateView) BeingVoted() *assembly.Motion                     { return s.v.BeingVoted() }
func (s *stateView) ProceduralOn(item string) []*assembly.Motion      { return s.v.ProceduralOn(item) }
func (s *stateView) Then() []*assembly.Motion                         { return s.v.Then() }
func (s *stateView) ItemPending() []*assembly.Motion                  { return s.v.ItemPending() }
func (s *stateView) PendingElsewhere() pendingElsewhere               { return s.v.PendingElsewhere() }
func (s *stateView) OpenGroups() []*assembly.Alternatives             { return s.v.OpenGroups() }

// Clock is a time of the state as the hall reads it (view.Clock): in the
// server's zone, the same for every page of a server.
func (s *stateView) Clock(t time.Time) string { return s.v.Clock(t) }

// A kept part holds nothing of one viewer or one render, but a form in
// it needs the viewer's anti-forgery token and a fresh idempotency key,
// and a countdown the clock. Such a thing is a hole in the part: the
// part is kept with a mark where the hole is, and each render of it puts
// there what the viewer's own view renders (view.Hidden, or the
// template the function "fresh" names). A mark is a NUL, which the
// templates never write and escape in any text they show (as U+FFFD),
// then this process's random holeMark, the hole's template ("" for
// Hidden) and a NUL; a part whose holes are not all found as marks (one
// in an attribute, escaped) fails to render.

// holeMark is the random middle of every hole's mark (a NUL and it
// begin one).
var holeMark = func() string {
	b := make([]byte, 12)
	rand.Read(b)
	return "\x00" + hex.EncodeToString(b) + ":"
}()

// hole leaves a hole for the template name ("" for Hidden) in the part
// being rendered.
func (s *stateView) hole(name string) template.HTML {
	s.holes = append(s.holes, name)
	if name == "" {
		return hiddenHole
	}
	return template.HTML(holeMark + name + "\x00")
}

// hiddenHole is the mark of Hidden's hole.
var hiddenHole = template.HTML(holeMark + "\x00")

// Hidden is a hole for the hidden fields of a form (view.Hidden: the
// viewer's anti-forgery token and a fresh idempotency key), filled on
// every render with the viewer's.
func (s *stateView) Hidden() template.HTML { return s.hole("") }

// fill is the kept part h with each hole filled for the view v: Hidden's
// fields, or the template the hole names rendered for v by t.
func fill(t *template.Template, h template.HTML, v *view) (template.HTML, error) {
	s := string(h)
	i := strings.Index(s, holeMark)
	if i < 0 {
		return h, nil
	}
	var b strings.Builder
	b.Grow(len(s) + 512)
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i+len(holeMark):]
		end := strings.IndexByte(s, 0)
		if end < 0 {
			return "", errors.New("stateKept: a hole's mark without its end")
		}
		switch name := s[:end]; name {
		case "":
			b.WriteString(string(v.Hidden()))
		default:
			if err := t.ExecuteTemplate(&b, name, v); err != nil {
				return "", err
			}
		}
		s = s[end+1:]
		i = strings.Index(s, holeMark)
	}
	b.WriteString(s)
	return template.HTML(b.String()), nil
}

// stateKey is a part as stateKept keeps it within one state: its
// template, language, assembly, page, and the id of what it shows ("" for
// the page alone).
type stateKey struct {
	name     string
	l        *i18n.Locale
	id, page string
	x        string
}

// stateGen are the parts kept for one state of an assembly (its pointer
// and Events).
type stateGen struct {
	state  *assembly.State
	events int
	kept   keptHTML[stateKey]
}

// maxStateParts bounds the parts kept for one state: its votes, by the
// languages, pages and parts.
const maxStateParts = 1024

// keptStates are the parts of a page set kept by stateKept, for the
// latest state of each assembly.
type keptStates struct {
	t  *template.Template
	of sync.Map // assembly id → *atomic.Pointer[stateGen]
}

// gen returns the parts kept for v's state, a fresh set when the state
// moved on (or was replaced) since; nil when v does not read an
// assembly's readers' state (then each part is rendered afresh).
func (k *keptStates) gen(v *view) *stateGen {
	if v.asm == nil || v.S == nil {
		return nil
	}
	p, ok := k.of.Load(v.ID)
	if !ok {
		p, _ = k.of.LoadOrStore(v.ID, new(atomic.Pointer[stateGen]))
	}
	slot := p.(*atomic.Pointer[stateGen])
	if g := slot.Load(); g != nil && g.state == v.S && g.events == v.S.Events {
		return g
	}
	g := &stateGen{state: v.S, events: v.S.Events, kept: keptHTML[stateKey]{max: maxStateParts}}
	// Another render of the same state may have stored its own set
	// meanwhile; this one replaces it, and both are right.
	slot.Store(g)
	return g
}

// part is the function "stateKept": the template name rendered for the
// page p's state and language, with the stateView as its dot, or with x
// (a *assembly.Vote or *assembly.Election of the state) a statePair of
// the two; kept for each state (stateGen).
func (k *keptStates) part(name string, p interface{ page() *view }, xs ...any) (template.HTML, error) {
	v := p.page()
	sv := newStateView(v)
	var data any = sv
	key := stateKey{name: name, l: v.L, id: v.ID, page: v.Page}
	switch len(xs) {
	case 0:
	case 1:
		switch x := xs[0].(type) {
		case *assembly.Vote:
			key.x = "vote:" + x.ID
		case *assembly.Election:
			key.x = "election:" + x.ID
		default:
			return "", fmt.Errorf("stateKept %s: a part is kept for a vote or an election, not a %T", name, xs[0])
		}
		data = statePair{V: sv, X: xs[0]}
	default:
		return "", errors.New("stateKept " + name + ": one thing shown at most")
	}
	render := func(b *strings.Builder) error {
		if err := k.t.ExecuteTemplate(b, name, data); err != nil {
			return err
		}
		if n := strings.Count(b.String(), holeMark); n != len(sv.holes) {
			return fmt.Errorf("stateKept %s: %d holes left, %d found (a hole where the template escapes it)", name, len(sv.holes), n)
		}
		return nil
	}
	g := k.gen(v)
	var h template.HTML
	if g == nil {
		var b strings.Builder
		if err := render(&b); err != nil {
			return "", err
		}
		h = template.HTML(b.String())
	} else {
		var err error
		if h, err = g.kept.get(key, render); err != nil {
			return "", err
		}
	}
	return fill(k.t, h, v)
}

// fresh is the function "fresh NAME .": in a part kept by stateKept (.
// its stateView) a hole for the template NAME, rendered for the view of
// each render as the part is filled; elsewhere (. a page's view) NAME
// rendered for the view now.
func (k *keptStates) fresh(name string, p any) (template.HTML, error) {
	switch x := p.(type) {
	case *stateView:
		return x.hole(name), nil
	case interface{ page() *view }:
		var b strings.Builder
		if err := k.t.ExecuteTemplate(&b, name, x.page()); err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil
	}
	return "", fmt.Errorf("fresh %s: of a view, not a %T", name, p)
}
