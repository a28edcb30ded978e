package main

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"plenum/i18n"
	"plenum/ledger"
	"plenum/minutes"
	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/witness"
)

// anyText stands in the arguments of a keyed refusal where a library's
// own words are quoted (an error of the file system, of a parser): the
// key's text around it must be there, in order.
const anyText = "\ue000"

// keyed is a run of a command that it refuses with the message key of
// the catalog, given the arguments with.
type keyed struct {
	args []string
	code int
	key  string
	with []any
}

// checkKeyed runs each refusal of command in every language — with
// --lang when withLang, else in the environment's language — and wants
// the text of its key in that language, with its arguments; and wants
// the key to have a text of its own in each language (where its English
// has words of its own, not only an option and a quoted error).
func checkKeyed(t *testing.T, command string, cases []keyed, withLang bool) {
	t.Helper()
	prefix := "plenum " + command + ": "
	for _, c := range cases {
		if !i18n.For("en").Has(c.key) {
			t.Errorf("%v: the catalog has no key %s", c.args, c.key)
			continue
		}
		checkOwnWords(t, c.key)
		for _, lang := range []string{"en", "de", "ru", "fr", "es"} {
			var code int
			var errs string
			switch {
			case lang == "en":
				code, _, errs = runIn(t, "", append([]string{command}, c.args...)...)
			case withLang:
				code, _, errs = runIn(t, "", append([]string{command, "--lang", lang}, c.args...)...)
			default:
				code, _, errs = runIn(t, lang, append([]string{command}, c.args...)...)
			}
			want := i18n.For(lang).T(c.key, c.with...)
			if code != c.code || !strings.HasPrefix(errs, prefix) || !inOrder(errs, strings.Split(want, anyText)) {
				t.Errorf("%s %s %v: exit %d: %q\nwant %d and %s: %q", lang, command, c.args, code, errs, c.code, c.key, strings.ReplaceAll(want, anyText, "…"))
			}
		}
	}
}

// checkOwnWords fails when a key's text in another language is its
// English though the English has words of its own.
func checkOwnWords(t *testing.T, key string) {
	t.Helper()
	for _, m := range i18n.Messages() {
		if m.Key == key && englishProse(m.En) && (m.De == m.En || m.Ru == m.En || m.Fr == m.En || m.Es == m.En) {
			t.Errorf("%s: the text of another language is the English", key)
		}
	}
}

