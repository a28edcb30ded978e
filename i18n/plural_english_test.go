package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// countedWord is a count in an English text, "%d seats", "%[3]d voting
// members": a number before a word that changes with it (at most one
// word between them); or a count given as its digits or a decimal,
// "%s entries", "%[2]v events", "%[3]s votes", right before the word (a
// string before a verb and a noun is a name: "%s elects persons").
var countedWord = regexp.MustCompile(`%(\[\d+\])?(d (\w+ )?|[sv] )(seats|candidates|votes|members|minutes|times|characters|entries|ballots|mandates|proxies|persons|delegates|speeches|rows|commands|days|hours|seconds|papers|trustees|supporters|lines|paragraphs|organizations|preferences|marks|stages|checkpoints|assemblies|administrators|events|bytes|cells)\b`)

// TestEnglishCountsArePlural is the guard of the English counts: a
// message of the catalog whose English puts a number before a word that
// changes with it ("fills %d seats") must select its plural form, or it
// says "fills 1 seats". It reads the tables in the source, so that it
// names the file; the pages' tables (web*.go) are left to their own
// tests.
func TestEnglishCountsArePlural(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "web") {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			var key, en string
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				id, ok1 := kv.Key.(*ast.Ident)
				s, ok2 := kv.Value.(*ast.BasicLit)
				if !ok1 || !ok2 || s.Kind != token.STRING {
					continue
				}
				v, err := strconv.Unquote(s.Value)
				if err != nil {
					continue
				}
				switch id.Name {
				case "Key":
					key = v
				case "En":
					en = v
				}
			}
			if key == "" || en == "" {
				return true
			}
			checked++
			if !strings.HasPrefix(en, "#") {
				if m := countedWord.FindString(en); m != "" {
					t.Errorf("%s: %q says %q without its plural form: give the English #N|one=…|other=…", f, key, m)
				}
				return true
			}
			_, cases, err := parsePlural(en)
			if err != nil {
				t.Errorf("%s: %q: %v", f, key, err)
				return true
			}
			one := false
			for _, c := range cases {
				one = one || c.form == "one"
			}
			if !one {
				t.Errorf("%s: %q selects a plural form but has no English one=", f, key)
			}
			return true
		})
	}
	if checked < 1000 {
		t.Fatalf("read %d messages; the search no longer finds the tables", checked)
	}
}

// englishIsKey reports whether a refusal's English is its key, the
// template the rules write: the key itself, or the key as the case other
// of a plural selection ("#3|one=… fills %d seat|other=… fills %d
// seats").
func englishIsKey(m Msg) bool {
	if m.En == m.Key {
		return true
	}
	_, cases, err := parsePlural(m.En)
	if err != nil {
		return false
	}
	for _, c := range cases {
		if c.form == "other" {
			return c.text == m.Key
		}
	}
	return false
}

