package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/i18n"
	"plenum/ledger"
	"plenum/minutes"
	"plenum/store"
)

// runVerifyDocument checks that an exported document (md, html or akn) is
// the minutes exactly as the log at dbPath recorded them at the checkpoint
// the document states: the checkpoint's signature verifies, the root hash
// of the log's first N entries (recomputed from the entries themselves) is
// the one stated, and rendering the state replayed from those entries in
// the document's format gives the document byte for byte. Otherwise it
// returns an *exitError with code 1 naming the first difference.
//
// The bytes are compared only when the document states the version of
// the renderer this plenum has (a document without a stamp is version 1):
// one of another version is refused with code 3 once its checkpoint and
// the record it vouches for are checked, saying which renderer can compare
// it. A stamp plenum does not write is refused with code 1.
//
// The verifier key is key, given (--key: the key, or a file holding it):
// a stated checkpoint it did not sign is refused with code 1, naming it
// and the key the document states; one that is no key, with code 2.
// Without key, it is the one of the signing key in dataDir (by default
// beside a SQLite database), or if that is absent the key the document
// states, and the output says so: that proves only that the document
// and the database agree, not who signed them.
func runVerifyDocument(ctx context.Context, env *cliEnv, dbPath, dataDir, key, file string) error {
	l := env.locale()
	var given *keyCheck
	if key != "" {
		// Refused before anything is read.
		var err error
		if given, err = givenKeyCheck(l, key); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.doc.unreadable", err)}
	}
	stated, err := minutes.ReadStated(data)
	if errors.Is(err, minutes.ErrNoCheckpoint) {
		err = errors.New(l.T("cli.doc.no_checkpoint"))
	}
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.about", file, err)}
	}
	renderer, err := stated.Renderer()
	var bad *minutes.BadStampError
	if errors.As(err, &bad) {
		return &exitError{code: 1, msg: l.T("cli.doc.bad_stamp", file, quoteStamp(bad.Text), stated.Format)}
	}
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.about", file, err)}
	}
	signedCP, err := ledger.ParseSignedCheckpoint([]byte(stated.Signed))
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.doc.cp_unreadable", file, err)}
	}
	_, id, err := ledger.ParseOrigin(signedCP.Origin)
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.doc.not_plenum", file, signedCP.Origin, err)}
	}
	lg, err := openLogReadOnly(ctx, l, dbPath, dataDir, id)
	if err != nil {
		return err
	}
	defer lg.store.Close()
	if lg.origin != signedCP.Origin {
		return &exitError{code: 1, msg: l.T("cli.doc.other_log", file, signedCP.Origin, id, lg.origin)}
	}
	verifiers, keyNote, err := documentKey(l, file, given, lg, stated)
	if err != nil {
		return err
	}
	cp, _, err := ledger.OpenCheckpoint([]byte(stated.Signed), verifiers)
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.doc.bad_signature", file, err)}
	}
	if err := recordFileFits(ctx, l, dbPath, file, lg, verifiers, cp.Size); err != nil {
		return err
	}
	// document checks that the log's first N entries hash to the stated
	// root, and replays exactly those entries.
	// The document is rendered in the language it states; a document
	// that states none is English (as every document was before plenum
	// spoke other languages).
	lang := stated.Lang
	if lang == "" {
		lang = i18n.Default
	}
	doc, err := lg.document(ctx, []byte(stated.Signed), verifiers, lang)
	if err != nil {
		return err
	}
	size := strconv.FormatInt(cp.Size, 10)
	root := base64.StdEncoding.EncodeToString(cp.Hash[:])
	if ours := minutes.RendererVersion(stated.Format); renderer.Version != ours {
		// A document of an earlier renderer that this plenum's renders
		// byte for byte is exactly the record's minutes; one that
		// differs only its own renderer can judge.
		want, err := minutes.RerenderEarlier(doc, stated)
		d := "?"
		if err == nil {
			d = minutes.FirstDifference(want, data)
		}
		if d != "" {
			// Every plenum since the stamps stamps what it exports: a
			// document that states none but covers entries recorded
			// since then had its stamp removed, and differs.
			if !renderer.Stated && doc.Checkpoint.Time.After(stampsSince) {
				d := strippedDifference(l, doc, stated, ours, data)
				if d == "" {
					d = l.T("cli.doc.only_stamp")
				}
				return &exitError{code: 1, msg: l.T("cli.doc.stamp_removed", file, doc.Checkpoint.Time.UTC().Format(time.DateOnly),
					stampsSince.Format(time.DateOnly), size, d)}
			}
			return &exitError{code: exitOtherRenderer, msg: otherRenderer(l, file, renderer, ours, size, root) + keyNote}
		}
		fmt.Fprintln(env.stdout, l.T("cli.doc.ok", file, stated.Format, lg.origin, size, root)+keyNote)
		laterChanges(ctx, env, lg, verifiers, cp.Size)
		return nil
	}
	want, err := minutes.Rerender(doc, stated)
	if err != nil {
		return err
	}
	if d := minutes.FirstDifferenceIn(l, want, data); d != "" {
		return &exitError{code: 1, msg: l.T("cli.doc.differs", file, size, d)}
	}
	fmt.Fprintln(env.stdout, l.T("cli.doc.ok", file, stated.Format, lg.origin, size, root)+keyNote)
	laterChanges(ctx, env, lg, verifiers, cp.Size)
	return nil
}

