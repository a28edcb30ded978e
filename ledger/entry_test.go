package ledger

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(1917, 3, 27, 15, 30, 0, 120000000, time.UTC)

func TestEncodeEntry(t *testing.T) {
	tests := []struct {
		name string
		e    Entry
		want string
	}{
		{"plain", Entry{Index: 7, Time: t0, Actor: "chair", Type: "sitting.opened", Payload: json.RawMessage(`{"n":1}`)},
			`{"index":7,"time":"1917-03-27T15:30:00.12Z","actor":"chair","type":"sitting.opened","payload":{"n":1}}`},
		{"payload compacted", Entry{Index: 0, Time: t0, Actor: "", Type: "x", Payload: json.RawMessage("{ \"a\" : [1, 2] }\n")},
			`{"index":0,"time":"1917-03-27T15:30:00.12Z","actor":"","type":"x","payload":{"a":[1,2]}}`},
		{"null payload", Entry{Index: 1, Time: t0.Add(-120 * time.Millisecond), Type: "x"},
			`{"index":1,"time":"1917-03-27T15:30:00Z","actor":"","type":"x","payload":null}`},
		{"escapes", Entry{Index: 2, Time: t0, Actor: "a\"b\\c\n<é>", Type: "x", Payload: json.RawMessage(`"s"`)},
			`{"index":2,"time":"1917-03-27T15:30:00.12Z","actor":"a\"b\\c\u000a<é>","type":"x","payload":"s"}`},
		{"non-UTC time", Entry{Index: 3, Time: t0.In(time.FixedZone("MSK", 3*3600)), Type: "x", Payload: json.RawMessage(`1`)},
			`{"index":3,"time":"1917-03-27T15:30:00.12Z","actor":"","type":"x","payload":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ext, err := EncodeEntry(tt.e)
			if err != nil || ext != nil {
				t.Fatalf("EncodeEntry: %v, external %d bytes", err, len(ext))
			}
			if string(got) != tt.want {
				t.Fatalf("EncodeEntry =\n%s\nwant\n%s", got, tt.want)
			}
			if !json.Valid(got) {
				t.Fatal("not valid JSON")
			}
			e, ref, err := DecodeEntry(got)
			if err != nil || ref != nil {
				t.Fatalf("DecodeEntry: %v %v", err, ref)
			}
			again, _, _ := EncodeEntry(e)
			if !bytes.Equal(again, got) {
				t.Fatalf("round trip changed bytes:\n%s\n%s", got, again)
			}
			if e.Actor != tt.e.Actor || e.Type != tt.e.Type || !e.Time.Equal(tt.e.Time) || e.Index != tt.e.Index {
				t.Fatalf("decoded %+v, want %+v", e, tt.e)
			}
		})
	}
}

func TestEncodeEntryExternal(t *testing.T) {
	long := `{"text":"` + strings.Repeat("resolution ", 10000) + `"}`
	data, ext, err := EncodeEntry(Entry{Index: 5, Time: t0, Actor: "secretary", Type: "resolution.read", Payload: json.RawMessage(long)})
	if err != nil {
		t.Fatal(err)
	}
	if string(ext) != long {
		t.Fatal("external payload is not the payload")
	}
	if len(data) > 300 || !strings.Contains(string(data), `"payload_sha256":"`) {
		t.Fatalf("entry %s", data)
	}
	e, ref, err := DecodeEntry(data)
	if err != nil || ref == nil || ref.Size != int64(len(long)) || e.Payload != nil {
		t.Fatalf("DecodeEntry = %+v, %+v, %v", e, ref, err)
	}
	// A payload that fits must not be stored apart.
	small, _, _ := EncodeEntry(Entry{Index: 5, Time: t0, Actor: "secretary", Type: "resolution.read", Payload: json.RawMessage(`{}`)})
	fake := strings.Replace(string(data), `"payload_size":`+itoa(len(long)), `"payload_size":2`, 1)
	if _, _, err := DecodeEntry([]byte(fake)); err == nil {
		t.Fatalf("accepted small payload stored apart (inline form %s)", small)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestDecodeEntryRejects(t *testing.T) {
	good := `{"index":7,"time":"1917-03-27T15:30:00.12Z","actor":"chair","type":"t","payload":{"n":1}}`
	if _, _, err := DecodeEntry([]byte(good)); err != nil {
		t.Fatalf("good entry: %v", err)
	}
	bad := map[string]string{
		"empty":               ``,
		"leading zero index":  strings.Replace(good, `:7,`, `:07,`, 1),
		"negative index":      strings.Replace(good, `:7,`, `:-7,`, 1),
		"space":               strings.Replace(good, `"index":7`, `"index": 7`, 1),
		"fields reordered":    `{"time":"1917-03-27T15:30:00.12Z","index":7,"actor":"chair","type":"t","payload":{"n":1}}`,
		"trailing zeros":      strings.Replace(good, `.12Z`, `.120Z`, 1),
		"offset time":         strings.Replace(good, `15:30:00.12Z`, `18:30:00.12+03:00`, 1),
		"not a time":          strings.Replace(good, `1917-03-27T15:30:00.12Z`, `yesterday`, 1),
		"no such day":         strings.Replace(good, `1917-03-27`, `1917-02-29`, 1),
		"hour 24":             strings.Replace(good, `T15:30`, `T24:30`, 1),
		"empty fraction":      strings.Replace(good, `.12Z`, `.Z`, 1),
		"ten fraction digits": strings.Replace(good, `.12Z`, `.1234567891Z`, 1),
		"lower-case z":        strings.Replace(good, `.12Z`, `.12z`, 1),
		"payload spaces":      strings.Replace(good, `{"n":1}`, `{"n": 1}`, 1),
		"payload invalid":     strings.Replace(good, `{"n":1}`, `{"n":}`, 1),
		"two payloads":        strings.Replace(good, `{"n":1}`, `{"n":1}{"n":1}`, 1),
		"trailing":            good + " ",
		"missing payload":     strings.Replace(good, `,"payload":{"n":1}`, ``, 1),
		"escaped slash":       strings.Replace(good, `"chair"`, `"ch\/air"`, 1),
		"upper unicode esc":   strings.Replace(good, `"chair"`, `"\u000A"`, 1),
		"raw newline":         strings.Replace(good, `"chair"`, "\"ch\nair\"", 1),
		"empty type":          strings.Replace(good, `"type":"t"`, `"type":""`, 1),
		"invalid utf8":        strings.Replace(good, `"chair"`, "\"\xff\"", 1),
		"extra field":         strings.Replace(good, `,"payload"`, `,"x":1,"payload"`, 1),
		"upper hex sha":       `{"index":1,"time":"1917-03-27T15:30:00Z","actor":"","type":"t","payload_sha256":"` + strings.Repeat("A", 64) + `","payload_size":70000}`,
		"size too large":      `{"index":1,"time":"1917-03-27T15:30:00Z","actor":"","type":"t","payload_sha256":"` + strings.Repeat("a", 64) + `","payload_size":99999999999}`,
		"unterminated string": `{"index":1,"time":"1917`,
	}
	for name, in := range bad {
		t.Run(name, func(t *testing.T) {
			_, _, err := DecodeEntry([]byte(in))
			if !errors.Is(err, ErrMalformedEntry) {
				t.Fatalf("DecodeEntry(%q) = %v, want ErrMalformedEntry", in, err)
			}
		})
	}
}

// FuzzDecodeEntry checks that DecodeEntry never panics and that whatever
// it accepts encodes back to the same bytes.
func FuzzDecodeEntry(f *testing.F) {
	f.Add([]byte(`{"index":7,"time":"1917-03-27T15:30:00.12Z","actor":"chair","type":"t","payload":{"n":1}}`))
	f.Add([]byte(`{"index":1,"time":"1917-03-27T15:30:00Z","actor":"a\"\u0001","type":"t","payload":null}`))
	f.Add([]byte(`{"index":0,"time":"2024-02-29T23:59:59.123456789Z","actor":"d-7","type":"ballot_cast","payload":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, ref, err := DecodeEntry(data)
		if err != nil {
			return
		}
		if ref != nil {
			return // the payload is elsewhere; the head was checked by the round trip
		}
		again, ext, err := EncodeEntry(e)
		if err != nil || ext != nil || !bytes.Equal(again, data) {
			t.Fatalf("accepted %q but encodes as %q (%v)", data, again, err)
		}
	})
}
