package assembly

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestDecodeBallotCastAsJSONDoes checks that DecodeEvent, which reads
// ballot_cast payloads without reflection where it can, answers exactly
// as encoding/json does: for ballots as EncodeEvent writes them, and for
// payloads changed in every way the fast reading must refuse or get right.
func TestDecodeBallotCastAsJSONDoes(t *testing.T) {
	strs := []string{"", "v1", "d-0417", "Ωμέγα", "a\"b", `back\slash`, "<&>", "tab\there", "\u2028", "日本語", "x y z"}
	times := []time.Time{
		time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC),
		time.Date(2026, 5, 9, 10, 0, 0, 123456789, time.UTC),
		time.Date(1917, 3, 27, 3, 30, 0, 0, time.FixedZone("", 3*3600)),
		time.Date(2026, 5, 9, 10, 0, 0, 120000000, time.FixedZone("", -(5*3600+30*60))),
		time.Date(2026, 5, 9, 10, 0, 0, 5, time.Local),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		{},
	}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return strs[r.IntN(len(strs))] }
	mutations := []func([]byte) []byte{
		func(b []byte) []byte { return b },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"vote"`), []byte(`"Vote"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`,"voter"`), []byte(`, "voter"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"weight":`), []byte(`"extra":1,"weight":`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"at":`), []byte(`"bogus":"","at":`), 1) },
		func(b []byte) []byte { return append(b, ' ') },
		func(b []byte) []byte { return append(b, "{}"...) },
		func(b []byte) []byte { return b[:len(b)-1] },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"weight":`), []byte(`"weight":0`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"weight":`), []byte(`"weight":-`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"weight":1`), []byte(`"weight":1.0`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"weight":1`), []byte(`"weight":1e0`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"weight":1`), []byte(`"weight":"1"`), 1) },
		func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"weight":1`), []byte(`"weight":99999999999999999999`), 1)
		},
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"weight":1`), []byte(`"weight":-0`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"voter":"`), []byte(`"voter":"\u0041`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"voter":"`), []byte("\"voter\":\"\xff"), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`Z"`), []byte(`z"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"at":"2`), []byte(`"at":"+2`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"right":`), []byte(`"right":null,"right":`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"choice":"`), []byte(`"choice":"`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`,"key":""`), nil, 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`"actor":`), []byte(`"key":"k","actor":`), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte(`}`), []byte(`,"req":"r"}`), 1) },
	}
	fast := 0
	for i := range 3000 {
		e := BallotCast{Meta: Meta{Assembly: pick(), Actor: pick(), At: times[r.IntN(len(times))]}, Vote: pick(), Voter: pick(), Right: pick(), Choice: pick(), Weight: []int{1, 0, 7, -3, 1 << 40}[r.IntN(5)]}
		if r.IntN(2) == 0 {
			e.Key = pick()
		}
		if r.IntN(2) == 0 {
			e.Req = pick()
		}
		if i%7 == 0 {
			e.Weight = 1
		}
		payload, err := EncodeEvent(e)
		want, werr := json.Marshal(e)
		if !bytes.Equal(payload, want) || fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Fatalf("EncodeEvent wrote %s (%v), json.Marshal %s (%v)", payload, err, want, werr)
		}
		if err != nil {
			continue // a year outside 0–9999
		}
		for j, m := range mutations {
			b := m(bytes.Clone(payload))
			got, gerr := DecodeEvent("ballot_cast", b)
			want, werr := decodeJSON("ballot_cast", ballotCastType, b)
			if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
				t.Fatalf("mutation %d of %s:\nDecodeEvent %#v, %v\nencoding/json %#v, %v", j, b, got, gerr, want, werr)
			}
			if _, ok := decodeBallotCast(b); ok {
				fast++
			}
			if j == 0 && gerr == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("%s does not read back", b)
			}
		}
	}
	if fast < 300 {
		t.Fatalf("the fast reading took %d payloads", fast)
	}
	// A ballot as plenum writes it takes the fast reading.
	b, _ := EncodeEvent(BallotCast{Meta: Meta{Assembly: "coop", Actor: "d7", At: times[1], Key: "d7/ballot-v1", Req: "0f3a"}, Vote: "v1", Voter: "d7", Right: "decisive", Choice: "for", Weight: 1})
	if _, ok := decodeBallotCast(b); !ok {
		t.Fatalf("the fast reading refused %s", b)
	}
	if _, ok := decodeBallotCast([]byte(strings.Repeat("{", 3))); ok {
		t.Fatal("the fast reading took garbage")
	}
}

// plainArgs are arguments readPlainArgs reads and arguments it leaves
// to encoding/json, for TestReadPlainArgs and FuzzReadPlainArgs.
var plainArgs = []string{
	`{"vote":"b0","voter":"d1","choice":"for"}`,
	`{ "choice" : "against" , "voter" : "d-2" , "vote" : "v_1" , "for_mandate" : "m1" }`,
	`{"vote":"b0","voter":"d1","choice":"for","token":"abc"}`,
	`{"vote":"b0","voter":"D1","choice":"for"}`,
	`{"vote":"b0","voter":"","choice":"for"}`,
	`{}`,
	`{"vote":"b0","vote":"b1","voter":"d1","choice":"for"}`,
	`{"Vote":"b0","voter":"d1","choice":"for"}`,
	`{"vote":"b0","voter":"d1","choice":"for","extra":1}`,
	`{"vote":"b0","voter":"d1","choice":null}`,
	`{"vote":"b0","voter":"d1","choice":1}`,
	`{"vote":"b\u0030","voter":"d1","choice":"for"}`,
	`{"vote":"b0","voter":"d1","choice":"for"} {}`,
	`{"vote":"b0","voter":"d1","choice":"for",}`,
	`{"vote":"b0"`,
	`[]`,
	`{"id":"s1","title":"First"}`,
	`{"id":"s1","members":["a","b"]}`,
}

