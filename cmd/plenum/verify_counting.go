package main

import (
	"errors"
	"strconv"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/tally"
)

// unknownCounting notes the entry whose replay stopped at an election or
// a vote counted by counting rules this plenum does not know (a later
// plenum's, assembly.UnknownCountingError), so that verify says so, with
// exit status 3, rather than calling the record altered: nothing was
// found wrong, and a newer plenum can count it.
type unknownCounting struct {
	origin string
	index  int64
	err    *assembly.UnknownCountingError
}

// note notes err, the replay's of entry index of origin, if it is the
// first such.
func (u *unknownCounting) note(origin string, index int64, err error) {
	var ue *assembly.UnknownCountingError
	if u.err == nil && errors.As(err, &ue) {
		u.origin, u.index, u.err = origin, index, ue
	}
}

// exit is verify's end where its first failure, at entry index of
// origin, is the entry noted: nil otherwise. The log is named as name.
func (u *unknownCounting) exit(l *i18n.Locale, origin string, index int64, name string) error {
	if u.err == nil || index != u.index || origin != u.origin {
		return nil
	}
	return &exitError{code: 3, msg: l.T("cli.verify.unknown_counting", name, u.err.Rules, strconv.FormatInt(index, 10), u.err.ID, tally.KnownRules())}
}

// excerptUnknownCounting is verify --excerpt's end where the excerpt's
// check stopped at an election or a vote counted by counting rules this
// plenum does not know: exit status 3, as for the whole record; nil for
// any other failure.
func excerptUnknownCounting(l *i18n.Locale, file string, err error) error {
	var ue *assembly.UnknownCountingError
	var ee *assembly.EntryError
	if !errors.As(err, &ue) || !errors.As(err, &ee) {
		return nil
	}
	return &exitError{code: 3, msg: l.T("cli.verify.unknown_counting", file, ue.Rules, strconv.FormatInt(ee.Index, 10), ue.ID, tally.KnownRules())}
}
