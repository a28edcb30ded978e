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
	return namedEntryText(l, entry, nil)
}

// namedEntryText is receiptEntryText with the vote or election a field
// "vote" or "election" names given as name gives it (verify --receipt
// --url: by its question or title, from the log); name may be nil.
func namedEntryText(l *i18n.Locale, entry []byte, name func(field, id string) string) string {
	e, ref, err := ledger.DecodeEntry(entry)
	if err != nil || ref != nil {
		return shown(string(entry))
	}
	lines, ok := payloadLines(l, e.Payload, name)
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
// given as its compact JSON, a vote or election as name gives it.
func payloadLines(l *i18n.Locale, payload json.RawMessage, name func(field, id string) string) ([]string, bool) {
	var lines []string
	ok := eachField(payload, func(field string, v json.RawMessage) {
		lines = append(lines, shown(field)+": "+shown(valueText(l, field, v, name)))
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
