package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"plenum/i18n"
	"plenum/ledger"
)

// TestReceiptEntryInWords: verify --receipt prints the receipt's entry as
// a delegate reads it — when, by whom, what, then each field on a line,
// the choice in their language — not as the entry's JSON; an entry it
// cannot read so is shown as it stands.
func TestReceiptEntryInWords(t *testing.T) {
	data, _, err := ledger.EncodeEntry(ledger.Entry{Index: 733, Time: time.Date(1917, 3, 31, 3, 30, 0, 0, time.UTC), Actor: "skrypnik", Type: "ballot_cast",
		Payload: json.RawMessage(`{"vote":"v-army","voter":"skrypnik","right":"m-skrypnik","choice":"against","weight":1,"ranks":["a","b"]}`)})
	if err != nil {
		t.Fatal(err)
	}
	en := receiptEntryText(i18n.For("en"), data)
	want := "recorded 1917-03-31 03:30:00 UTC by skrypnik: ballot_cast\n  vote: v-army\n  voter: skrypnik\n  right: m-skrypnik\n  choice: against\n  weight: 1\n  ranks: [\"a\",\"b\"]"
	if en != want {
		t.Errorf("English:\n%s\nwant\n%s", en, want)
	}
	if de := receiptEntryText(i18n.For("de"), data); !strings.HasPrefix(de, "aufgezeichnet am 1917-03-31 03:30:00 UTC von skrypnik: ballot_cast\n") || !strings.Contains(de, "\n  choice: dagegen (against)\n") {
		t.Errorf("German: %s", de)
	}
	if got := receiptEntryText(i18n.For("en"), []byte(`{"not":"an entry"}`)); got != `{"not":"an entry"}` {
		t.Errorf("not an entry: %s", got)
	}
	// A payload that is not an object is shown as the entry stands.
	arr, _, err := ledger.EncodeEntry(ledger.Entry{Index: 1, Time: time.Unix(0, 0), Actor: "a", Type: "t", Payload: json.RawMessage(`[1,2]`)})
	if err != nil {
		t.Fatal(err)
	}
	if got := receiptEntryText(i18n.For("en"), arr); got != string(arr) {
		t.Errorf("array payload: %s", got)
	}
}