// TestEnglishCountsAgree: the English of a count agrees with its number
// at 1 as at 2 ("fills 1 seat", "fills 2 seats"), the refusals and
// reasons as a page or the command line renders them (Locale.Refusal with
// the rules' template, arguments and English), the command line's and
// the login's messages through T; and the translations given their
// plural form with it.
func TestEnglishCountsAgree(t *testing.T) {
	en := For("en")
	cases := []struct {
		key  string
		args []any
		want string
	}{
		{"auth.too_many", []any{1}, "too many wrong access codes were typed from your address; wait 1 second, then type the code on your mandate card carefully"},
		{"auth.too_many", []any{2}, "too many wrong access codes were typed from your address; wait 2 seconds, then type the code on your mandate card carefully"},
		{"cli.demo.loaded", []any{1, "e1", "L1", 10}, "plenum demo: the March 1917 conference, 1 command restored into e1 in L1 (10 log entries)"},
		{"cli.demo.loaded", []any{2, "e1", "L1", 10}, "plenum demo: the March 1917 conference, 2 commands restored into e1 in L1 (10 log entries)"},
		{"one vote for each of the first %d preferences", []any{1}, "one vote for each ballot's first preference (1 seat)"},
		{"one vote for each of the first %d preferences", []any{2}, "one vote for each of the first 2 preferences"},
		{"Hare quota %s ÷ %d = %s; each list's share is its votes ÷ quota; %d seats by whole quotas", []any{"v1", 8, "L1", 1}, "Hare quota v1 ÷ 8 = L1; each list's share is its votes ÷ quota; 1 seat by whole quotas"},
		{"Hare quota %s ÷ %d = %s; each list's share is its votes ÷ quota; %d seats by whole quotas", []any{"v1", 8, "L1", 2}, "Hare quota v1 ÷ 8 = L1; each list's share is its votes ÷ quota; 2 seats by whole quotas"},
		{"%d seats left to the largest remainders", []any{1}, "1 seat left to the largest remainders"},
		{"%d seats left to the largest remainders", []any{2}, "2 seats left to the largest remainders"},
		{"%d valid papers; quota %d ÷ %d + 1 = %d", []any{1, 8, 9, 10}, "1 valid paper; quota 8 ÷ 9 + 1 = 10"},
		{"%d valid papers; quota %d ÷ %d + 1 = %d", []any{2, 8, 9, 10}, "2 valid papers; quota 8 ÷ 9 + 1 = 10"},
		{"%d transferable papers worth %s: each passes at %s ÷ %d = %s, to two places", []any{1, "e1", "L1", 10, "x1"}, "1 transferable paper worth e1: it passes at L1 ÷ 10 = x1, to two places"},
		{"%d transferable papers worth %s: each passes at %s ÷ %d = %s, to two places", []any{2, "e1", "L1", 10, "x1"}, "2 transferable papers worth e1: each passes at L1 ÷ 10 = x1, to two places"},
		{"there is no quorum: %d voting members present, %d needed", []any{1, 8}, "there is no quorum: 1 voting member present, 8 needed"},
		{"there is no quorum: %d voting members present, %d needed", []any{2, 8}, "there is no quorum: 2 voting members present, 8 needed"},
		{"%d are named elected but %s fills %d seats", []any{7, "e1", 1}, "7 are named elected but e1 fills 1 seat"},
		{"%d are named elected but %s fills %d seats", []any{7, "e1", 2}, "7 are named elected but e1 fills 2 seats"},
		{"%d members with a vote are present by name and %d left unnamed; if one of those leaving was among the unnamed, record their return first (return_to_hall unnamed)", []any{1, 8}, "1 member with a vote is present by name and 8 left unnamed; if one of those leaving was among the unnamed, record their return first (return_to_hall unnamed)"},
		{"%d members with a vote are present by name and %d left unnamed; if one of those leaving was among the unnamed, record their return first (return_to_hall unnamed)", []any{2, 8}, "2 members with a vote are present by name and 8 left unnamed; if one of those leaving was among the unnamed, record their return first (return_to_hall unnamed)"},
		{"%d minutes is more than a day; plan an item in minutes, at most %d", []any{1, 8}, "1 minute is more than a day; plan an item in minutes, at most 8"},
		{"%d minutes is more than a day; plan an item in minutes, at most %d", []any{2, 8}, "2 minutes is more than a day; plan an item in minutes, at most 8"},
		{"%d of the %d trustees of %s have published their dealings; a confirmation needs all of them", []any{1, 8, "L1"}, "1 of the 8 trustees of L1 has published its dealing; a confirmation needs all of them"},
		{"%d of the %d trustees of %s have published their dealings; a confirmation needs all of them", []any{2, 8, "L1"}, "2 of the 8 trustees of L1 have published their dealings; a confirmation needs all of them"},
		{"%d of the %d trustees of %s have published their keys; a dealing needs all of them", []any{1, 8, "L1"}, "1 of the 8 trustees of L1 has published its key; a dealing needs all of them"},
		{"%d of the %d trustees of %s have published their keys; a dealing needs all of them", []any{2, 8, "L1"}, "2 of the 8 trustees of L1 have published their keys; a dealing needs all of them"},
		{"%s has spoken %d times on %s in this sitting; the rules of procedure allow %d speeches by one person on one question", []any{"v1", 8, "L1", 1}, "v1 has spoken 8 times on L1 in this sitting; the rules of procedure allow 1 speech by one person on one question"},
		{"%s has spoken %d times on %s in this sitting; the rules of procedure allow %d speeches by one person on one question", []any{"v1", 8, "L1", 2}, "v1 has spoken 8 times on L1 in this sitting; the rules of procedure allow 2 speeches by one person on one question"},
		{"a ballot in %s names at most %d candidates, one per seat", []any{"v1", 1}, "a ballot in v1 names at most 1 candidate, one per seat"},
		{"a ballot in %s names at most %d candidates, one per seat", []any{"v1", 2}, "a ballot in v1 names at most 2 candidates, one per seat"},
		{"a sealed ballot's token has %d to %d characters", []any{7, 1}, "a sealed ballot's token has 7 to 1 character"},
		{"a sealed ballot's token has %d to %d characters", []any{7, 2}, "a sealed ballot's token has 7 to 2 characters"},
		{"a secret ballot needs its token (at least %d characters), which plenum makes", []any{1}, "a secret ballot needs its token (at least 1 character), which plenum makes"},
		{"a secret ballot needs its token (at least %d characters), which plenum makes", []any{2}, "a secret ballot needs its token (at least 2 characters), which plenum makes"},
		{"an encrypted vote has at most %d trustees, not %d", []any{1, 8}, "an encrypted vote has at most 1 trustee, not 8"},
		{"an encrypted vote has at most %d trustees, not %d", []any{2, 8}, "an encrypted vote has at most 2 trustees, not 8"},
		{"only %d members with a vote are present, and %d of them left unnamed before; %d more cannot leave unnamed", []any{1, 8, 9}, "only 1 member with a vote is present, and 8 of them left unnamed before; 9 more cannot leave unnamed"},
		{"only %d members with a vote are present, and %d of them left unnamed before; %d more cannot leave unnamed", []any{2, 8, 9}, "only 2 members with a vote are present, and 8 of them left unnamed before; 9 more cannot leave unnamed"},
		{"only %d unnamed persons are out of the hall, not %d", []any{1, 8}, "only 1 unnamed person is out of the hall, not 8"},
		{"only %d unnamed persons are out of the hall, not %d", []any{2, 8}, "only 2 unnamed persons are out of the hall, not 8"},
		{"the count gives at least %d votes in %s, but only %d could be cast: %d entitled to vote were present when it was opened, %d are now; count again", []any{1, "e1", 9, 10, 11}, "the count gives at least 1 vote in e1, but only 9 could be cast: 10 entitled to vote were present when it was opened, 11 are now; count again"},
		{"the count gives at least %d votes in %s, but only %d could be cast: %d entitled to vote were present when it was opened, %d are now; count again", []any{2, "e1", 9, 10, 11}, "the count gives at least 2 votes in e1, but only 9 could be cast: 10 entitled to vote were present when it was opened, 11 are now; count again"},
		{"the encrypted total of %s is not yet decrypted: %d of the %d trustees needed have posted their partial decryptions", []any{"v1", 1, 9}, "the encrypted total of v1 is not yet decrypted: 1 of the 9 trustees needed has posted its partial decryption"},
		{"the encrypted total of %s is not yet decrypted: %d of the %d trustees needed have posted their partial decryptions", []any{"v1", 2, 9}, "the encrypted total of v1 is not yet decrypted: 2 of the 9 trustees needed have posted their partial decryptions"},
		{"the speaking time allotted to %s on %s is used up (%d of %d seconds); %s may not take the floor for %s", []any{"v1", "e1", 9, 1, "x1", "x2"}, "the speaking time allotted to v1 on e1 is used up (9 of 1 second); x1 may not take the floor for x2"},
		{"the speaking time allotted to %s on %s is used up (%d of %d seconds); %s may not take the floor for %s", []any{"v1", "e1", 9, 2, "x1", "x2"}, "the speaking time allotted to v1 on e1 is used up (9 of 2 seconds); x1 may not take the floor for x2"},
		{"trustee_quorum is how many of the %d trustees must take part in the decryption: 1 to %d, not %d", []any{1, 8, 9}, "trustee_quorum is how many of the 1 trustee must take part in the decryption: 1 to 8, not 9"},
		{"trustee_quorum is how many of the %d trustees must take part in the decryption: 1 to %d, not %d", []any{2, 8, 9}, "trustee_quorum is how many of the 2 trustees must take part in the decryption: 1 to 8, not 9"},
		{"%d seats are more than an election fills (at most %d)", []any{1, 8}, "1 seat is more than an election fills (at most 8)"},
		{"%d seats are more than an election fills (at most %d)", []any{2, 8}, "2 seats are more than an election fills (at most 8)"},
		{"%s has %d lines (at %d characters a line); there is no line %d", []any{"v1", 1, 9, 10}, "v1 has 1 line (at 9 characters a line); there is no line 10"},
		{"%s has %d lines (at %d characters a line); there is no line %d", []any{"v1", 2, 9, 10}, "v1 has 2 lines (at 9 characters a line); there is no line 10"},
		{"%s has %d paragraphs; there is no paragraph %d", []any{"v1", 1, 9}, "v1 has 1 paragraph; there is no paragraph 9"},
		{"%s has %d paragraphs; there is no paragraph %d", []any{"v1", 2, 9}, "v1 has 2 paragraphs; there is no paragraph 9"},
		{"%s has %d supporters; the rules require %d before a motion is admitted", []any{"v1", 1, 9}, "v1 has 1 supporter; the rules require 9 before a motion is admitted"},
		{"%s has %d supporters; the rules require %d before a motion is admitted", []any{"v1", 2, 9}, "v1 has 2 supporters; the rules require 9 before a motion is admitted"},
		{"the reason is longer than %d characters; say it shortly", []any{1}, "the reason is longer than 1 character; say it shortly"},
		{"the reason is longer than %d characters; say it shortly", []any{2}, "the reason is longer than 2 characters; say it shortly"},
		{"the statement of consent is longer than %d characters; say it shortly", []any{1}, "the statement of consent is longer than 1 character; say it shortly"},
		{"the statement of consent is longer than %d characters; say it shortly", []any{2}, "the statement of consent is longer than 2 characters; say it shortly"},
		{"a ballot cannot approve %d of %d candidates", []any{7, 1}, "a ballot cannot approve 7 of 1 candidate"},
		{"a ballot cannot approve %d of %d candidates", []any{7, 2}, "a ballot cannot approve 7 of 2 candidates"},
		{"a ballot in %s approves at most %d candidates, not %d", []any{"v1", 1, 9}, "a ballot in v1 approves at most 1 candidate, not 9"},
		{"a ballot in %s approves at most %d candidates, not %d", []any{"v1", 2, 9}, "a ballot in v1 approves at most 2 candidates, not 9"},
		{"%s already carries %d proxies, the most the rules allow", []any{"v1", 1}, "v1 already carries 1 proxy, the most the rules allow"},
		{"%s already carries %d proxies, the most the rules allow", []any{"v1", 2}, "v1 already carries 2 proxies, the most the rules allow"},
		{"a countdown runs at most a day (%d seconds), not %d", []any{1, 8}, "a countdown runs at most a day (1 second), not 8"},
		{"a countdown runs at most a day (%d seconds), not %d", []any{2, 8}, "a countdown runs at most a day (2 seconds), not 8"},
		{"the countdown's label is longer than %d characters", []any{1}, "the countdown's label is longer than 1 character"},
		{"the countdown's label is longer than %d characters", []any{2}, "the countdown's label is longer than 2 characters"},
		{"the message is longer than %d characters; a screen is read from the back of the hall", []any{1}, "the message is longer than 1 character; a screen is read from the back of the hall"},
		{"the message is longer than %d characters; a screen is read from the back of the hall", []any{2}, "the message is longer than 2 characters; a screen is read from the back of the hall"},
		{"the screen's name is longer than %d characters", []any{1}, "the screen's name is longer than 1 character"},
		{"the screen's name is longer than %d characters", []any{2}, "the screen's name is longer than 2 characters"},
		{"there is no entry %d yet; the log has %d entries", []any{7, 1}, "there is no entry 7 yet; the log has 1 entry"},
		{"there is no entry %d yet; the log has %d entries", []any{7, 2}, "there is no entry 7 yet; the log has 2 entries"},
		{"%d ballots have already been cast in this vote", []any{1}, "1 ballot has already been cast in this vote"},
		{"%d ballots have already been cast in this vote", []any{2}, "2 ballots have already been cast in this vote"},
		{"%d ballots have already been cast in this election", []any{1}, "1 ballot has already been cast in this election"},
		{"%d ballots have already been cast in this election", []any{2}, "2 ballots have already been cast in this election"},
		{"the roster has more than %d rows; split it into several files", []any{1}, "the roster has more than 1 row; split it into several files"},
		{"the roster has more than %d rows; split it into several files", []any{2}, "the roster has more than 2 rows; split it into several files"},
		{"the cell is %d characters long; at most %d are read", []any{1, 8}, "the cell is 1 character long; at most 8 are read"},
		{"the cell is %d characters long; at most %d are read", []any{2, 8}, "the cell is 2 characters long; at most 8 are read"},
		{"the cell holds a letter with %d combining marks; retype it", []any{1}, "the cell holds a letter with 1 combining mark; retype it"},
		{"the cell holds a letter with %d combining marks; retype it", []any{2}, "the cell holds a letter with 2 combining marks; retype it"},
		{"the assembly has %d persons named %s; give a reference %s to say which", []any{1, "e1", "L1"}, "the assembly has 1 person named e1; give a reference L1 to say which"},
		{"the assembly has %d persons named %s; give a reference %s to say which", []any{2, "e1", "L1"}, "the assembly has 2 persons named e1; give a reference L1 to say which"},
		{"the assembly has %d organizations named %s; rename one of them", []any{1, "e1"}, "the assembly has 1 organization named e1; rename it"},
		{"the assembly has %d organizations named %s; rename one of them", []any{2, "e1"}, "the assembly has 2 organizations named e1; rename one of them"},
		{"%s holds %d mandates (from %s), none from %s; the import changes one mandate a person holds: change these on the mandate commission's page", []any{"v1", 1, "L1", "s1"}, "v1 holds 1 mandate (from L1), none from s1; the import changes one mandate a person holds: change it on the mandate commission's page"},
		{"%s holds %d mandates (from %s), none from %s; the import changes one mandate a person holds: change these on the mandate commission's page", []any{"v1", 2, "L1", "s1"}, "v1 holds 2 mandates (from L1), none from s1; the import changes one mandate a person holds: change these on the mandate commission's page"},
		{"%d rows are named %s; give the proxy's reference instead", []any{1, "e1"}, "1 row is named e1; give the proxy's reference instead"},
		{"%d rows are named %s; give the proxy's reference instead", []any{2, "e1"}, "2 rows are named e1; give the proxy's reference instead"},
		{"the assembly has %d persons named %s; give the proxy's reference instead", []any{1, "e1"}, "the assembly has 1 person named e1; give the proxy's reference instead"},
		{"the assembly has %d persons named %s; give the proxy's reference instead", []any{2, "e1"}, "the assembly has 2 persons named e1; give the proxy's reference instead"},
		{"%s has %s of the %s votes in the count, more than half", []any{"v1", "1", "1"}, "v1 has 1 of the 1 vote in the count, more than half"},
		{"%s has %s of the %s votes in the count, more than half", []any{"v1", "2", "3"}, "v1 has 2 of the 3 votes in the count, more than half"},
		{"the reference %.20q… is longer than %d bytes", []any{"r", 1}, `the reference "r"… is longer than 1 byte`},
		{"the reference %.20q… is longer than %d bytes", []any{"r", 2}, `the reference "r"… is longer than 2 bytes`},
		{"minutes.cp.lead", []any{"1", "o"}, "This document was rendered from the first 1 entry of the log o"},
		{"minutes.cp.lead", []any{"2", "o"}, "This document was rendered from the first 2 entries of the log o"},
		{"cli.excerpt.incomplete", []any{"f", "0", "1", "0", 1}, "f: --complete: the excerpt holds 0 of the 1 entry of its checkpoint, not the whole record; absent: 0"},
		{"cli.excerpt.incomplete", []any{"f", "1", "3", "1–2", 3}, "f: --complete: the excerpt holds 1 of the 3 entries of its checkpoint, not the whole record; absent: 1–2"},
		{"api.stream_beyond", []any{"5", "1", "0"}, "Last-Event-ID 5 is beyond the log's head: the log holds 1 event (index 0), so this stream cannot resume after 5; the log you saw was longer than this one, so reload and check the record"},
	}
	for _, c := range cases {
		var got string
		if strings.HasPrefix(c.key, "cli.") || strings.HasPrefix(c.key, "auth.") {
			got = en.T(c.key, c.args...)
		} else {
			got = en.Refusal(c.key, c.args, fmt.Sprintf(c.key, c.args...))
		}
		if got != c.want {
			t.Errorf("%q %v:\n got %q\nwant %q", c.key, c.args, got, c.want)
		}
	}

	const (
		quorum   = "there is no quorum: %d voting members present, %d needed"
		keys     = "%d of the %d trustees of %s have published their keys; a dealing needs all of them"
		partials = "the encrypted total of %s is not yet decrypted: %d of the %d trustees needed have posted their partial decryptions"
		least    = "the count gives at least %d votes in %s, but only %d could be cast: %d entitled to vote were present when it was opened, %d are now; count again"
		firstN   = "one vote for each of the first %d preferences"
	)
	translated := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"de", quorum, []any{1, 3}, "die Versammlung ist nicht beschlussfähig: 1 stimmberechtigte Person anwesend, 3 nötig"},
		{"de", quorum, []any{2, 3}, "die Versammlung ist nicht beschlussfähig: 2 Stimmberechtigte anwesend, 3 nötig"},
		{"ru", quorum, []any{1, 3}, "кворума нет: присутствует 1 с правом голоса, нужно 3"},
		{"ru", quorum, []any{21, 30}, "кворума нет: присутствует 21 с правом голоса, нужно 30"},
		{"ru", quorum, []any{5, 30}, "кворума нет: присутствуют 5 с правом голоса, нужно 30"},
		{"fr", quorum, []any{1, 3}, "le quorum n'est pas atteint : 1 votant présent, 3 requis"},
		{"es", quorum, []any{2, 3}, "no hay quórum: 2 con derecho a voto presentes, se necesitan 3"},
		{"de", keys, []any{1, 3, "v1"}, "erst 1 der 3 Treuhänder der Abstimmung v1 hat seinen Schlüssel veröffentlicht; eine Verteilung setzt die Schlüssel aller voraus"},
		{"de", keys, []any{2, 3, "v1"}, "erst 2 der 3 Treuhänder der Abstimmung v1 haben ihren Schlüssel veröffentlicht; eine Verteilung setzt die Schlüssel aller voraus"},
		{"fr", keys, []any{1, 3, "v1"}, "1 des 3 dépositaires de v1 a publié sa clé ; une distribution exige celles de tous"},
		{"de", partials, []any{"e1", 1, 2}, "das verschlüsselte Gesamtergebnis von e1 ist noch nicht entschlüsselt: 1 der 2 nötigen Treuhänder hat seine Teilentschlüsselung eingereicht"},
		{"es", partials, []any{"e1", 2, 3}, "el total cifrado de e1 aún no está descifrado: 2 de los 3 depositarios necesarios han enviado su descifrado parcial"},
		{"de", least, []any{1, "v1", 0, 0, 0}, "die Zählung ergibt mindestens 1 Stimme in v1, abgegeben werden konnten aber nur 0: bei der Eröffnung waren 0 Stimmberechtigte anwesend, jetzt sind es 0; zählen Sie erneut"},
		{"de", firstN, []any{1}, "eine Stimme für die erste Präferenz jedes Stimmzettels (1 Sitz)"},
		{"de", firstN, []any{3}, "eine Stimme für jede der ersten 3 Präferenzen"},
		{"es", firstN, []any{1}, "un voto para la primera preferencia de cada papeleta (1 puesto)"},
		{"ru", "%s has %s of the %s votes in the count, more than half", []any{"v1", "21", "21"}, "у v1 21 из 21 голоса, остающегося в подсчёте, — больше половины"},
		{"ru", "%s has %s of the %s votes in the count, more than half", []any{"v1", "3", "5"}, "у v1 3 из 5 голосов, остающихся в подсчёте, — больше половины"},
		{"de", "minutes.cp.lead", []any{"1", "o"}, "Dieses Dokument wurde aus dem ersten Eintrag (1) des Logs o erstellt"},
		{"ru", "minutes.cp.lead", []any{"21", "o"}, "Этот документ построен по первой 21 записи журнала o"},
		{"ru", "minutes.cp.lead", []any{"3", "o"}, "Этот документ построен по первым 3 записям журнала o"},
		{"fr", "minutes.cp.lead", []any{"1", "o"}, "Ce document a été produit à partir de la première entrée (1) du journal o"},
		{"es", "minutes.cp.lead", []any{"1", "o"}, "Este documento se generó a partir de la primera entrada (1) del registro o"},
		{"ru", firstN, []any{1}, "по одному голосу первому предпочтению каждого бюллетеня (1 место)"},
		{"ru", firstN, []any{21}, "по одному голосу каждому из первых 21 предпочтения"},
		{"ru", firstN, []any{3}, "по одному голосу каждому из первых 3 предпочтений"},
		{"ru", firstN, []any{5}, "по одному голосу каждому из первых 5 предпочтений"},
		{"ru", firstN, []any{11}, "по одному голосу каждому из первых 11 предпочтений"},
	}
	for _, c := range translated {
		if got := For(c.lang).Refusal(c.key, c.args, fmt.Sprintf(c.key, c.args...)); got != c.want {
			t.Errorf("%s, %q %v:\n got %q\nwant %q", c.lang, c.key, c.args, got, c.want)
		}
	}
	if got, want := For("de").T("auth.too_many", 1), "von Ihrer Adresse wurden zu viele falsche Zugangscodes eingegeben; warten Sie 1 Sekunde und geben Sie dann den Code auf Ihrer Mandatskarte sorgfältig ein"; got != want {
		t.Errorf("de auth.too_many at 1:\n got %q\nwant %q", got, want)
	}
}

