package minutes

import (
	"regexp"
	"strconv"

	"plenum/assembly"
)

// The speaking time the chair sets in a sitting (set_speaking_time,
// recorded as speaking_time_set: "the conference decides to limit the
// speakers to five minutes") is given since md/8, html/9 and akn/8 at its
// place in the sitting, in the document's language, naming the item it
// was set on and the adopted motion that decided it; the renderers before
// left it out.
//
// The record's entry carries the times only in its English text, which
// the rules write from the event's seconds ("Speaking time: 5 minutes a
// speech, 10 minutes for a report.", assembly's minutesText: whole
// minutes as minutes, else seconds); the item is its Ref, the motion its
// Label.

var speakingTimeRE = regexp.MustCompile(`^Speaking time: (\d+) (minute|minutes|second|seconds) a speech(?:, (\d+) (minute|minutes|second|seconds) for a report)?\.$`)

// speakingTimeText is a speaking_time_set entry's sentence, and false for
// another entry or one whose text the rules did not write.
func (b *builder) speakingTimeText(r assembly.RecordEntry) (string, bool) {
	if r.Kind != "speaking_time_set" {
		return "", false
	}
	m := speakingTimeRE.FindStringSubmatch(r.Text)
	if m == nil {
		return "", false
	}
	report := ""
	if m[3] != "" {
		report = b.l.T("minutes.speakingtime.report", b.timeText(m[3], m[4]))
	}
	speech := b.timeText(m[1], m[2])
	item := ""
	if r.Ref != "" {
		item = b.quote(b.item(r.Ref).Title)
	}
	switch {
	case r.Label != "" && item != "":
		return b.l.T("minutes.speakingtime.decided_item", speech, report, item, b.numberTitle(r.Label)), true
	case r.Label != "":
		return b.l.T("minutes.speakingtime.decided", speech, report, b.numberTitle(r.Label)), true
	case item != "":
		return b.l.T("minutes.speakingtime.chair_item", speech, report, item), true
	}
	return b.l.T("minutes.speakingtime.chair", speech, report), true
}

// timeText is "5 minutes", "90 seconds" in the document's language, from
// the number and the unit as the record writes them.
func (b *builder) timeText(n, unit string) string {
	v, _ := strconv.Atoi(n)
	if unit == "second" || unit == "seconds" {
		return b.l.T("minutes.rule.seconds", v)
	}
	return b.l.T("minutes.rule.minutes", v)
}