// TestReadPlainArgs: every command parsed from arguments readPlainArgs
// reads is what encoding/json makes of them, or the same error; and the
// plain ballot is read.
func TestReadPlainArgs(t *testing.T) {
	if p := reflect.New(commandTypes["cast_ballot"]).Elem(); !readPlainArgs(p, []byte(plainArgs[0])) {
		t.Errorf("readPlainArgs does not read %s", plainArgs[0])
	}
	for _, args := range plainArgs {
		checkPlainArgs(t, []byte(args))
	}
}

func FuzzReadPlainArgs(f *testing.F) {
	for _, args := range plainArgs {
		f.Add([]byte(args))
	}
	f.Fuzz(func(t *testing.T, args []byte) { checkPlainArgs(t, args) })
}

// checkPlainArgs compares ParseCommand with parseArgsJSON for args, for
// every command.
func checkPlainArgs(t *testing.T, args []byte) {
	t.Helper()
	for _, name := range CommandNames() {
		typ := commandTypes[name]
		env := Envelope{Cmd: name, Args: args}
		got, gotErr := ParseCommand(env)
		trimmed := bytes.TrimSpace(args)
		if len(trimmed) == 0 || string(trimmed) == "null" {
			trimmed = []byte("{}")
		}
		want, wantErr := parseArgsJSON(name, typ, trimmed)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %q: ParseCommand %#v, %v; encoding/json %#v, %v", name, args, got, gotErr, want, wantErr)
		}
	}
}

// TestReadUTCAsUnmarshalJSON: readUTC reads every UTC time of the form a
// ballot's is written in (every year, month, day, hour, fractions of 0 to
// 9 digits, the hour read before or not) to the very time.Time
// UnmarshalJSON reads, and leaves any other text to it.
func TestReadUTCAsUnmarshalJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	read := 0
	for i := range 20000 {
		at := time.Date(r.IntN(10000), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), r.IntN(60), 0, time.UTC)
		switch i % 4 {
		case 1:
			at = at.Add(time.Duration(r.IntN(1e9)))
		case 2:
			at = at.Add(time.Duration(r.IntN(1000)) * time.Millisecond)
		case 3:
			at = time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(3600e3)) * time.Millisecond)
		}
		q, err := at.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if checkReadUTC(t, q) {
			read++
		}
		for _, m := range []string{`:60Z"`, `:99Z"`, `.Z"`, `.0000000001Z"`, `.1a3Z"`, `z"`, `+00:00"`, `Z `, `Z`} {
			checkReadUTC(t, bytes.Replace(bytes.Clone(q), []byte(`Z"`), []byte(m), 1))
		}
		checkReadUTC(t, bytes.Replace(bytes.Clone(q), []byte(`T`), []byte(` `), 1))
		checkReadUTC(t, bytes.Replace(bytes.Clone(q), []byte(`:`), []byte(`:6`), 1))
		checkReadUTC(t, append([]byte(`"`), q[2:]...))
	}
	if read != 20000 {
		t.Errorf("readUTC read %d of 20000 times as MarshalJSON writes them", read)
	}
	for _, q := range []string{`"2026-02-29T10:00:00Z"`, `"2024-02-29T24:00:00Z"`, `"2024-02-30T10:00:00Z"`, `"2026-13-01T10:00:00Z"`, `"2026-05-09T10:00:00.123456789Z"`, `""`, `"`, `"2026-05-09T10:00:00Z`} {
		checkReadUTC(t, []byte(q))
	}
}

func FuzzReadUTC(f *testing.F) {
	f.Add([]byte(`"2026-05-09T10:00:50.001Z"`))
	f.Add([]byte(`"2026-05-09T10:59:59Z"`))
	f.Fuzz(func(t *testing.T, q []byte) { checkReadUTC(t, q) })
}

// checkReadUTC fails unless readUTC reads q to what UnmarshalJSON reads
// from it, or leaves it to UnmarshalJSON, changing nothing; it reports
// whether readUTC read it.
func checkReadUTC(t *testing.T, q []byte) bool {
	t.Helper()
	mark := time.Date(1, 2, 3, 4, 5, 6, 7, time.UTC)
	got := mark
	ok := readUTC(q, &got)
	var want time.Time
	err := want.UnmarshalJSON(q)
	switch {
	case ok && (err != nil || !reflect.DeepEqual(got, want)):
		t.Fatalf("readUTC(%s) = %#v; UnmarshalJSON %#v, %v", q, got, want, err)
	case !ok && got != mark:
		t.Fatalf("readUTC(%s) refused it but changed the time", q)
	}
	return ok
}
