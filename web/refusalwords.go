package web

import (
	"net/http"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/personarg"
)

// refusalVariant is the catalog's prefix of a refusal's words for a page's
// reader (i18n.Locale.RefusalFor): "the field “Title”", where the API
// says "the field "title"".
const refusalVariant = "web.refusal."

// formWord is how a page names a command and its arguments: the action
// its form does (a catalog key: the form's button or heading where it says
// the action alone, else "web.act.<cmd>") and each argument's label on the
// form, by the argument's name in JSON.
type formWord struct {
	action string
	// on are the actions of the forms of particular pages that say the
	// command in words of their own, by the page's path under the
	// assembly as the form's back field gives it: the mandate commission
	// registers a delegate present ("Register present") by the command a
	// delegate gives saying "I am in the hall".
	on     map[string]string
	labels map[string]string
}

// actionOn is the catalog key of the action of the command's form on
// the page given (formPage).
func (w formWord) actionOn(page string) string {
	if k, ok := w.on[page]; ok {
		return k
	}
	return w.action
}

// formPage is the page of the assembly id whose form r posted, as the
// form's back field names it under the assembly ("mandates",
// "chair/hall"), or "".
func formPage(r *http.Request, id string) string {
	p, ok := strings.CutPrefix(r.PostFormValue("back"), "/a/"+id+"/")
	if !ok || id == "" {
		return ""
	}
	p, _, _ = strings.Cut(p, "#")
	p, _, _ = strings.Cut(p, "?")
	return p
}

