package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"plenum/i18n"
	"plenum/ledger"
)

// receiptEntryText is a receipt's entry as a person reads it: when it was
// recorded, by whom and what it is, then each field of its payload on a
// line of its own in the order the entry gives them, a ballot's choice in
// the reader's language ("for", "against"). A delegate checking their
// ballot should not have to read the entry's JSON to find their choice.
// An entry that does not decode, or whose payload is stored beside the
// log or is not an object, is shown as it stands.
func receiptEntryText(l *i18n.Locale, entry []byte) string {
	return namedEntryText(l, entry, nil, nil)
}

// namedEntryText is receiptEntryText with the vote or election a field
// "vote" or "election" names given as name gives it (verify --receipt
// --url: by its question or title, from the log), and the candidates
// and the list of an election's ballot as cands names them (from the
// log too); name and cands may be nil.
func namedEntryText(l *i18n.Locale, entry []byte, name func(field, id string) string, cands *candidateNamer) string {
	e, ref, err := ledger.DecodeEntry(entry)
	if err != nil || ref != nil {
		return shown(string(entry))
	}
	lines, ok := payloadLines(l, e.Payload, name, cands)
	if !ok {
		return shown(string(entry))
	}
	var b strings.Builder
	b.WriteString(l.T("cli.receipt.recorded", e.Time.UTC().Format(time.DateTime+" UTC"), shown(e.Actor), shown(e.Type)))
	for _, line := range lines {
		b.WriteString("\n  " + line)
	}
	return b.String()
}

// payloadLines are the fields of an object payload, "name: value", in
// their order; a value that is not a string, a number or a boolean is
// given as its compact JSON, a vote or election as name gives it. An
// election's ballot (an object "ballot" beside a field "election") is
// given a field a line below it, those empty left out, the candidates
// it ranks or approves and its list as cands names them (their ids if
// cands is nil).
func payloadLines(l *i18n.Locale, payload json.RawMessage, name func(field, id string) string, cands *candidateNamer) ([]string, bool) {
	var lines []string
	var p struct {
		Election string `json:"election"`
	}
	election := json.Unmarshal(payload, &p) == nil && p.Election != ""
	ok := eachField(payload, func(field string, v json.RawMessage) {
		if field == "ballot" && election {
			if inner, ok := ballotLines(l, v, cands); ok {
				lines = append(lines, shown(field)+":")
				lines = append(lines, inner...)
				return
			}
		}
		lines = append(lines, shown(field)+": "+shown(valueText(l, field, v, name)))
	})
	return lines, ok
}

// ballotLines are the fields of an election's ballot v, "  name: value"
// (payloadLines), those empty left out, the candidates ranked ("A > B")
// or approved ("A, B") and the list named as cands names them; ok is
// false if v is not an object.
func ballotLines(l *i18n.Locale, v json.RawMessage, cands *candidateNamer) (lines []string, ok bool) {
	ok = eachField(v, func(field string, v json.RawMessage) {
		switch compactJSON(v) {
		case `""`, "null", "[]", "{}":
			return
		}
		var ids []string
		var id string
		text := ""
		switch {
		case field == "ranking" && json.Unmarshal(v, &ids) == nil:
			text = cands.join(ids, " > ")
		case field == "approve" && json.Unmarshal(v, &ids) == nil:
			text = cands.join(ids, ", ")
		case field == "list" && json.Unmarshal(v, &id) == nil:
			text = cands.list(id)
		default:
			text = valueText(l, field, v, nil)
		}
		lines = append(lines, "  "+shown(field)+": "+shown(text))
	})
	return lines, ok
}

// valueText is a payload field's value as text: a string as it stands (a
// choice translated, a vote or election as named gives it, if not nil),
// anything else as its compact JSON.
func valueText(l *i18n.Locale, name string, v json.RawMessage, named func(field, id string) string) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		if named != nil && (name == "vote" || name == "election") {
			return named(name, s)
		}
		if name == "choice" && l.Has("minutes.choice."+s) {
			if w := l.T("minutes.choice." + s); w != s {
				return fmt.Sprintf("%s (%s)", w, s)
			}
		}
		return s
	}
	var c bytes.Buffer
	if json.Compact(&c, v) != nil {
		return string(v)
	}
	return c.String()
}
