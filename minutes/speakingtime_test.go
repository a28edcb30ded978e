package minutes

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpeakingTimeSet: md/8, html/9 and akn/8 give the speaking time set
// in a sitting at its place, in the document's language, naming the item
// it was set on and the adopted motion that decided it; the renderers
// before (md/7, html/8, akn/7) leave it out as they did.
func TestSpeakingTimeSet(t *testing.T) {
	f := replayScript(t, "coop-2026.jsonl with speaking times set", coopSpeakingTimeScript(t))
	want := map[string][]string{
		"en": {
			"The chair limits the speakers to 5 minutes for the rest of the sitting.",
			"The assembly decides to limit the speakers on the item “Solar panels on the roofs” to 3 minutes, and the reports to 10 minutes (motion “That the speakers be limited to three minutes”).",
			"The assembly decides to limit the speakers to 4 minutes for the rest of the sitting (motion “That the speakers be limited to three minutes”).",
			"The chair limits the speakers on the item “Amendment of bylaw 7 (proxy voting)” to 90 seconds.",
			"Speaking time allotted: Tenants, Block C 1 second, Riverside Housing Cooperative 10 minutes. As agreed.",
		},
		"de": {
			"Die Sitzungsleitung begrenzt die Redezeit für den Rest der Sitzung auf 5 Minuten.",
			"Die Versammlung beschließt, die Redezeit zum Punkt „Solar panels on the roofs“ auf 3 Minuten, für Berichte auf 10 Minuten zu begrenzen (Antrag „That the speakers be limited to three minutes“).",
			"Die Versammlung beschließt, die Redezeit für den Rest der Sitzung auf 4 Minuten zu begrenzen (Antrag „That the speakers be limited to three minutes“).",
			"Die Sitzungsleitung begrenzt die Redezeit zum Punkt „Amendment of bylaw 7 (proxy voting)“ auf 90 Sekunden.",
			"Zugeteilte Redezeit: Tenants, Block C 1 Sekunde, Riverside Housing Cooperative 10 Minuten. As agreed.",
		},
		"ru": {
			"Председатель устанавливает регламент выступлений до конца заседания: 5 минут.",
			"Собрание решает установить регламент выступлений по вопросу «Solar panels on the roofs»: 3 минуты, для докладов – 10 минут (предложение «That the speakers be limited to three minutes»).",
			"Собрание решает установить регламент выступлений до конца заседания: 4 минуты (предложение «That the speakers be limited to three minutes»).",
			"Председатель устанавливает регламент выступлений по вопросу «Amendment of bylaw 7 (proxy voting)»: 90 секунд.",
			"Отведено время для выступлений: Tenants, Block C 1 секунда, Riverside Housing Cooperative 10 минут. As agreed.",
		},
		"fr": {
			"La présidence limite le temps de parole à 5 minutes pour le reste de la séance.",
			"L'assemblée décide de limiter le temps de parole sur le point « Solar panels on the roofs » à 3 minutes, et celui des rapports à 10 minutes (motion « That the speakers be limited to three minutes »).",
			"L'assemblée décide de limiter le temps de parole à 4 minutes pour le reste de la séance (motion « That the speakers be limited to three minutes »).",
			"La présidence limite le temps de parole sur le point « Amendment of bylaw 7 (proxy voting) » à 90 secondes.",
			"Temps de parole attribué : Tenants, Block C 1 seconde, Riverside Housing Cooperative 10 minutes. As agreed.",
		},
		"es": {
			"La presidencia limita el tiempo de palabra a 5 minutos para el resto de la sesión.",
			"La asamblea decide limitar el tiempo de palabra en el punto «Solar panels on the roofs» a 3 minutos, y el de los informes a 10 minutos (moción «That the speakers be limited to three minutes»).",
			"La asamblea decide limitar el tiempo de palabra a 4 minutos para el resto de la sesión (moción «That the speakers be limited to three minutes»).",
			"La presidencia limita el tiempo de palabra en el punto «Amendment of bylaw 7 (proxy voting)» a 90 segundos.",
			"Tiempo de intervención asignado: Tenants, Block C 1 segundo, Riverside Housing Cooperative 10 minutos. As agreed.",
		},
	}
	for lang, w := range want {
		readingFormats(t, BuildIn(f.state, f.cp, lang), func(format, got string) {
			at := 0
			for _, s := range w {
				i := strings.Index(got, s)
				if strings.Count(got, s) != 1 {
					t.Errorf("%s %s: want %q once, got it %d times", lang, format, s, strings.Count(got, s))
					continue
				}
				if i < at {
					t.Errorf("%s %s: %q is not at its place in the sitting", lang, format, s)
				}
				at = i
			}
			if strings.Contains(got, "Speaking time:") || lang != "en" && strings.Contains(got, "Speaking time allotted") {
				t.Errorf("%s %s: the record's English text", lang, format)
			}
		})
	}
	// The speaking time set as the sitting opened comes before the first
	// item's heading; the one set on the solar panels after the vote that
	// decided it.
	got := string(Markdown(Build(f.state, f.cp)))
	opened := strings.Index(got, want["en"][0])
	if budget := strings.Index(got, "### 1\\. Budget for 2026"); budget < 0 || opened > budget {
		t.Errorf("the speaking time set as the sitting opened is not before the first item (%d, %d)", opened, budget)
	}
	if decided, carried := strings.Index(got, want["en"][1]), strings.Index(got, "That the speakers be limited to three minutes*"); decided < carried {
		t.Errorf("the speaking time decided is given before the motion that decided it (%d, %d)", decided, carried)
	}
	// The renderers before give the bytes they gave of the sitting
	// without the speaking times: no sentence of theirs, and the parts
	// (whose anchors are numbered) as they were, the first item's in the
	// part the sitting opened with.
	d := Build(f.state, f.cp)
	if n := len(d.Sittings[0].Parts); n != 3 {
		t.Errorf("the sitting has %d parts, want one for each of its 3 items", n)
	}
	without := *d
	without.Sittings = nil
	for _, st := range d.Sittings {
		st.Parts = append([]Part(nil), st.Parts...)
		for i := range st.Parts {
			var ps []Paragraph
			for _, p := range st.Parts[i].Paragraphs {
				if !p.Only8 {
					ps = append(ps, p)
				}
			}
			st.Parts[i].Paragraphs = ps
		}
		without.Sittings = append(without.Sittings, st)
	}
	want8 := map[string][]byte{}
	earlierVersions8(t, &without, func(stamp string, got []byte) { want8[stamp] = got })
	fr := BuildIn(f.state, f.cp, "fr")
	earlierVersions8(t, fr, func(stamp string, got []byte) {
		if !bytes.Contains(got, []byte("Speaking time allotted: Tenants, Block C 1 second")) {
			t.Errorf("%s no longer gives the allotment to a name with a comma as it did", stamp)
		}
	})
	earlierVersions8(t, d, func(stamp string, got []byte) {
		for _, s := range []string{"limits the speakers", "limit the speakers"} {
			if bytes.Contains(got, []byte(s)) {
				t.Errorf("%s gives %q, which only the versions after give", stamp, s)
			}
		}
		if d := FirstDifference(want8[stamp], got); d != "" {
			t.Errorf("%s renders the minutes with the speaking times set otherwise than without them: %s", stamp, d)
		}
	})
}