// pluralReason is a part of a refusal made from its own template, as an
// assembly.Reason is.
type pluralReason struct {
	format string
	args   []any
}

func (r pluralReason) RefusalParts() (string, []any) { return r.format, r.args }
func (r pluralReason) String() string                { return fmt.Sprintf(r.format, r.args...) }

// TestEnglishPluralInAPart: a part of a refusal (an assembly.Reason) takes
// its English plural form inside the refusal, and the English of a
// refusal whose parts say nothing otherwise stands as the rules wrote it,
// digits and all (no grouping: "12345", as fmt writes it).
func TestEnglishPluralInAPart(t *testing.T) {
	const outer = "%s; it can be withdrawn now only with the assembly's consent: ask the assembly, then say how it consented (consent, e.g. \"no objection\")"
	en := For("en")
	for _, c := range []struct {
		n    int
		want string
	}{
		{1, "1 ballot has already been cast in this vote; it can be withdrawn"},
		{3, "3 ballots have already been cast in this vote; it can be withdrawn"},
	} {
		args := []any{pluralReason{"%d ballots have already been cast in this vote", []any{c.n}}}
		english := fmt.Sprintf(outer, args...)
		got := en.Refusal(outer, args, english)
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%d ballots: %q, want it to start %q", c.n, got, c.want)
		}
		if _, ok := args[0].(pluralReason); !ok {
			t.Errorf("Refusal wrote into the caller's arguments: %v", args)
		}
	}
	const entries = "there is no entry %d yet; the log has %d entries"
	if got, want := en.Refusal(entries, []any{12345, 12000}, "as the rules wrote it"), "there is no entry 12345 yet; the log has 12000 entries"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got, want := en.Refusal("there is no quorum: %d voting members present, %d needed", []any{1500, 2000}, "as the rules wrote it"), "there is no quorum: 1500 voting members present, 2000 needed"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	const plain = "%s is not checked in"
	if got := en.Refusal(plain, []any{"ann"}, "as the rules wrote it"); got != "as the rules wrote it" {
		t.Errorf("a refusal without a count: %q, want the rules' English as it stands", got)
	}
}

