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
	e, ref, err := ledger.DecodeEntry(entry)
	if err != nil || ref != nil {
		return shown(string(entry))
	}
	lines, ok := payloadLines(l, e.Payload)
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
// given as its compact JSON.
func payloadLines(l *i18n.Locale, payload json.RawMessage) ([]string, bool) {
	d := json.NewDecoder(bytes.NewReader(payload))
	d.UseNumber()
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	var lines []string
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return nil, false
		}
		name, _ := t.(string)
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return nil, false
		}
		lines = append(lines, shown(name)+": "+shown(valueText(l, name, v)))
	}
	return lines, true
}

// valueText is a payload field's value as text: a string as it stands (a
// choice translated), anything else as its compact JSON.
func valueText(l *i18n.Locale, name string, v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
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
