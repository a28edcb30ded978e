package web

import (
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"plenum/assembly"
	"plenum/i18n"
)

// The forms of the motions' pages whose authority depends on what they
// name — a delegate seconds in their own name, a mover withdraws their own
// motion, a supporter gives or takes back their own support — are offered
// to whom the rules take them from, asked with the command as the form
// would give it (takes, view.Takes); the set-up forms of the motions'
// page, whose authority is an office, ask view.May.

// takes reports whether the rules would take c from the viewer now, as
// assembly.Decide decides it on the page's state (which it does not
// change).
func (v *view) takes(c assembly.Command) bool {
	if !v.Me.LoggedIn || v.S == nil {
		return false
	}
	_, err := assembly.Decide(v.S, assembly.Meta{Assembly: v.ID, Actor: v.Me.Person, At: v.Now}, c)
	return err == nil
}

// needsSecond reports whether mo, before the assembly, waits for a
// second before the vote on it, as open_vote decides it
// (assembly.State.AwaitsSecond; TestSecondOfferedAsOpenVoteRefuses).
func needsSecond(s *assembly.State, mo *assembly.Motion) bool {
	return mo != nil && mo.Status == assembly.MotionStatusPending && s.AwaitsSecond(mo)
}

// NeedsSecond reports whether mo waits for a second before its vote
// (needsSecond): the pages offer the forms to second it.
func (v *view) NeedsSecond(mo *assembly.Motion) bool { return needsSecond(v.S, mo) }

// NeedsSecond is the view's, for the chair's console kept for a state.
func (s *stateView) NeedsSecond(mo *assembly.Motion) bool { return needsSecond(s.S, mo) }

// PickSeconder is the picker of the delegate a chair or a secretary
// records as seconding mo: those holding a verified decisive mandate, but
// its mover and those who seconded it. In an assembly with more of them
// than a picker lists whole it is the picker of every person, searched on
// the server (PickPerson); the rules refuse whom they do not let second.
func (v *view) PickSeconder(id string, mo *assembly.Motion) Picker {
	label, prompt, sent := v.L.T("web.mf.seconded_by"), "prompt="+v.L.T("web.choose"), "sent=second_motion"
	var out []Choice
	for _, p := range v.S.PersonOrder {
		if md, ok := v.S.VotingMandate(p); ok && md.Kind == assembly.KindDecisive && mo != nil && p != mo.Mover && !slices.Contains(mo.Seconds, p) {
			out = append(out, v.personChoice(p, v.S.Persons[p], v.personHint(v.S.Persons[p])))
		}
	}
	if len(out) > v.pickerLimit {
		return v.PickPerson(id, "a:by", label, prompt, sent)
	}
	byName(out, func(c Choice) string { return c.Label })
	return v.Pick(id, "a:by", label, out, prompt, sent)
}

// WithdrawOffered reports whether the page offers the viewer to withdraw
// the motion (withdraw_motion): the rules take it from them, and they are
// not the chair or the committee, who see "withdrawn" among the
// workflow's next states already.
func (v *motionsView) WithdrawOffered() bool {
	mo := v.Mo
	if mo == nil || !v.takes(assembly.WithdrawMotion{Motion: mo.ID}) {
		return false
	}
	return !((v.Me.Has("chair") || v.OnCommittee()) && slices.Contains(v.NextStates(), assembly.MotionStatusWithdrawn))
}

// MotionsSetup reports whether the viewer may give any of the set-up
// commands of written motions: the deadline, the committee, categories,
// blocks.
func (v *motionsView) MotionsSetup() bool {
	return v.May("set_submission_deadline") || v.May("appoint_motions_committee") || v.May("add_motion_category") || v.May("add_motion_block")
}

// DeadlineValue is the deadline as the form to set it shows it: the one
// set, in the zone the form reads it in (DeadlineZone), to the minute,
// as a datetime-local field takes it; or "".
func (v *motionsView) DeadlineValue() string {
	d := v.S.Submission.Deadline
	if d.IsZero() {
		return ""
	}
	return d.In(v.loc()).Format(localLayouts[0])
}

// DeadlineZone names the zone the deadline's form reads the day and time
// in, with its offset from UTC at the deadline (or now): the zone of the
// hall's clock, the server's (Options.Location), the assembly having
// none of its own.
func (v *motionsView) DeadlineZone() string {
	at := v.Now
	if d := v.S.Submission.Deadline; !d.IsZero() {
		at = d
	}
	at = at.In(v.loc())
	name, _ := at.Zone()
	if n := v.loc().String(); n != "Local" && n != "" {
		name = n
	}
	if name == "UTC" {
		return name
	}
	return name + " (UTC" + at.Format("-07:00") + ")"
}

// loc is the zone of the hall's clock.
func (v *motionsView) loc() *time.Location {
	if v.Loc != nil {
		return v.Loc
	}
	return time.Local
}

// Committee is the motions committee, or nil.
func (v *motionsView) Committee() *assembly.Body { return v.S.Bodies[v.S.Submission.Committee] }

// Blocks are the blocks of motions debated together, in order.
func (v *motionsView) Blocks() []*assembly.MotionBlock {
	var out []*assembly.MotionBlock
	for _, id := range v.S.Submission.BlockOrder {
		out = append(out, v.S.Submission.Blocks[id])
	}
	return out
}