// recordFileFits refuses, with code 1, a database whose log cannot be
// the one the document's checkpoint of tree size n vouches for, naming
// both files and why (review40 H11): its own latest checkpoint is signed
// by another key than the document's (another log, or this one re-signed
// with another key), or it is older than the document (it holds fewer
// entries than n).
func recordFileFits(ctx context.Context, l *i18n.Locale, dbPath, file string, lg *readLog, verifiers note.Verifiers, n int64) error {
	head, err := lg.store.Head(ctx, lg.origin)
	if err != nil {
		return nil // the check that follows reports what cannot be read
	}
	if vs, ok := verifiers.(*verifierKeys); ok && len(vs.keys) == 1 && len(head.Checkpoint) > 0 {
		for _, key := range vs.keys {
			kc, err := newKeyCheck(l, key)
			if err != nil {
				break
			}
			if _, _, err := ledger.OpenCheckpoint(head.Checkpoint, kc); err != nil {
				if by := kc.signers(); by != "" {
					return &exitError{code: 1, msg: l.T("cli.doc.file_other_key", shownPath(dbPath), by, file, key)}
				}
			}
		}
	}
	if head.Size < n {
		return &exitError{code: 1, msg: l.T("cli.doc.record_older", shownPath(dbPath), strconv.FormatInt(head.Size, 10), file, strconv.FormatInt(n, 10))}
	}
	return nil
}

// shownPath is a database as a message names it: a SQLite file's path,
// or "the database" for PostgreSQL (whose URL may hold a password).
func shownPath(dbPath string) string {
	if store.IsPostgres(dbPath) {
		return "PostgreSQL"
	}
	return dbPath
}

// strippedDifference is where a document whose stamp was removed
// differs from the minutes: of this plenum's renderings of doc as each
// version up to ours, its stamp's line taken out, the first difference
// that lies furthest into the document (the version it was most likely
// rendered by); "" if one of them is the document, which then lost its
// stamp and nothing else.
func strippedDifference(l *i18n.Locale, doc *minutes.Document, stated minutes.Stated, ours int, data []byte) string {
	best, bestLine := "", -1
	for v := ours; v >= 1; v-- {
		st := stated
		st.Stamped, st.Stamp = true, stated.Format+"/"+strconv.Itoa(v)
		render := minutes.RerenderEarlier
		if v == ours {
			render = minutes.Rerender
		}
		want, err := render(doc, st)
		if err != nil {
			continue
		}
		for _, blank := range []bool{false, true} {
			stripped := withoutStampLine(want, st.Stamp, blank)
			d := minutes.FirstDifference(stripped, data)
			if d == "" {
				return ""
			}
			var line int
			fmt.Sscanf(d, "line %d", &line)
			if line > bestLine {
				best, bestLine = minutes.FirstDifferenceIn(l, stripped, data), line
			}
		}
	}
	return best
}

