package assembly

// The words of closed sets (the state of a motion, the outcome of a vote)
// that refusals name. Each is a Reason, so that it reads as the English
// word and a catalog (package i18n) shows it in the refusal's language.

// statusWord is a state of a motion, or the outcome of a vote, as a
// refusal names it; nil for a state the rules do not define (the states
// of an assembly's own workflow, a draft chosen by a vote).
func statusWord(st string) *Reason {
	switch st {
	case MotionStatusSubmitted:
		return reason("submitted")
	case MotionStatusAdmitted:
		return reason("admitted")
	case MotionStatusNotAdmitted:
		return reason("not admitted")
	case MotionStatusPending:
		return reason("pending")
	case MotionStatusWithdrawn:
		return reason("withdrawn")
	case MotionStatusCarried:
		return reason("carried")
	case MotionStatusDefeated:
		return reason("defeated")
	case MotionStatusSetAside:
		return reason("set aside")
	case MotionStatusLapsed:
		return reason("lapsed")
	case MotionStatusReferred:
		return reason("referred")
	case MotionStatusOvertaken:
		return reason("overtaken")
	case MotionStatusNotRecorded:
		return reason("not recorded")
	}
	return nil
}

// stateWord is a motion's state or a vote's outcome for a refusal: the word
// of the rules, or, for a state an assembly's workflow names, that name
// in words ("in_committee" is "in committee").
func stateWord(st string) any {
	if w := statusWord(st); w != nil {
		return w
	}
	return words(st)
}

// outcomeWord is a vote's outcome for a refusal: the word of the rules, or
// the id of the draft it chose, as it stands.
func outcomeWord(o string) any {
	if w := statusWord(o); w != nil {
		return w
	}
	return o
}

// orList lists words as "a, b or c": a Reason of Reasons, so that a
// catalog writes the list with its own "or".
func orList(xs []any) any { return joinList("%s or %s", xs) }

// andList lists names as "a, b and c", as orList does with "and".
func andList(xs []any) any { return joinList("%s and %s", xs) }

// joinList joins xs with ", ", the last two by last ("%s or %s").
func joinList(last string, xs []any) any {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	r := reason(last, xs[len(xs)-2], xs[len(xs)-1])
	for i := len(xs) - 3; i >= 0; i-- {
		r = reason("%s, %s", xs[i], r)
	}
	return r
}

// mandateKind is the kind of a mandate as a refusal names it.
func mandateKind(k string) any {
	switch k {
	case KindDecisive:
		return reason("decisive")
	case KindConsultative:
		return reason("consultative")
	case KindGuest:
		return reason("guest")
	case KindExOfficio:
		return reason("ex officio")
	}
	return k
}

// officeList lists the offices a person holds (Offices.Titles), as a
// refusal names them: "administrator, chair of the sitting".
func officeList(titles []string) any {
	if len(titles) == 0 {
		return ""
	}
	r := officeWord(titles[len(titles)-1])
	for i := len(titles) - 2; i >= 0; i-- {
		r = reason("%s, %s", officeWord(titles[i]), r)
	}
	return r
}

// officeWord is one office as a refusal names it; the roles keep the names
// grant_role takes.
func officeWord(t string) any {
	switch t {
	case string(RoleAdministrator):
		return reason("administrator")
	case string(RoleChair):
		return reason("chair")
	case string(RoleSecretary):
		return reason("secretary")
	case string(RoleMandateCommission):
		return reason("mandate_commission")
	case string(RoleTeller):
		return reason("teller")
	case "chair of the sitting":
		return reason("chair of the sitting")
	case "secretary of the sitting":
		return reason("secretary of the sitting")
	}
	return t
}

// speechKind is a kind of taking the floor, with its article, as a
// refusal names it: "a speech", "an intervention".
func speechKind(k string) any {
	switch k {
	case "speech":
		return reason("a speech")
	case "point_of_order":
		return reason("a point of order")
	case "reply":
		return reason("a reply")
	case "question":
		return reason("a question")
	case "intervention":
		return reason("an intervention")
	case "report":
		return reason("a report")
	}
	return words(k)
}

// sideWord is the side of a speech, for or against, as a refusal names
// it: its own catalog keys, as "for" and "against" stand in the catalog
// as a ballot's choices too.
func sideWord(side string) any {
	switch side {
	case "for", "against":
		return &Reason{Format: side, Key: "refusal.side." + side}
	}
	return side
}

// methodWord is the method of a vote as a refusal names it.
func methodWord(m string) any {
	switch m {
	case "show_of_hands":
		return reason("show of hands")
	case "roll_call":
		return reason("roll call")
	case "secret":
		return reason("secret ballot")
	case "encrypted":
		return reason("encrypted ballot")
	}
	return words(m)
}
