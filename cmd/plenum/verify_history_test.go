package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"plenum/i18n"
	"plenum/ledger"
)

// TestVerifyExcerptLineDatesTheEvent: an excerpt's entry whose event is
// dated otherwise than the entry was recorded (a record restored from
// the minutes of 1917, recorded in 2026) says both, in the reader's
// language, so that the day of the restoring does not pass for the day
// of the event; an entry recorded when its event is dated says it once.
// A list in its summary is counted in elements, which in German are not
// called entries (Einträge, the log's), as the eligible of a vote are no
// entries of the log.
func TestVerifyExcerptLineDatesTheEvent(t *testing.T) {
	recorded := time.Date(2026, 12, 7, 19, 57, 56, 0, time.UTC)
	entry := func(at time.Time) ledger.Entry {
		eligible := make([]string, 81)
		for i := range eligible {
			eligible[i] = fmt.Sprintf("delegate-%d", i)
		}
		p, _ := json.Marshal(map[string]any{"meta": map[string]any{"assembly": "march-1917", "actor": "restorer", "at": at},
			"vote": "v-close", "eligible": eligible})
		return ledger.Entry{Index: 495, Time: recorded, Actor: "restorer", Type: "vote_opened", Payload: p}
	}
	old := entry(time.Date(1917, 3, 29, 14, 38, 0, 0, time.FixedZone("MSK", 3*3600)))
	for lang, want := range map[string]string{
		"":   "entry 495, recorded 2026-12-07 19:57:56 UTC, dated 1917-03-29 14:38:00 +03:00, vote_opened by restorer: eligible: 81 items; vote: v-close",
		"de": "Eintrag 495, aufgezeichnet 2026-12-07 19:57:56 UTC, datiert 1917-03-29 14:38:00 +03:00, vote_opened von restorer: eligible: 81 Elemente; vote: v-close",
		"ru": "запись 495, записано 2026-12-07 19:57:56 UTC, датировано 1917-03-29 14:38:00 +03:00, vote_opened",
		"fr": "entrée 495, enregistrée le 2026-12-07 19:57:56 UTC, datée du 1917-03-29 14:38:00 +03:00, vote_opened",
		"es": "entrada 495, registrada el 2026-12-07 19:57:56 UTC, fechada el 1917-03-29 14:38:00 +03:00, vote_opened",
	} {
		if got := excerptEntryLine(i18n.For(lang), 495, old, nil); !strings.HasPrefix(got, want) {
			t.Errorf("%q:\n got %s\nwant %s", lang, got, want)
		}
	}
	now := excerptEntryLine(i18n.For(""), 495, entry(recorded.Add(2*time.Second)), nil)
	if !strings.HasPrefix(now, "entry 495, 2026-12-07 19:57:56 UTC, vote_opened by restorer: ") || strings.Contains(now, "dated") {
		t.Errorf("an entry recorded when its event is dated: %s", now)
	}
}