// coopSpeakingTimeScript is the cooperative's meeting with speaking times
// set: Ann limits the speakers to five minutes as the sitting opens,
// before the first item; the meeting adopts a motion to limit them, on
// which Ann limits the speakers on the solar panels to three minutes and
// the reports to ten, and the speakers for the rest of the sitting to
// four; on the bylaw Ann gives ninety seconds of her own accord, and
// allots speaking time to the cooperative and to a tendency whose name
// holds a comma ("Tenants, Block C").
func coopSpeakingTimeScript(t *testing.T) []byte {
	script := string(mustRead(t, filepath.Join("..", "testdata", "coop-2026.jsonl")))
	insert := func(after, lines string) { script = insertAfter(t, script, after, lines) }
	// The correction of Ivy Chen's speech names its entry, which the
	// twelve commands inserted before it move on.
	script = strings.Replace(script, `"entry": 97,`, `"entry": 109,`, 1)
	insert(`{"cmd": "add_organization", "actor": "ann", "at": "2026-05-09T08:31:00+02:00", "args": {"id": "board"`,
		`{"cmd": "add_organization", "actor": "ann", "at": "2026-05-09T08:31:00+02:00", "args": {"id": "blockc", "name": "Tenants, Block C", "kind": "tendency"}}`)
	insert(`{"cmd": "open_sitting", "actor": "ann", "at": "2026-05-09T10:00:00+02:00"`,
		`{"cmd": "set_speaking_time", "actor": "ann", "at": "2026-05-09T10:00:00+02:00", "args": {"seconds": 300}}`)
	insert(`{"cmd": "take_up_item", "actor": "ann", "at": "2026-05-09T10:17:00+02:00", "args": {"item": "i-solar"}}`,
		`{"cmd": "move_motion", "actor": "gus", "at": "2026-05-09T10:17:00+02:00", "args": {"id": "m-time", "kind": "procedural", "procedure": "other", "title": "That the speakers be limited to three minutes"}}
{"cmd": "second_motion", "actor": "hal", "at": "2026-05-09T10:17:00+02:00", "args": {"motion": "m-time", "by": "hal"}}
{"cmd": "open_vote", "actor": "ann", "at": "2026-05-09T10:17:00+02:00", "args": {"id": "v-time", "motion": "m-time", "method": "show_of_hands"}}
{"cmd": "close_vote", "actor": "ann", "at": "2026-05-09T10:17:00+02:00", "args": {"vote": "v-time"}}
{"cmd": "enter_count", "actor": "kim", "at": "2026-05-09T10:17:00+02:00", "args": {"vote": "v-time", "unanimous": true, "tellers": ["kim"]}}
{"cmd": "declare_result", "actor": "ann", "at": "2026-05-09T10:17:00+02:00", "args": {"vote": "v-time"}}
{"cmd": "set_speaking_time", "actor": "ann", "at": "2026-05-09T10:17:00+02:00", "args": {"item": "i-solar", "seconds": 180, "report_seconds": 600, "motion": "m-time"}}
{"cmd": "set_speaking_time", "actor": "ann", "at": "2026-05-09T10:17:00+02:00", "args": {"seconds": 240, "motion": "m-time"}}`)
	insert(`{"cmd": "take_up_item", "actor": "ann", "at": "2026-05-09T10:5`,
		`{"cmd": "set_speaking_time", "actor": "ann", "at": "2026-05-09T10:59:00+02:00", "args": {"item": "i-bylaw", "seconds": 90}}
{"cmd": "allot_speaking_time", "actor": "ann", "at": "2026-05-09T10:59:00+02:00", "args": {"item": "i-bylaw", "allowances": {"riverside": 600, "blockc": 1}, "note": "as agreed"}}`)
	return []byte(script)
}
