package assembly

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"
)

// checkPlainEvent compares DecodeEvent, which reads plain payloads itself
// (readPlainEvent), with encoding/json (decodeJSON): the same event, or
// the same error.
func checkPlainEvent(t *testing.T, typ string, payload []byte) {
	t.Helper()
	got, gotErr := DecodeEvent(typ, payload)
	want, wantErr := decodeJSON(typ, eventTypes[typ], payload)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
		t.Fatalf("%s %s:\nDecodeEvent  %#v, %v\nencoding/json %#v, %v", typ, payload, got, gotErr, want, wantErr)
	}
}

// scriptEvents are the events of the repository's scripts, encoded.
func scriptEvents(t *testing.T) (types []string, payloads [][]byte) {
	for _, f := range scriptFiles {
		h := replayScript(t, f, nil)
		for _, e := range h.events {
			b, err := EncodeEvent(e)
			if err != nil {
				t.Fatal(err)
			}
			types, payloads = append(types, e.EventType()), append(payloads, b)
		}
	}
	return types, payloads
}

// TestPlainEventsReadAsJSON: every event of the scripts, as EncodeEvent
// writes it and changed in the ways readPlainEvent must refuse or get
// right, decodes as encoding/json decodes it; and the plain reading
// serves every event of a type it can read, so that it is not a fast path
// nobody takes.
func TestPlainEventsReadAsJSON(t *testing.T) {
	types, payloads := scriptEvents(t)
	mutations := []func([]byte) []byte{
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"meta"`), []byte(`"Meta"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`{"meta"`), []byte(`{"x":1,"meta"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"actor":`), []byte(`"actor":"a","actor":`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`,"`), []byte(`, "`), -1) },
		func(b []byte) []byte { return append(b, ' ') },
		func(b []byte) []byte { return append(b, "{}"...) },
		func(b []byte) []byte { return b[:len(b)-1] },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`null`), []byte(`[]`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`[]`), []byte(`null`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`""`), []byte(`null`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":""`), []byte(`":"\u0041"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":"`), []byte("\":\"\xff"), 2) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":0`), []byte(`":0.0`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":1`), []byte(`":1e0`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":0`), []byte(`":-0`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":0`), []byte(`":00`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":0`), []byte(`":99999999999999999999`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":0`), []byte(`":"0"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":false`), []byte(`":true`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":false`), []byte(`":0`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`":true`), []byte(`":"true"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`Z"`), []byte(`+03:00"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`:00Z"`), []byte(`:60Z"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`-0`), []byte(`-3`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"]`), []byte(`",]`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"]`), []byte(`","x"]`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`{"`), []byte(`{"k":1,"`), 2) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`}`), []byte(`,}`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`:{`), []byte(`:null,"z":{`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`:[`), []byte(`:{`), 1) },
	}
	plain := map[string]int{}
	for i, p := range payloads {
		typ := types[i]
		v := reflect.New(eventTypes[typ]).Elem()
		if readPlainEvent(v, p) {
			plain[typ]++
		} else if plainDecoderOf(eventTypes[typ]) != nil && typ != "ballot_cast" {
			t.Errorf("%s is of a plain type, but its payload was not read plainly: %s", typ, p)
		}
		checkPlainEvent(t, typ, p)
		for _, m := range mutations {
			checkPlainEvent(t, typ, m(bytes.Clone(p)))
		}
	}
	if len(plain) < 40 {
		t.Errorf("the scripts' events of %d types were read plainly (%v); want most", len(plain), plain)
	}
	for _, typ := range []string{"person_added", "mandate_submitted", "mandate_verified", "checked_in", "motion_moved", "vote_opened", "vote_closed", "speech_noted"} {
		if eventTypes[typ] != nil && plainDecoderOf(eventTypes[typ]) == nil {
			t.Errorf("%s is not read plainly: a restart decodes it through reflection twice over", typ)
		}
	}
}

// TestPlainEventsOfEveryType: events of every type filled with values of
// every shape (nil, empty and full slices, maps and pointers, strings
// that need escapes, times in other zones, extreme integers) decode as
// encoding/json decodes them.
func TestPlainEventsOfEveryType(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var notPlain []string
	for _, typ := range EventTypes() {
		et := eventTypes[typ]
		if plainDecoderOf(et) == nil {
			notPlain = append(notPlain, typ)
		}
		read := 0
		for range 40 {
			v := reflect.New(et).Elem()
			fillRandom(r, v, 0)
			b, err := EncodeEvent(v.Interface().(Event))
			if err != nil {
				t.Fatalf("%s: %v", typ, err)
			}
			checkPlainEvent(t, typ, b)
			if readPlainEvent(reflect.New(et).Elem(), b) {
				read++
			}
		}
		if plainDecoderOf(et) != nil && read == 0 {
			t.Errorf("%s: a plain type, but none of its random events was read plainly", typ)
		}
	}
	sort.Strings(notPlain)
	t.Logf("event types encoding/json reads: %v", notPlain)
}

// randomStrings are plain (readPlainEvent reads them) but for the last
// four, which a random string is one time in eight.
var randomStrings = []string{"", "v1", "d-0417", "Ωμέγα", "\u2028", "日本語", "x y z", "<&>", "a\"b", `back\slash`, "tab\there", "\xff"}

var randomTimes = []time.Time{
	time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC),
	time.Date(2026, 5, 9, 10, 0, 0, 123456789, time.UTC),
	time.Date(1917, 3, 27, 3, 30, 0, 0, time.FixedZone("", 3*3600)),
	time.Date(2026, 5, 9, 10, 0, 0, 120000000, time.FixedZone("", -(5*3600+30*60))),
	time.Date(2026, 5, 9, 10, 0, 0, 5, time.Local),
	{},
}

// fillRandom fills v with random values of its type.
func fillRandom(r *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		i := r.IntN(len(randomStrings) - 4)
		if r.IntN(8) == 0 {
			i = len(randomStrings) - 1 - r.IntN(4)
		}
		v.SetString(randomStrings[i])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		for _, n := range []int64{0, 1, -1, 42, math.MaxInt32, -1 << 40, math.MaxInt64, math.MinInt64}[r.IntN(8):] {
			if !v.OverflowInt(n) {
				v.SetInt(n)
				return
			}
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		for _, n := range []uint64{0, 1, 42, math.MaxUint32, math.MaxUint64}[r.IntN(5):] {
			if !v.OverflowUint(n) {
				v.SetUint(n)
				return
			}
		}
	case reflect.Float32, reflect.Float64:
		v.SetFloat(r.Float64() * 100)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[Count]() { // one that reads back
			v.Set(reflect.ValueOf([]Count{Exact(r.IntN(300)), {Min: 62, Max: 68}, {Word: "rest"}}[r.IntN(3)]))
			return
		}
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(randomTimes[r.IntN(len(randomTimes))]))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillRandom(r, v.Field(i), depth+1)
			}
		}
	case reflect.Slice:
		if v.Type() == reflect.TypeFor[json.RawMessage]() {
			v.SetBytes([]byte(`{"a":[1,"x"]}`))
			return
		}
		n := r.IntN(4) - 1
		if n < 0 || depth > 6 {
			return // nil
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fillRandom(r, s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		n := r.IntN(4) - 1
		if n < 0 || depth > 6 {
			return
		}
		m := reflect.MakeMap(v.Type())
		for range n {
			k := reflect.New(v.Type().Key()).Elem()
			fillRandom(r, k, depth+1)
			e := reflect.New(v.Type().Elem()).Elem()
			fillRandom(r, e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		if r.IntN(3) == 0 || depth > 6 {
			return
		}
		p := reflect.New(v.Type().Elem())
		fillRandom(r, p.Elem(), depth+1)
		v.Set(p)
	}
}

// FuzzPlainEventAsJSON: whatever the payload, DecodeEvent answers as
// encoding/json does, for every event type.
func FuzzPlainEventAsJSON(f *testing.F) {
	f.Add(`{"meta":{"assembly":"a","actor":"b","at":"2026-05-09T10:00:00Z"},"id":"d0","name":"Delegate 0","other_names":null,"note":""}`)
	f.Add(`{"meta":{"assembly":"a","actor":"b","at":"2026-05-09T10:00:00Z"},"id":"m","person":"d0","organization":"org","kind":"decisive","marks":["x"],"note":"","weight":0}`)
	f.Add(`{"meta":{"assembly":"a","actor":"b","at":"2026-05-09T10:00:00.5+01:00","key":"k"},"mandate":"m-d0","note":""}`)
	f.Fuzz(func(t *testing.T, payload string) {
		for _, typ := range EventTypes() {
			checkPlainEvent(t, typ, []byte(payload))
		}
	})
}