// formWords are the pages' words of the commands their forms post
// (TestEveryFormHasItsWords holds them to the templates: every form's
// command has its action, every labelled argument its label), and of the
// commands a refusal sends a page's reader to (revoke_access_codes). A
// refusal names a command and a field as data (assembly.CommandName,
// assembly.CommandRef, assembly.FieldName), which inPageWords puts in
// these words: a page's reader reads "Submit a motion: the field “Title”
// is required" and "correct the minutes instead (“Record the
// correction”)", an API client "submit_motion: the field "title" is
// required" and "(correct_record)".
var formWords = map[string]formWord{
	"add_body_members":          {action: "web.act.add_body_members"},
	"add_item":                  {action: "web.ca.add_h", labels: map[string]string{"title": "web.c.title", "number": "web.ca.number", "threshold": "web.ca.threshold"}},
	"add_membership":            {action: "web.spp.record_membership", labels: map[string]string{"role": "web.spp.role"}},
	"add_motion_block":          {action: "web.mf.add_block", labels: map[string]string{"title": "web.mf.block_title"}},
	"add_motion_category":       {action: "web.mf.add_category", labels: map[string]string{"name": "web.mf.category_name", "prefix": "web.mf.prefix"}},
	"add_organization":          {action: "web.so.add_h"},
	"add_person":                {action: "web.sp.add_h"},
	"amend_assembly":            {action: "web.su.correct_particulars"},
	"amend_mandate":             {action: "web.spp.correct", labels: map[string]string{"kind": "web.c.kind", "weight": "web.p.votes"}},
	"amend_organization":        {action: "web.so.correct_org", labels: map[string]string{"name": "web.su.name", "kind": "web.so.kind", "number": "web.so.number_short"}},
	"amend_person":              {action: "web.act.amend_person", labels: map[string]string{"name": "web.spp.name", "ref": "web.spp.ref"}},
	"appoint_motions_committee": {action: "web.mf.appoint", labels: map[string]string{"body": "web.mf.committee"}},
	"approve_minutes":           {action: "web.cf.approve_h"},
	"cast_ballot":               {action: "web.act.cast_ballot"},
	"cast_election_ballot":      {action: "web.d.confirm_ballot"},
	"change_presidium":          {action: "web.cf.pr_btn", labels: map[string]string{"note": "web.cf.note"}},
	"check_in":                  {action: "web.d.in_hall", on: map[string]string{"mandates": "web.m.register_present"}},
	"check_out":                 {action: "web.m.register_departure"},
	"close_discussion":          {action: "web.c.close_discussion"},
	"close_election":            {action: "web.c.close_election", labels: map[string]string{"seed": "web.ce.seed"}},
	"close_item":                {action: "web.ca.close"},
	"close_list":                {action: "web.c.close_list"},
	"reopen_list":               {action: "web.c.reopen_list"},
	"set_speaking_time":         {action: "web.c.set_speaking_time", labels: map[string]string{"seconds": "web.c.speaking_time_item"}},
	"close_sitting":             {action: "web.ct.close", labels: map[string]string{"time": "web.ct.time_as_stated"}},
	"close_vote":                {action: "web.c.close_vote"},
	"correct_record":            {action: "web.s.record_correction", labels: map[string]string{"entry": "web.s.entry_no", "text": "web.s.corrected_text", "reason": "web.m.reason"}},
	"strike_record":             {action: "web.s.strike_action", labels: map[string]string{"reason": "web.m.reason"}},
	"declare_election":          {action: "web.c.declare_elected", labels: map[string]string{"note": "web.ce.note"}},
	"declare_result":            {action: "web.c.declare_result", labels: map[string]string{"outcome": "web.c.outcome"}},
	"deprive_floor":             {action: "web.act.deprive_floor"},
	"end_speech":                {action: "web.c.end_speech"},
	"enter_count":               {action: "web.c.enter_count", labels: map[string]string{"for": "web.choice.for", "against": "web.choice.against", "abstain": "web.choice.abstain", "ballots": "web.c.after_ballots"}},
	"form_body":                 {action: "web.act.form_body"},
	"give_floor":                {action: "web.c.give_floor", labels: map[string]string{"motion": "web.c.on_procedural", "side": "web.c.side"}},
	"grant_role":                {action: "web.sof.grant", labels: map[string]string{"role": "web.spp.give_office"}},
	"issue_access_codes":        {action: "web.m.issue"},
	"leave_hall":                {action: "web.ch.record_leaving", labels: map[string]string{"unnamed": "web.ch.others", "note": "web.mo.note"}},
	"move_motion":               {action: "web.c.enter_motion", labels: map[string]string{"amends": "web.c.amends", "title": "web.c.title"}},
	"nominate":                  {action: "web.ce.nominate", labels: map[string]string{"list": "web.ce.on_list"}},
	"open_election":             {action: "web.ce.open_h", labels: map[string]string{"title": "web.c.title", "method": "web.ce.method", "seats": "web.ce.seats", "approvals": "web.ce.approvals", "instruction": "web.ce.instruction", "body": "web.ce.body", "trustee_quorum": "web.enc.quorum"}},
	"open_sitting":              {action: "web.ct.open", labels: map[string]string{"title": "web.c.title", "date": "web.ct.date", "time": "web.ct.time", "venue": "web.ct.venue"}},
	"open_vote":                 {action: "web.c.put_to_vote", labels: map[string]string{"trustee_quorum": "web.enc.quorum"}},
	"plan_item":                 {action: "web.act.plan_item", labels: map[string]string{"minutes": "web.ca.planned"}},
	"read_document":             {action: "web.s.read_into", labels: map[string]string{"title": "web.c.title", "origin": "web.s.adopted_by", "text": "web.s.or_text", "points": "web.s.points"}},
	"recommend":                 {action: "web.mo.record_recommendation", labels: map[string]string{"recommendation": "web.mo.recommendation", "note": "web.mo.note"}},
	"recommend_change":          {action: "web.mo.recommend_change", labels: map[string]string{"note": "web.mo.why"}},
	"record_interjection":       {action: "web.s.record_interjection", labels: map[string]string{"label": "web.s.or_label", "text": "web.s.words"}},
	"record_attendance":         {action: "web.m.record_attendance"},
	"record_narrative":          {action: "web.act.record_narrative", labels: map[string]string{"text": "web.c.text", "time": "web.s.time_stated"}},
	"record_speech":             {action: "web.s.record_speech", labels: map[string]string{"label": "web.s.or_label", "capacity": "web.s.capacity", "notes": "web.s.notes", "floor": "web.s.floor_turn"}},
	"reject_mandate":            {action: "web.spp.reject", labels: map[string]string{"reason": "web.spp.reason"}},
	"remove_body_members":       {action: "web.act.remove_body_members"},
	"remove_organization":       {action: "web.so.remove_org"},
	"reorder_items":             {action: "web.act.reorder_items"},
	"request_floor":             {action: "web.d.ask"},
	"resume_item":               {action: "web.act.resume_item"},
	"set_reporters":             {action: "web.cf.reporters_btn"},
	"set_item_threshold":        {action: "web.ca.threshold_btn", labels: map[string]string{"threshold": "web.ca.threshold"}},
	"retitle_item":              {action: "web.cf.retitle_btn", labels: map[string]string{"title": "web.cf.retitle_title", "reason": "web.cf.retitle_reason"}},
	"return_to_hall":            {action: "web.ch.record_returning", labels: map[string]string{"unnamed": "web.ch.others"}},
	"revoke_access_codes":       {action: "web.m.revoke"},
	"revoke_role":               {action: "web.act.revoke_role"},
	"second_motion":             {action: "web.mf.record_second"},
	"set_countdown":             {action: "web.cs.start", labels: map[string]string{"label": "web.cs.countdown_for", "seconds": "web.cs.minutes"}},
	"set_motion_state":          {action: "web.mo.workflow_h"},
	"set_record_access":         {action: "web.su.access_change"},
	"set_rules":                 {action: "web.su.change_rules", labels: map[string]string{"preset": "web.su.start_again"}},
	"set_screen":                {action: "web.cs.set", labels: map[string]string{"name": "web.cs.name", "show": "web.cs.shows", "message": "web.cs.message_empty"}},
	"set_submission_deadline":   {action: "web.mf.set_deadline"},
	"submit_mandate":            {action: "web.spp.add"},
	"submit_motion":             {action: "web.mo.submit_h", labels: map[string]string{"title": "web.c.title", "delegation": "web.mo.submitted_by", "category": "web.mo.category", "text": "web.c.text", "reason": "web.mo.reasons"}},
	"support_motion":            {action: "web.mo.i_support"},
	"table_item":                {action: "web.cf.table_btn", labels: map[string]string{"until": "web.cf.until"}},
	"take_up_item":              {action: "web.act.take_up_item"},
	"transfer_proxy":            {action: "web.spp.give_proxy"},
	"verify_mandate":            {action: "web.act.verify_mandate"},
	"withdraw_election":         {action: "web.ce.withdraw", labels: map[string]string{"reason": "web.ce.withdraw_why"}},
	"withdraw_motion":           {action: "web.mf.withdraw"},
	"withdraw_request":          {action: "web.d.withdraw_request"},
	"withdraw_support":          {action: "web.mf.take_back"},
	"withdraw_vote":             {action: "web.c.withdraw_vote", labels: map[string]string{"reason": "web.c.why_withdrawn"}},
}

// inPageWords is r with the commands and fields it names as data
// (assembly.CommandName, CommandRef, FieldName) in the page's words in l
// (formWords), in its phrases too: the command refused by its form's
// action, another command by its action quoted, a field by its label on
// the form; an action as the form on page says it where that form has
// words of its own (formWord.on). A command or a field no page has words
// for keeps its name.
func inPageWords(l *i18n.Locale, r assembly.Reason, page string) assembly.Reason {
	return personarg.EachArg(r, func(a any) any {
		switch a := a.(type) {
		case assembly.CommandName:
			if w, ok := formWords[string(a)]; ok {
				return l.T(w.actionOn(page))
			}
		case assembly.CommandRef:
			if w, ok := formWords[string(a)]; ok {
				return l.T("web.act.quoted", l.T(w.actionOn(page)))
			}
		case assembly.FieldName:
			if k, ok := formWords[a.Cmd].labels[a.Name]; ok {
				return l.T(k)
			}
		}
		return a
	})
}