// TestCountsGivenAsDigits: a count the command line gives as its digits
// (strconv.Itoa, printed as given) selects the plural form as a number
// does: "recorded 1 command", "recorded 1234 commands" (no grouping), the
// Russian "первая 21 запись", "первые 3 записи", "первые 5 записей".
func TestCountsGivenAsDigits(t *testing.T) {
	other := func(l, size string) string {
		return For(l).T("cli.doc.other_renderer", "m.md", "markdown/1", "", "markdown/2", size, "ab12", "markdown/1", "")
	}
	cases := []struct{ got, want string }{
		{For("en").T("cli.replay.recorded", "1"), "recorded 1 command"},
		{For("en").T("cli.replay.recorded", "1234"), "recorded 1234 commands"},
		{For("en").T("cli.replay.recorded_url", "1", "0"), "recorded 1 command (0 already in the record)"},
		{For("en").T("cli.replay.recorded_url", "3", "1"), "recorded 3 commands (1 of them already in the record)"},
		{For("en").T("cli.replay.before_it", "1", "1"), "(1 command recorded before it, 1 already in the record)"},
		{For("en").T("cli.replay.no_answer", "4", "cast_ballot", "1", "timeout"), "line 4 (cast_ballot): no answer after 1 attempt (timeout); send the script again: what is recorded is answered from the record"},
		{For("de").T("cli.replay.no_answer", "4", "cast_ballot", "1", "timeout"), "Zeile 4 (cast_ballot): keine Antwort nach 1 Versuch (timeout); schicken Sie das Skript noch einmal: was schon aufgezeichnet ist, wird aus dem Protokoll beantwortet"},
		{For("en").T("cli.export.missing_entries", "1", "EOF"), "the log does not have the 1 entry the checkpoint covers: EOF"},
		{For("en").T("cli.export.missing_entries", "7", "EOF"), "the log does not have the 7 entries the checkpoint covers: EOF"},
		{For("en").T("cli.export.changed", "1", "ab", "cd"), "the log's first 1 entry hashes to ab, but the signed checkpoint states cd: the log was changed after the checkpoint was signed (run plenum verify --db for the first bad entry)"},
		{For("es").T("cli.export.changed", "2", "ab", "cd"), "las primeras 2 entradas del registro tienen el hash ab, pero el punto de control firmado indica cd: el registro se modificó después de firmarse el punto de control (plenum verify --db muestra la primera entrada errónea)"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
	for _, c := range []struct{ lang, size, part string }{
		{"en", "1", "the log's first 1 entry hashes to its root hash ab12"},
		{"en", "2", "the log's first 2 entries hash to its root hash ab12"},
		{"ru", "21", "первая 21 запись журнала даёт"},
		{"ru", "3", "первые 3 записи журнала дают"},
		{"ru", "5", "первые 5 записей журнала дают"},
		{"de", "1", "der erste Eintrag des Logs (1) ergibt"},
	} {
		if got := other(c.lang, c.size); !strings.Contains(got, c.part) {
			t.Errorf("%s, %s entries: %q, want it to hold %q", c.lang, c.size, got, c.part)
		}
	}
}

// TestPluralExactCount: a plural message's case =N= is the count N
// exactly, taken before the count's plural form, in a translation as in
// English; a case =N= whose N is not a count is refused.
func TestPluralExactCount(t *testing.T) {
	const text = "#1|=1=the first (%d)|=2=the first two (%d)|one=the first %d (one)|other=the first %d"
	for n, want := range map[int]string{1: "the first (1)", 2: "the first two (2)", 21: "the first 21"} {
		if got := englishPlural(text, []any{n}); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
	for _, bad := range []string{"#1|=x=a|other=b", "#1|==a|other=b", "#1|=-1=a|other=b", "#1|one=a|=1=b|other=c"} {
		if _, _, err := parsePlural(bad); err == nil {
			t.Errorf("%q was read", bad)
		}
	}
	if _, cases, err := parsePlural(text); err != nil || len(cases) != 4 || cases[0].form != "=1" {
		t.Errorf("%q: %v, %v", text, cases, err)
	}
}