// withoutStampLine is a rendering with the line that states its stamp
// taken out, as one deletes a line in an editor, and the empty line
// after it too if blank is set.
func withoutStampLine(doc []byte, stamp string, blank bool) []byte {
	var out []byte
	skipped := false
	for _, line := range bytes.SplitAfter(doc, []byte("\n")) {
		if bytes.Contains(line, []byte(stamp)) && (bytes.Contains(line, []byte("plenum-renderer")) || bytes.Contains(line, []byte("plenum:renderer"))) {
			skipped = true
			continue
		}
		if skipped && blank && string(line) == "\n" {
			skipped = false
			continue
		}
		skipped = false
		out = append(out, line...)
	}
	return out
}

// stampsSince is when every plenum in use stamped the documents it
// exported: the stamps (md/1, html/1, akn/1) came on 2026-12-06
// (docs/minutes.md, "Renderer versions"), and a day is left for a plenum
// of before them still running. A document that states no renderer and
// whose checkpoint covers an entry recorded after it had its stamp
// removed, unless its bytes are the record's minutes all the same.
var stampsSince = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// laterChanges says, after a document of tree size n verified, that the
// log has grown since, and names the later entries that correct or
// strike out an entry the document covers: the document does not show
// them. The later entries are named only if the log's latest checkpoint
// verifies against verifiers and its entries; otherwise it says to run
// plenum verify --db. It reports nothing it cannot read.
func laterChanges(ctx context.Context, env *cliEnv, lg *readLog, verifiers note.Verifiers, n int64) {
	l := env.locale()
	head, err := lg.store.Head(ctx, lg.origin)
	if err != nil || head.Size <= n {
		return
	}
	headSize := strconv.FormatInt(head.Size, 10)
	raw, err := ledger.ReadRaw(ctx, lg.store, lg.origin, 0, head.Size)
	var root tlog.Hash
	if err == nil {
		root, err = treeHash(raw)
	}
	var cp ledger.Checkpoint
	if err == nil {
		cp, _, err = ledger.OpenCheckpoint(head.Checkpoint, verifiers)
	}
	if err != nil || cp.Size != head.Size || cp.Hash != root {
		fmt.Fprintln(env.stdout, l.T("cli.doc.grown_unchecked", headSize, strconv.FormatInt(n, 10)))
		return
	}
	var changes []string
	for _, data := range raw[n:] {
		e, _, err := ledger.DecodeEntry(data)
		if err != nil || (e.Type != "record_corrected" && e.Type != "record_struck") {
			continue
		}
		var target struct {
			Entry int64 `json:"entry"`
		}
		if json.Unmarshal(e.Payload, &target) != nil || target.Entry < 0 || target.Entry >= n {
			continue
		}
		key := "cli.doc.later_corrects"
		if e.Type == "record_struck" {
			key = "cli.doc.later_strikes"
		}
		changes = append(changes, l.T(key, strconv.FormatInt(e.Index, 10), strconv.FormatInt(target.Entry, 10)))
	}
	if len(changes) == 0 {
		fmt.Fprintln(env.stdout, l.T("cli.doc.grown", headSize, strconv.FormatInt(n, 10)))
		return
	}
	fmt.Fprintln(env.stdout, l.T("cli.doc.grown_changes", headSize, strconv.FormatInt(n, 10), strings.Join(changes, "; ")))
}

