package tlogproof_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/remote/tlogtest"
	"plenum/tlogproof"
	"plenum/witness"
)

const origin = "plenum.test/assembly/march-1917"

func entry(t testing.TB, i int64, typ, actor, payload string) []byte {
	t.Helper()
	data, _, err := ledger.EncodeEntry(ledger.Entry{Index: i, Time: time.Date(1917, 3, 27, 12, 0, 0, 0, time.UTC), Actor: actor, Type: typ, Payload: []byte(payload)})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func newLog(t testing.TB, n int) *tlogtest.Log {
	l := tlogtest.New(origin)
	for i := range int64(n) {
		l.Append(entry(t, i, "speech.recorded", "secretary", fmt.Sprintf(`{"n":%d}`, i)))
	}
	return l
}

func proofFor(t testing.TB, l *tlogtest.Log, i int64) tlog.RecordProof {
	p, err := l.InclusionProof(context.Background(), i, l.Size())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProof(t *testing.T) {
	l := newLog(t, 20)
	cp := l.Checkpoint()
	keys := note.VerifierList(l.Verifier())
	file := tlogproof.Build(13, []byte("anything"), proofFor(t, l, 13), cp)
	if !bytes.HasPrefix(file, []byte("c2sp.org/tlog-proof@v1\nextra YW55dGhpbmc=\nindex 13\n")) || !bytes.HasSuffix(file, cp) {
		t.Fatalf("file:\n%s", file)
	}
	p, c, err := tlogproof.VerifyData(file, l.Entry(13), keys, nil)
	if err != nil || c.Size != 20 || p.Index != 13 || string(p.Extra) != "anything" {
		t.Fatalf("%+v %+v %v", p, c, err)
	}
	if !bytes.Equal(p.Marshal(), file) {
		t.Error("Marshal does not round-trip")
	}
	// Without extra.
	if _, _, err := tlogproof.VerifyData(tlogproof.Build(0, nil, proofFor(t, l, 0), cp), l.Entry(0), keys, nil); err != nil {
		t.Error(err)
	}

	other := tlogtest.New(origin)
	w := witnessSigner(t)
	policy := &witness.Policy{Threshold: 1, Witnesses: []note.Verifier{w.Verifier()}}
	swap := func(old, new string) []byte { return bytes.Replace(bytes.Clone(file), []byte(old), []byte(new), 1) }
	for _, c := range []struct {
		name   string
		file   []byte
		data   []byte
		keys   note.Verifiers
		policy *witness.Policy
		want   string
	}{
		{"other entry", file, l.Entry(12), keys, nil, "is not in the log at that index"},
		{"other index", swap("index 13\n", "index 12\n"), l.Entry(13), keys, nil, "is not in the log"},
		{"index beyond the tree", swap("index 13\n", "index 20\n"), l.Entry(13), keys, nil, "beyond the checkpoint's tree size 20"},
		{"altered proof hash", swap(base64.StdEncoding.EncodeToString(proofFor(t, l, 13)[1][:]), base64.StdEncoding.EncodeToString(make([]byte, 32))), l.Entry(13), keys, nil, "is not in the log"},
		{"other log's key", file, l.Entry(13), note.VerifierList(other.Verifier()), nil, "checkpoint: note has no verifiable signatures"},
		{"altered checkpoint", swap("\n20\n", "\n21\n"), l.Entry(13), keys, nil, "checkpoint:"},
		{"not witnessed", file, l.Entry(13), keys, policy, "not witnessed"},
	} {
		if _, _, err := tlogproof.VerifyData(c.file, c.data, c.keys, c.policy); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	h := base64.StdEncoding.EncodeToString(make([]byte, 32))
	cp := "o\n1\n" + h + "\n\n— o sig\n"
	for name, file := range map[string]string{
		"no header":         "index 0\n\n" + cp,
		"other version":     "c2sp.org/tlog-proof@v2\nindex 0\n\n" + cp,
		"no index":          "c2sp.org/tlog-proof@v1\n" + h + "\n\n" + cp,
		"extra after index": "c2sp.org/tlog-proof@v1\nindex 0\nextra AA==\n\n" + cp,
		"bad extra":         "c2sp.org/tlog-proof@v1\nextra !!\nindex 0\n\n" + cp,
		"leading zero":      "c2sp.org/tlog-proof@v1\nindex 01\n\n" + cp,
		"negative":          "c2sp.org/tlog-proof@v1\nindex -1\n\n" + cp,
		"short hash":        "c2sp.org/tlog-proof@v1\nindex 0\nAAAA\n\n" + cp,
		"too many hashes":   "c2sp.org/tlog-proof@v1\nindex 0\n" + strings.Repeat(h+"\n", 64) + "\n" + cp,
		"no checkpoint":     "c2sp.org/tlog-proof@v1\nindex 0\n\n",
		"no blank line":     "c2sp.org/tlog-proof@v1\nindex 0\n",
	} {
		if _, err := tlogproof.Parse([]byte(file)); !errors.Is(err, tlogproof.ErrMalformed) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func witnessSigner(t testing.TB) *witness.Signer {
	skey, _, err := witness.GenerateKey("witness.test/w1")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := witness.ParseSigner(skey)
	return s
}

func TestReceipt(t *testing.T) {
	l := newLog(t, 10)
	l.Append(entry(t, 10, "ballot.cast", "delegate-17", `{"vote":"v1","choice":"for"}`))
	l.Append(entry(t, 11, "speech.recorded", "secretary", `{}`))
	cp := l.Checkpoint()
	// The checkpoint is witnessed: the receipt carries the cosignature.
	w := witnessSigner(t)
	signed, _ := note.Sign(&note.Note{Text: string(cp[:bytes.Index(cp, []byte("\n\n"))+1])}, w)
	cosigned := witness.Merge(cp, [][]byte{signed[bytes.LastIndex(signed, []byte("\n\n"))+2:]})
	policy := &witness.Policy{Threshold: 1, Witnesses: []note.Verifier{w.Verifier()}}
	keys := note.VerifierList(l.Verifier())

	file := tlogproof.NewReceipt(10, l.Entry(10), proofFor(t, l, 10), cosigned)
	r, err := tlogproof.VerifyReceipt(file, keys, policy)
	if err != nil {
		t.Fatal(err)
	}
	if r.Index != 10 || r.LeafHash != tlog.RecordHash(l.Entry(10)) || r.Checkpoint.Size != 12 {
		t.Fatalf("%+v", r)
	}
	altered := bytes.Replace(l.Entry(10), []byte(`"for"`), []byte(`"against"`), 1)
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"entry altered", tlogproof.NewReceipt(10, altered, proofFor(t, l, 10), cosigned), "is not in the log at that index"},
		{"entry replaced by its neighbour", tlogproof.NewReceipt(10, l.Entry(11), proofFor(t, l, 10), cosigned), "says it is entry 11"},
		{"no entry", tlogproof.Build(10, nil, proofFor(t, l, 10), cosigned), "no entry"},
		{"not an entry", tlogproof.Build(10, []byte("for"), proofFor(t, l, 10), cosigned), "malformed entry"},
		{"cosignature removed", tlogproof.NewReceipt(10, l.Entry(10), proofFor(t, l, 10), cp), "not witnessed"},
	} {
		if _, err := tlogproof.VerifyReceipt(c.file, keys, policy); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestSecretBallot(t *testing.T) {
	const token = "9f2c61d0a4b7e3c85d1f0a6b2c4e8d71"
	l := newLog(t, 5)
	// Ballots enter the log shuffled when the vote closes; none names a voter.
	l.Append(entry(t, 5, "ballot.sealed", "teller", `{"vote":"v1","token":"5b1c","choice":"against"}`))
	l.Append(entry(t, 6, "ballot.sealed", "teller", `{"vote":"v1","token":"`+token+`","choice":"for"}`))
	l.Append(entry(t, 7, "ballot.cast", "delegate-17", `{"vote":"v2","token":"`+token+`"}`))
	cp := l.Checkpoint()
	keys := note.VerifierList(l.Verifier())
	want := tlogproof.SecretBallot{Type: "ballot.sealed", Token: token, Voter: "delegate-17"}

	if _, err := tlogproof.VerifySecretBallot(tlogproof.NewReceipt(6, l.Entry(6), proofFor(t, l, 6), cp), want, keys, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		index int64
		want  tlogproof.SecretBallot
		err   string
	}{
		{"someone else's ballot", 5, want, "does not carry this ballot's token"},
		{"an open ballot naming the voter", 7, want, "not a sealed ballot"},
		{"receipt names the voter", 6, tlogproof.SecretBallot{Type: "ballot.sealed", Token: token, Voter: "teller"}, "names the voter"},
		{"no token", 6, tlogproof.SecretBallot{Type: "ballot.sealed"}, "ballot token"},
	} {
		file := tlogproof.NewReceipt(c.index, l.Entry(c.index), proofFor(t, l, c.index), cp)
		if _, err := tlogproof.VerifySecretBallot(file, c.want, keys, nil); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: %v, want %q", c.name, err, c.err)
		}
	}
}

func TestExcerpt(t *testing.T) {
	l := newLog(t, 30)
	cp := l.Checkpoint()
	keys := note.VerifierList(l.Verifier())
	var entries []tlogproof.ExcerptEntry
	for _, i := range []int64{21, 22, 25} {
		entries = append(entries, tlogproof.ExcerptEntry{Index: i, Data: l.Entry(i), Proof: proofFor(t, l, i)})
	}
	file, err := tlogproof.BuildExcerpt("Resolution on the war and its vote", cp, entries)
	if err != nil {
		t.Fatal(err)
	}
	x, err := tlogproof.VerifyExcerpt(file, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Entries) != 3 || x.Entries[2].Index != 25 || !bytes.Equal(x.Entries[1].Data, l.Entry(22)) || x.Title != "Resolution on the war and its vote" {
		t.Fatalf("%+v", x)
	}
	// It holds 3 of the checkpoint's 30 entries: the others are absent,
	// before, between and after them.
	if x.Complete() || !reflect.DeepEqual(x.Absent(), []tlogproof.Range{{0, 20}, {23, 24}, {26, 29}}) {
		t.Errorf("complete %v, absent %v", x.Complete(), x.Absent())
	}
	// Every element is a standalone tlog-proof.
	var f struct{ Proofs []string }
	json.Unmarshal(file, &f)
	if _, _, err := tlogproof.VerifyData([]byte(f.Proofs[0]), l.Entry(21), keys, nil); err != nil {
		t.Fatal(err)
	}

	edit := func(fn func(m map[string]any)) []byte {
		var m map[string]any
		json.Unmarshal(file, &m)
		fn(m)
		b, _ := json.Marshal(m)
		return b
	}
	proofs := func(m map[string]any) []any { return m["proofs"].([]any) }
	l.Append(entry(t, 30, "speech.recorded", "secretary", `{}`))
	later := l.Checkpoint()
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"entry altered", edit(func(m map[string]any) {
			p := proofs(m)[1].(string)
			extra := strings.SplitN(strings.SplitN(p, "\nextra ", 2)[1], "\n", 2)[0]
			data, _ := base64.StdEncoding.DecodeString(extra)
			data = bytes.Replace(data, []byte(`"n":22`), []byte(`"n":99`), 1)
			proofs(m)[1] = strings.Replace(p, extra, base64.StdEncoding.EncodeToString(data), 1)
		}), "excerpt: entry 22: the entry is not in the log"},
		{"entries reordered", edit(func(m map[string]any) { p := proofs(m); p[0], p[1] = p[1], p[0] }), "entry 21 comes after entry 22"},
		{"another checkpoint", edit(func(m map[string]any) {
			p := proofs(m)[2].(string)
			proofs(m)[2] = strings.Replace(p, string(cp), string(later), 1)
		}), "entry 25 is proved against another checkpoint"},
		{"origin changed", edit(func(m map[string]any) { m["origin"] = "plenum.test/assembly/other" }), "the excerpt says"},
		{"format", edit(func(m map[string]any) { m["format"] = "plenum.excerpt/v0" }), "format"},
		{"unknown field", edit(func(m map[string]any) { m["signed_by"] = "the chair" }), "not an excerpt file"},
		{"empty", edit(func(m map[string]any) { m["proofs"] = []any{} }), "no entries"},
		{"proof mangled", edit(func(m map[string]any) { proofs(m)[0] = "hello" }), "proof 1: malformed"},
		{"not JSON", []byte("c2sp.org/tlog-proof@v1\n"), "not an excerpt file"},
	} {
		if _, err := tlogproof.VerifyExcerpt(c.file, keys, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := tlogproof.BuildExcerpt("x", cp, []tlogproof.ExcerptEntry{entries[1], entries[0]}); err == nil {
		t.Error("built an excerpt out of order")
	}
}

// TestExcerptAbsent: what an excerpt leaves out of its checkpoint's tree,
// as runs of indexes; nothing when it holds every entry.
func TestExcerptAbsent(t *testing.T) {
	l := newLog(t, 6)
	cp := l.Checkpoint()
	keys := note.VerifierList(l.Verifier())
	for _, c := range []struct {
		indexes []int64
		absent  []tlogproof.Range
	}{
		{[]int64{0, 1, 2, 3, 4, 5}, nil},
		{[]int64{0, 1, 2, 3, 4}, []tlogproof.Range{{5, 5}}},
		{[]int64{1, 2, 3, 4, 5}, []tlogproof.Range{{0, 0}}},
		{[]int64{0, 2, 4}, []tlogproof.Range{{1, 1}, {3, 3}, {5, 5}}},
		{[]int64{3}, []tlogproof.Range{{0, 2}, {4, 5}}},
		{[]int64{0, 5}, []tlogproof.Range{{1, 4}}},
	} {
		var entries []tlogproof.ExcerptEntry
		for _, i := range c.indexes {
			entries = append(entries, tlogproof.ExcerptEntry{Index: i, Data: l.Entry(i), Proof: proofFor(t, l, i)})
		}
		file, err := tlogproof.BuildExcerpt("t", cp, entries)
		if err != nil {
			t.Fatal(err)
		}
		x, err := tlogproof.VerifyExcerpt(file, keys, nil)
		if err != nil {
			t.Fatal(err)
		}
		if x.Complete() != (c.absent == nil) || !reflect.DeepEqual(x.Absent(), c.absent) {
			t.Errorf("%v: complete %v, absent %v; want %v", c.indexes, x.Complete(), x.Absent(), c.absent)
		}
	}
}