// inOrder reports whether s holds each of parts, in order.
func inOrder(s string, parts []string) bool {
	for _, p := range parts {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}

var (
	formatVerb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*[a-zA-Z]`)
	optionName = regexp.MustCompile(`--?[a-z][a-z-]*`)
	aWord      = regexp.MustCompile(`\pL{2,}`)
)

// englishProse reports whether a text has words of its own: letters
// outside its format verbs and the options it names.
func englishProse(s string) bool {
	return aWord.MatchString(optionName.ReplaceAllString(formatVerb.ReplaceAllString(s, ""), ""))
}

// literalRefusalsAllowed are the files of cmd/plenum whose refusals stay
// English, and why.
var literalRefusalsAllowed = map[string]string{
	"bench.go":         "plenum bench is the developers' load generator, not an officer's command: its refusals, like the figures it prints for docs/performance.md, are for plenum's developers, who work in English",
	"bench_cluster.go": "plenum bench vote --nodes, the same load generator against several nodes: for the developers, in English, as bench.go",
	"bench_ceiling.go": "plenum bench ceiling, the same load generator against a handler that only answers: for the developers, in English, as bench.go",
}

// TestNoLiteralRefusals scans the commands' source: the message of every
// exitError must come from the catalog (a locale's T with a key the
// catalog has), never a literal with words of its own, but in the files
// of literalRefusalsAllowed. A literal argument of T may be an option or
// a command's name, nothing else with words.
func TestNoLiteralRefusals(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	used := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		bad := func(lit *ast.BasicLit, why string) {
			if literalRefusalsAllowed[name] != "" {
				used[name] = true
				return
			}
			t.Errorf("%s: %s %s: say it through the catalog (package i18n), in every language", fset.Position(lit.Pos()), why, lit.Value)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if id, isIdent := typeIdent(cl); !ok || !isIdent || id != "exitError" {
				return true
			}
			for _, el := range cl.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if k, isIdent := kv.Key.(*ast.Ident); !ok || !isIdent || k.Name != "msg" {
					continue
				}
				checkMsgExpr(t, fset, kv.Value, bad)
			}
			return true
		})
	}
	for name := range literalRefusalsAllowed {
		if !used[name] {
			t.Errorf("%s is allowed English refusals but has none: take it off literalRefusalsAllowed", name)
		}
	}
}

func typeIdent(cl *ast.CompositeLit) (string, bool) {
	if cl == nil {
		return "", false
	}
	id, ok := cl.Type.(*ast.Ident)
	if !ok {
		return "", false
	}
	return id.Name, true
}

// checkMsgExpr checks the expression of an exitError's message: a call
// of a locale's T takes a key of the catalog and, literally, only
// options and commands' names; any other literal with words is bad.
func checkMsgExpr(t *testing.T, fset *token.FileSet, e ast.Expr, bad func(*ast.BasicLit, string)) {
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "T" || len(n.Args) == 0 {
				return true
			}
			if key, ok := stringLit(n.Args[0]); !ok || !i18n.For("en").Has(key) {
				t.Errorf("%s: T's first argument is not a key of the catalog", fset.Position(n.Args[0].Pos()))
			}
			for _, a := range n.Args[1:] {
				if s, ok := stringLit(a); ok {
					if subcommands[s] == nil && englishProse(s) {
						bad(a.(*ast.BasicLit), "a literal with words, given to T:")
					}
					continue
				}
				checkMsgExpr(t, fset, a, bad)
			}
			return false
		case *ast.BasicLit:
			if s, ok := stringLit(n); ok && englishProse(s) {
				bad(n, "the refusal is a literal with words:")
			}
		}
		return true
	})
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// TestTallyRefusalsInTheOfficersLanguage: plenum tally's refusals of its
// options and of the file, with --lang, in every language.
func TestTallyRefusalsInTheOfficersLanguage(t *testing.T) {
	f := writeFile(t, "tied.blt", tiedBLT)
	few := writeFile(t, "few.csv", "a,b\n1,2\n2,1\n")
	broken := writeFile(t, "broken.blt", "two seats\n")
	cases := []keyed{
		{nil, 2, "cli.tally.no_file", nil},
		{[]string{f, "other.blt"}, 2, "cli.tally.one_file", []any{"other.blt"}},
		{[]string{f}, 2, "cli.tally.no_method", []any{anyText}},
		{[]string{"--method", "irv", "--seats", "-1", f}, 2, "cli.tally.seats", nil},
		{[]string{"--method", "irv", "--stages", "--json", f}, 2, "cli.tally.stages_json", nil},
		{[]string{"--method", "lottery", f}, 2, "cli.tally.method", []any{"lottery", anyText}},
		{[]string{"--method", "irv", "ballots.txt"}, 2, "cli.tally.format_ext", []any{"ballots.txt"}},
		{[]string{"--method", "irv", "--format", "xls", f}, 2, "cli.tally.format", []any{"xls"}},
		{[]string{"--method", "plurality", few}, 2, "cli.tally.no_seats", []any{few}},
		{[]string{"--method", "irv", broken}, 1, "cli.about", []any{broken, anyText}},
	}
	checkKeyed(t, "tally", cases, true)
}

// TestImportRefusalsInTheOfficersLanguage: plenum import's refusals of
// its options, of the actor, of the database and of the key, with --lang.
func TestImportRefusalsInTheOfficersLanguage(t *testing.T) {
	db := congressDB(t)
	csv := filepath.Join(rosters, "congress-2026.csv")
	other := filepath.Join(t.TempDir(), "none.db")
	script, err := os.ReadFile(filepath.Join(rosters, "congress-2026.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	two := writeFile(t, "two-admins.jsonl", string(script)+
		`{"cmd":"add_person","actor":"admin","at":"2026-03-02T09:06:00+01:00","args":{"id":"bea","name":"Bea"}}`+"\n"+
		`{"cmd":"grant_role","actor":"admin","at":"2026-03-02T09:07:00+01:00","args":{"person":"bea","role":"administrator"}}`+"\n")
	twoDB := filepath.Join(t.TempDir(), "plenum.db")
	if code, _, errs := runForTest(t, "", "replay", "--db", twoDB, two); code != 0 {
		t.Fatal(errs)
	}
	notRoster := filepath.Join(rosters, "congress-2026.jsonl")
	cases := []keyed{
		{[]string{"--db", db, "--assembly", "congress-2026"}, 2, "cli.import.one_file", nil},
		{[]string{"--db", db, csv}, 2, "cli.export.no_assembly", nil},
		{[]string{"--db", db, "--assembly", "congress-2026", "--dry-run", "--good-rows", csv}, 2, "cli.import.dry_good", nil},
		{[]string{"--db", db, "--assembly", "congress-2027", csv}, 1, "cli.export.no_such_assembly", []any{db, "congress-2027", anyText}},
		{[]string{"--db", db, "--assembly", "congress-2027", "--dry-run", csv}, 1, "cli.export.no_such_assembly", []any{db, "congress-2027", anyText}},
		{[]string{"--db", other, "--assembly", "congress-2026", csv}, 1, "cli.import.no_db", []any{anyText}},
		{[]string{"--db", db, "--assembly", "congress-2026", "--actor", "nobody", csv}, 1, "cli.import.not_registrar", []any{"nobody", "congress-2026"}},
		{[]string{"--db", twoDB, "--assembly", "congress-2026", csv}, 2, "cli.import.admins", []any{"congress-2026", 2, "admin, bea"}},
		{[]string{"--db", db, "--assembly", "congress-2026", notRoster}, 1, "cli.about", []any{notRoster, anyText}},
		{[]string{"--db", "postgres://nobody@127.0.0.1:1/none", "--assembly", "congress-2026", csv}, 2, "cli.pg_data", nil},
		{[]string{"--db", db, "--assembly", "congress-2026", "--name", "a b", csv}, 2, "cli.server_name", []any{"a b"}},
		{[]string{"--db", db, "--data", t.TempDir(), "--assembly", "congress-2026", csv}, 1, "cli.import.no_key", []any{anyText}},
	}
	checkKeyed(t, "import", cases, true)
	// A database a server writes to: what to do instead, the import page.
	held := filepath.Join(t.TempDir(), "held.db")
	_, closeAll, err := openEngine(context.Background(), held, "", ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	checkKeyed(t, "import", []keyed{{[]string{"--db", held, "--assembly", "congress-2026", csv}, 1, "cli.import.locked", []any{"congress-2026"}}}, true)
	// A file that is no roster says why in the roster's words, translated.
	if _, _, errs := runForTest(t, "", "import", "--lang", "de", "--db", db, "--assembly", "congress-2026", notRoster); !strings.Contains(errs, "keine Spalte gibt die Namen") {
		t.Errorf("de: a file that is no roster: %q", errs)
	}
}

// TestReplayAndOthersRefuseInTheOfficersLanguage: plenum replay's
// PostgreSQL without --data (the words serve and import use too), and
// the commands that take no arguments.
func TestReplayAndOthersRefuseInTheOfficersLanguage(t *testing.T) {
	script := writeFile(t, "s.jsonl", "")
	checkKeyed(t, "replay", []keyed{{[]string{"--db", "postgres://nobody@127.0.0.1:1/none", script}, 2, "cli.pg_data", nil}}, true)
	for _, command := range []string{"demo", "keygen", "version", "verify", "witness"} {
		checkKeyed(t, command, []keyed{{[]string{"extra"}, 2, "cli.no_args", []any{command}}}, false)
	}
}

// TestServeRefusalsInTheOfficersLanguage: plenum serve's refusals of its
// arguments, its name, its ballot module, its witnesses, its TLS files,
// its place in a cluster, a database another process writes to and a
// record without its signing key (replay's too), in the environment's
// language.
func TestServeRefusalsInTheOfficersLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	pg := "postgres://nobody@127.0.0.1:1/none"
	_, wkey, err := witness.GenerateKey("w.test/w")
	if err != nil {
		t.Fatal(err)
	}
	none := filepath.Join(t.TempDir(), "none")
	at := []string{"--addr", "127.0.0.1:0"}
	cases := []keyed{
		{[]string{"--db", db, "extra"}, 2, "cli.no_args", []any{"serve"}},
		{[]string{"--db", db, "--name", "a b"}, 2, "cli.server_name", []any{"a b"}},
		{append(at, "--db", db, "--ballot-module", none), 2, "cli.about", []any{"--ballot-module", anyText}},
		{append(at, "--db", pg), 2, "cli.pg_data", nil},
		{append(at, "--db", pg, "--node-name", "a", "--advertise", "http://a:1"), 2, "cli.pg_data", nil},
		{append(at, "--db", db, "--witness", "nokey"), 2, "cli.serve.witness_form", []any{"nokey"}},
		{append(at, "--db", db, "--witness", "http://w=a+b+c"), 2, "cli.serve.witness_key", []any{"http://w=a+b+c", anyText}},
		{append(at, "--db", db, "--witness", "http://w="+wkey, "--witnesses-needed", "2"), 2, "cli.about", []any{"--witnesses-needed", anyText}},
		{[]string{"--db", db, "--tls-cert", none, "--tls-key", none}, 2, "cli.access.tls_load", []any{none, none, anyText}},
		{[]string{"--db", db, "--node-name", "a", "--advertise", "http://a:1"}, 2, "cli.cluster.node_pg", nil},
		{[]string{"--db", pg, "--advertise", "http://a:1"}, 2, "cli.cluster.needs_name", nil},
		{[]string{"--db", pg, "--node-name", "a"}, 2, "cli.cluster.needs_advertise", nil},
		{[]string{"--db", pg, "--node-name", "a b", "--advertise", "http://a:1"}, 2, "cli.about", []any{"--node-name", anyText}},
		{[]string{"--db", pg, "--node-name", "a", "--advertise", "a:1"}, 2, "cli.about", []any{"--advertise", anyText}},
	}
	checkKeyed(t, "serve", cases, false)

	// A database another process writes to.
	held := filepath.Join(t.TempDir(), "held.db")
	_, closeAll, err := openEngine(context.Background(), held, "", ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	checkKeyed(t, "serve", []keyed{{append(at, "--db", held), 1, "cli.serve.locked", nil}}, false)

	// A record whose signing key is gone: serve and replay refuse it and
	// make no new key.
	nokey, _ := makeReplayedDB(t)
	key := filepath.Join(filepath.Dir(nokey), ledger.SigningKeyFile)
	if err := os.Remove(key); err != nil {
		t.Fatal(err)
	}
	missing := []any{key, nokey, 2, ledger.DefaultServerName, filepath.Dir(nokey)}
	checkKeyed(t, "serve", []keyed{{append(at, "--db", nokey), 1, "cli.serve.key_missing", missing}}, false)
	checkKeyed(t, "replay", []keyed{{[]string{"--db", nokey, "../../testdata/coop-2026.jsonl"}, 1, "cli.serve.key_missing", missing}}, true)
	if _, err := os.Stat(key); err == nil {
		t.Error("a new signing key was made beside the record")
	}
}

// TestClusterRefusalsInTheOfficersLanguage: plenum cluster's refusals of
// its subcommand and options, in the environment's language.
func TestClusterRefusalsInTheOfficersLanguage(t *testing.T) {
	cases := []keyed{
		{nil, 2, "cli.cluster.no_sub", nil},
		{[]string{"stats"}, 2, "cli.cluster.unknown_sub", []any{"stats"}},
		{[]string{"status", "extra"}, 2, "cli.cluster.no_args", nil},
		{[]string{"status"}, 2, "cli.cluster.no_db", nil},
		{[]string{"status", "--db", "p.db"}, 2, "cli.cluster.not_pg", []any{"p.db"}},
		{[]string{"status", "--db", "postgres://nobody@127.0.0.1:1/none", "--node-ttl", "0s"}, 2, "cli.cluster.ttl", nil},
	}
	checkKeyed(t, "cluster", cases, false)
}

// TestVerifyRefusalsInTheOfficersLanguage: plenum verify's refusals of a
// document whose stated checkpoint is not this database's, of a signing
// key it cannot read, and of the files and options of verify URL,
// --receipt and --excerpt, in the environment's language.
func TestVerifyRefusalsInTheOfficersLanguage(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	md := filepath.Join(dir, "en.md")
	if code, _, errs := runForTest(t, "", "export", "--db", db, "--assembly", "march-1917", "--lang", "en", "-o", md); code != 0 {
		t.Fatal(errs)
	}
	doc, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	origin := "plenum.localhost/log/march-1917\n"
	fence := "```plenum-checkpoint\n"
	at := strings.LastIndex(string(doc), fence+origin)
	if at < 0 {
		t.Fatalf("the document states no checkpoint of %s", origin)
	}
	// The checkpoint's size, the count of entries other_renderer names
	// (and selects its plural form on: "первые 726 записей").
	size, _, _ := strings.Cut(string(doc)[at+len(fence)+len(origin):], "\n")
	withOrigin := func(name, o string) string {
		s := string(doc)
		return writeFile(t, name, s[:at]+fence+o+s[at+len(fence)+len(origin):])
	}
	unreadable := withOrigin("unreadable.md", "bad\x01origin\n")
	notPlenum := withOrigin("not-plenum.md", "a log of somebody else\n")
	otherLog := withOrigin("other-log.md", "other.example/log/march-1917\n")
	vkey := statedKey(t, string(doc))
	badKey := writeFile(t, "bad-key.md", strings.ReplaceAll(string(doc), "`"+vkey+"`", "`a+b+c`"))
	noCP := writeFile(t, "none.md", "# Minutes\n\nNothing else.\n")
	ours, next := "md/"+strconv.Itoa(minutes.RendererVersion("md")), "md/"+strconv.Itoa(minutes.RendererVersion("md")+1)
	stamp := stampLine("md", ours)
	if !strings.Contains(string(doc), stamp) {
		t.Fatalf("the document states no renderer %q", stamp)
	}
	bogusStamp := writeFile(t, "bogus-stamp.md", strings.Replace(string(doc), stamp, stampLine("md", "md/x"), 1))
	otherRenderer := writeFile(t, "other-renderer.md", strings.Replace(string(doc), stamp, stampLine("md", next+" plenum/v9.1.0"), 1))
	// A signing key that is not one.
	keyDir := filepath.Join(t.TempDir(), "d")
	os.MkdirAll(keyDir, 0o700)
	os.WriteFile(filepath.Join(keyDir, ledger.SigningKeyFile), []byte("not a key\n"), 0o600)

	l := tlogtest.New("plenum.test/assembly/march-1917")
	x := writeFile(t, "excerpt.txt", "nothing")
	sinceDir := t.TempDir()
	cases := []keyed{
		{[]string{"--db", db, "--document", noCP}, 1, "cli.about", []any{noCP, i18nText("cli.doc.no_checkpoint")}},
		{[]string{"--db", db, "--document", unreadable}, 1, "cli.doc.cp_unreadable", []any{unreadable, anyText}},
		{[]string{"--db", db, "--document", notPlenum}, 1, "cli.doc.not_plenum", []any{notPlenum, "a log of somebody else", anyText}},
		{[]string{"--db", db, "--document", otherLog}, 1, "cli.doc.other_log", []any{otherLog, "other.example/log/march-1917", "march-1917", "plenum.localhost/log/march-1917"}},
		{[]string{"--db", db, "--data", t.TempDir(), "--document", badKey}, 1, "cli.doc.key_unreadable", []any{badKey, anyText}},
		{[]string{"--db", db, "--document", bogusStamp}, 1, "cli.doc.bad_stamp", []any{bogusStamp, `"md/x"`, "md"}},
		{[]string{"--db", db, "--document", otherRenderer}, exitOtherRenderer, "cli.doc.other_renderer", []any{otherRenderer, next, "", ours, size, anyText, next, anyText}},
		{[]string{"--db", db, "--data", keyDir}, 1, "cli.about", []any{filepath.Join(keyDir, ledger.SigningKeyFile), anyText}},
		{[]string{"--url", "http://127.0.0.1:1", "--key", "a+b+c"}, 2, "cli.about", []any{"--key", anyText}},
		{[]string{"--url", "http://127.0.0.1:1", "--key", l.VKey, "--witness", "a+b+c"}, 2, "cli.about", []any{"--witness", anyText}},
		{[]string{"--url", "http://127.0.0.1:1", "--key", l.VKey, "--since", sinceDir}, 1, "cli.about", []any{"--since", anyText}},
		{[]string{"--receipt", x, "--key", l.VKey}, 1, "cli.receipt.malformed", []any{x, anyText}},
		{[]string{"--excerpt", x, "--key", l.VKey}, 1, "cli.excerpt.malformed", []any{x, anyText}},
	}
	checkKeyed(t, "verify", cases, false)
}

// i18nText is an argument of a keyed refusal that is itself the text of
// a key: the expected text holds it in whichever language, so it stands
// as anyText, and the key must be one of the catalog.
func i18nText(key string) any {
	if !i18n.For("en").Has(key) {
		panic("no key " + key)
	}
	return anyText
}

// statedKey is the verifier key an English Markdown document states.
func statedKey(t *testing.T, doc string) string {
	t.Helper()
	m := regexp.MustCompile("\n- " + regexp.QuoteMeta(i18n.For("en").T("minutes.cp.key")) + ": `([^`]+)`").FindStringSubmatch(doc)
	if m == nil {
		t.Fatal("the document states no verifier key")
	}
	return m[1]
}

// TestPayloadStoredApartInTheOfficersLanguage: verify URL's replay says
// in the officer's language that a payload stored beside the log could
// not be fetched, or is missing or altered.
func TestPayloadStoredApartInTheOfficersLanguage(t *testing.T) {
	big := `{"text":"` + strings.Repeat("x", 1<<20) + `"}`
	data, external, err := ledger.EncodeEntry(ledger.Entry{Index: 0, Time: time.Unix(0, 0).UTC(), Actor: "admin", Type: "note", Payload: []byte(big)})
	if err != nil || external == nil {
		t.Fatalf("the entry's payload is not stored apart: %v", err)
	}
	missing := httptest.NewServer(http.NotFoundHandler())
	defer missing.Close()
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close()
	for _, lang := range []string{"en", "de", "ru"} {
		l := i18n.For(lang)
		replay, _ := remoteReplay(context.Background(), l, missing.URL, remote.HTTPClientFor(missing.URL, time.Minute))
		err := replay(0, data)
		if err == nil || !strings.HasPrefix(err.Error(), strings.Split(l.T("cli.remote.blob_bad", anyText), anyText)[0]) {
			t.Errorf("%s: a missing payload: %v", lang, err)
		}
		replay, _ = remoteReplay(context.Background(), l, gone.URL, remote.HTTPClientFor(gone.URL, time.Minute))
		err = replay(0, data)
		if err == nil || !strings.HasPrefix(err.Error(), strings.Split(l.T("cli.remote.blob_fetch", anyText), anyText)[0]) {
			t.Errorf("%s: a payload that cannot be fetched: %v", lang, err)
		}
	}
}

// TestKeygenInTheOfficersLanguage: plenum keygen names the verifier key,
// and refuses to write over a key file, in the environment's language.
func TestKeygenInTheOfficersLanguage(t *testing.T) {
	for lang, want := range map[string]string{"de": "Prüfschlüssel: plenum.localhost+", "ru": "ключ проверки: plenum.localhost+", "": "verifier key: plenum.localhost+"} {
		if code, out, errs := runIn(t, lang, "keygen"); code != 0 || !strings.HasPrefix(out, "PRIVATE+KEY+") || !strings.HasPrefix(errs, want) {
			t.Errorf("%s: exit %d: %q", lang, code, errs)
		}
	}
	existing := writeFile(t, "signing.key", "taken\n")
	checkKeyed(t, "keygen", []keyed{{[]string{"--out", existing}, 1, "cli.keygen.not_written", []any{anyText}}}, false)
	if data, _ := os.ReadFile(existing); string(data) != "taken\n" {
		t.Errorf("keygen wrote over %s", existing)
	}
}