// documentKey is the verifiers a document's stated checkpoint is checked
// against, and what the output adds about the key: the key given (given
// not nil), which must have signed it and be the key the document
// states; else the key beside the database (lg.vkey), which must be the
// one stated; else the key the document states. Without a key given, the
// note says where the key was taken from and that the check proves only
// that the document and the database agree. A refusal has code 1.
func documentKey(l *i18n.Locale, file string, given *keyCheck, lg *readLog, stated minutes.Stated) (note.Verifiers, string, error) {
	switch {
	case given != nil:
		if _, _, err := ledger.OpenCheckpoint([]byte(stated.Signed), given); err != nil {
			if by := given.signers(); by != "" {
				return nil, "", &exitError{code: 1, msg: l.T("cli.vk.wrong_key_doc", file, stated.VerifierKey, by, given.key)}
			}
			return nil, "", &exitError{code: 1, msg: l.T("cli.doc.bad_signature", file, err)}
		}
		if stated.VerifierKey != given.key {
			return nil, "", &exitError{code: 1, msg: l.T("cli.vk.stated_other", file, stated.VerifierKey, given.key)}
		}
		vs, err := newVerifierKeys(given.key)
		return vs, "", err
	case lg.vkey == "":
		vs, err := newVerifierKeys(stated.VerifierKey)
		if err != nil {
			return nil, "", &exitError{code: 1, msg: l.T("cli.doc.key_unreadable", file, err)}
		}
		return vs, "\n" + l.T("cli.vk.doc_own_key", stated.VerifierKey), nil
	case lg.vkey != stated.VerifierKey:
		return nil, "", &exitError{code: 1, msg: l.T("cli.doc.other_key", file, stated.VerifierKey, lg.vkey)}
	}
	return lg.verifiers, "\n" + l.T("cli.vk.doc_data_key", lg.keyPath, lg.vkey), nil
}

// exitOtherRenderer is verify --document's exit status for a document
// whose bytes it cannot compare: the document states another version of
// the renderer than this plenum's.
const exitOtherRenderer = 3

// otherRenderer says that a document of the renderer stated cannot be
// compared by this plenum, which renders version ours, though its
// checkpoint and the record of size entries with root hash root are
// intact; and which plenum can compare it.
func otherRenderer(l *i18n.Locale, file string, stated minutes.Stamp, ours int, size, root string) string {
	unstamped, by := "", ""
	if !stated.Stated {
		unstamped = l.T("cli.doc.unstamped")
	}
	if stated.Plenum != "" {
		by = l.T("cli.doc.renderer_plenum", stated.Plenum)
	}
	s := stated.String()
	return l.T("cli.doc.not_compared") + l.T("cli.doc.other_renderer", file, s, unstamped, stated.Format+"/"+strconv.Itoa(ours), size, root, s, by)
}

// quoteStamp quotes a stamp read from a document for a message: in ASCII,
// so that no control character reaches the terminal, and short.
func quoteStamp(s string) string {
	q := strconv.QuoteToASCII(s)
	if len(q) > 80 {
		q = q[:80] + "…"
	}
	return q
}

// stampVersion is the plenum version exported documents state in their
// stamp: the build's, or none for a development build that knows no more
// than "devel".
func stampVersion() string {
	if v := buildVersion(); v != "devel" {
		return v
	}
	return ""
}

// hashList is an in-memory tlog.HashReader.
type hashList []tlog.Hash

func (h hashList) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		if x < 0 || x >= int64(len(h)) {
			return nil, fmt.Errorf("hash %d is not computed", x)
		}
		out[i] = h[x]
	}
	return out, nil
}

// treeHash computes the RFC 6962 root hash of entries from their bytes.
func treeHash(entries [][]byte) (tlog.Hash, error) {
	var stored hashList
	for i, data := range entries {
		hs, err := tlog.StoredHashes(int64(i), data, stored)
		if err != nil {
			return tlog.Hash{}, err
		}
		stored = append(stored, hs...)
	}
	return tlog.TreeHash(int64(len(entries)), stored)
}