// motionKeptForms are the forms of the motions' pages that come back,
// without scripts, with what was typed or chosen in them when what they
// sent is refused, as the set-up pages' do (keptForms): by page
// ("motions", the list; "motion", a motion's page) and cmd. The forms
// whose fields are all hidden (a button: support, withdraw, a state of
// the workflow) have nothing to keep (TestEveryMotionsFormIsKept).
var motionKeptForms = map[string]map[string]keptForm{
	"motions": {
		"submit_motion":             {page: "motions", fields: []string{"a:title", "a:delegation", "a:category", "a:text", "a:reason"}},
		"set_submission_deadline":   {page: "motions", fields: []string{"a:deadline:local"}},
		"appoint_motions_committee": {page: "motions", fields: []string{"a:body"}},
		"add_motion_category":       {page: "motions", fields: []string{"a:name", "a:prefix"}},
		"add_motion_block":          {page: "motions", fields: []string{"a:title"}},
	},
	"motion": {
		"move_motion":      {page: "motion", fields: amendKept},
		"submit_motion":    {page: "motion", fields: amendKept},
		"recommend_change": {page: "motion", fields: append([]string{"a:note"}, amendKept[1:]...)},
		"recommend":        {page: "motion", fields: []string{"a:recommendation", "a:note"}},
		"second_motion":    {page: "motion", fields: []string{"a:by"}},
	},
}

// amendKept are the fields kept of an amendment's form: its title, the
// lines it changes (which bring the form back) and their new wording.
var amendKept = []string{"a:title", "a:change.from_line:int", "a:change.to_line:int", "a:change.text"}

// pageName is the page a path under /a/{id}/ shows, as keptForms and
// motionKeptForms name it: a motion's page (motions/{m}) is "motion", a
// tab of the chair's (chair/{tab}) "chair-{tab}" (backPath's inverse),
// every other page its path.
func pageName(rest string) string {
	if strings.HasPrefix(rest, "motions/") {
		return "motion"
	}
	if tab, ok := strings.CutPrefix(rest, "chair/"); ok {
		return "chair-" + tab
	}
	return rest
}

// keptMotionsPage sends back the page of motions at path (page "motions"
// or "motion", /a/{id}/motions/{m}) with the form kept and the refusal.
func (s *server) keptMotionsPage(w http.ResponseWriter, r *http.Request, page, path string, form url.Values, fl *flash, status int) {
	kept := &keptPage{form: form, flash: fl, status: status}
	if page == "motions" {
		s.motionsPageAs(w, r, kept)
		return
	}
	s.motionPageAs(w, r, path[strings.LastIndex(path, "/")+1:], kept) // path is decoded (url.URL.Path)
}

// SetupKept reports whether one of the set-up forms of the motions' page
// comes back with what was typed in it: their part of the page is open.
func (v *motionsView) SetupKept() bool {
	return v.Kept("set_submission_deadline") || v.Kept("appoint_motions_committee") || v.Kept("add_motion_category") || v.Kept("add_motion_block")
}

// localLayouts are the forms of a day and a time that a datetime-local
// field sends (the seconds, and their fractions, only when it has them),
// and the same with a space, as a person types them where a browser
// offers no picker.
var localLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05"}

// localTime reads a day and time a form sent: RFC 3339, with its offset
// (as API clients and forms made by hand send it), or a datetime-local
// value, read in zone.
func localTime(v string, zone *time.Location) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, v)
	if err == nil {
		return t, nil
	}
	for _, layout := range localLayouts {
		if t, lerr := time.ParseInLocation(layout, v, zone); lerr == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

// localTimes is form with each field "a:NAME:local" (formArgs) turned
// into "a:NAME" holding its day and time in RFC 3339, as the commands
// take it (localTime; zone is the zone of the hall's clock, in which the
// form says it reads them). An empty field is left out, as formArgs
// leaves out every empty field; one that is no day and time is refused,
// in l's words, with an example taken from now.
func localTimes(l *i18n.Locale, form url.Values, zone *time.Location, now time.Time) (url.Values, error) {
	// A copy, made at the first such field: the request's form stays as
	// sent, to be kept (keepForm).
	var out url.Values
	for field, vs := range form {
		name, ok := strings.CutSuffix(field, ":local")
		if !ok || !strings.HasPrefix(field, argPrefix) {
			continue
		}
		if out == nil {
			out = maps.Clone(form)
		}
		delete(out, field)
		v := ""
		if len(vs) > 0 {
			v = strings.TrimSpace(vs[0])
		}
		if v == "" {
			continue
		}
		t, err := localTime(v, zone)
		if err != nil {
			n := now.In(zone).AddDate(0, 0, 14)
			example := time.Date(n.Year(), n.Month(), n.Day(), 18, 0, 0, 0, zone).Format(localLayouts[0])
			return nil, errors.New(isolatedMarks(l.T("web.refused", l.T("web.mf.bad_time", mark(v), example))))
		}
		out[name] = []string{t.Format(time.RFC3339)}
	}
	if out == nil {
		return form, nil
	}
	return out, nil
}
