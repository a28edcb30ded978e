package cards_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/auth"
	"plenum/cards"
	"plenum/engine"
	"plenum/i18n"
	"plenum/internal/pdftext"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// congress is an engine with one assembly: two delegations (Москва with
// three delegates, Riverside with nine), a chair, and a mandate commission.
type congress struct {
	eng   *engine.Engine
	codes *auth.Store
	a     *engine.Assembly
	at    time.Time
}

func newCongress(t *testing.T) *congress {
	t.Helper()
	dir := t.TempDir()
	skey, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	st, err := sqlite.Open(filepath.Join(dir, "plenum.db"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.Open(context.Background(), st, engine.Options{Signer: signer, Verifiers: note.VerifierList(verifier)})
	if err != nil {
		t.Fatal(err)
	}
	codes, err := auth.Open(filepath.Join(dir, "access.db"), auth.Options{RowKey: make([]byte, auth.RowKeySize)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close(); codes.Close(); st.Close() })
	c := &congress{eng: eng, codes: codes, at: time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)}
	c.must("admin", "create_assembly", `{"id":"c26","name":"Congress 2026","starts":"2026-05-09","rules":"congress"}`)
	c.a, _ = eng.Assembly("c26")
	c.must("admin", "add_organization", `{"id":"msk","name":"Москва","kind":"delegating"}`)
	c.must("admin", "add_organization", `{"id":"river","name":"Riverside","kind":"delegating"}`)
	add := func(id, name, org, kind string, verify bool) {
		c.must("admin", "add_person", fmt.Sprintf(`{"id":%q,"name":%q}`, id, name))
		c.must("admin", "submit_mandate", fmt.Sprintf(`{"id":"m-%s","person":%q,"organization":%q,"kind":%q}`, id, id, org, kind))
		if verify {
			c.must("admin", "verify_mandate", fmt.Sprintf(`{"mandate":"m-%s"}`, id))
		}
	}
	add("nogin", "Виктор Павлович Ногин", "msk", "decisive", true)
	add("smidovich", "Пётр Гермогенович Смидович", "msk", "consultative", true)
	add("zhang", "张伟", "msk", "decisive", true)
	for i := 1; i <= 9; i++ {
		add(fmt.Sprintf("r%d", i), fmt.Sprintf("Jürgen Müller-Lüdenscheidt %d", i), "river", "decisive", i != 9)
	}
	c.must("admin", "add_person", `{"id":"vera","name":"Vera Chair"}`)
	c.must("admin", "grant_role", `{"person":"vera","role":"chair"}`)
	c.must("admin", "add_person", `{"id":"misha","name":"Misha Commission"}`)
	c.must("admin", "grant_role", `{"person":"misha","role":"mandate_commission"}`)
	return c
}

func (c *congress) must(actor, cmd, args string) {
	c.at = c.at.Add(time.Second)
	if _, err := c.eng.Submit(context.Background(), assembly.Envelope{Cmd: cmd, Assembly: "c26", Actor: actor, At: c.at, Args: json.RawMessage(args)}); err != nil {
		panic(fmt.Sprintf("%s %s: %v", cmd, args, err))
	}
}

func (c *congress) size() int64 { return c.a.Log().Size() }

var codeRe = regexp.MustCompile(`\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}`)

// TestCardsForEveryone: the mandate commission prints every delegate's card
// in one PDF; the codes read back from the PDF's text log the right persons
// in; the delegations come in the order of their names, none that fits
// on a page cut across two, and names print as written.
func TestCardsForEveryone(t *testing.T) {
	ctx := context.Background()
	c := newCongress(t)
	issued, err := cards.Issue(ctx, c.a, c.codes, "misha", c.at, "https://congress.example.org/", cards.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	// Everyone with a verified mandate: 3 of Москва, 8 of Riverside; the
	// officers hold no mandate and are not among them.
	if len(issued.Cards) != 11 || issued.Cards[0].OrganizationID != "river" || issued.Cards[8].OrganizationID != "msk" {
		t.Fatalf("%d cards: %+v", len(issued.Cards), issued.Cards)
	}
	pdf, err := cards.PDF(issued.Assembly, issued.Cards)
	if err != nil {
		t.Fatal(err)
	}
	// Riverside's 8 cards on page 1 (Latin before Cyrillic), Москва's 3
	// on page 2, each page headed with its delegation.
	if n := strings.Count(string(pdf), "/Type /Page\n"); n != 2 {
		t.Errorf("%d pages, want 2 (eight cards to a page, a delegation to a page)", n)
	}
	text := pdftext.Text(t, pdf)
	pages := strings.Split(text, "\f")
	if !strings.Contains(pages[0], "Riverside · Congress 2026") || strings.Contains(pages[0], "Москва") || !strings.Contains(pages[1], "Москва · Congress 2026") || strings.Contains(pages[1], "Riverside") {
		t.Errorf("the pages do not hold the cards in order, headed with their delegations:\n%s", text)
	}
	// Three cards of two whole delegations print on one page, not two.
	few, err := cards.PDF(issued.Assembly, []cards.Card{issued.Cards[0], issued.Cards[1], issued.Cards[8]})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(few), "/Type /Page\n"); n != 1 {
		t.Errorf("three cards of two delegations take %d pages, want 1", n)
	}
	flat := strings.Join(strings.Fields(text), " ") // a long name wraps
	for _, want := range []string{"Виктор Павлович Ногин", "Пётр Гермогенович Смидович", "Jürgen Müller-Lüdenscheidt 1", "Delegate, consultative vote", "Congress 2026", "https://congress.example.org/login?code="} {
		if !strings.Contains(flat, want) {
			t.Errorf("the cards' text lacks %q", want)
		}
	}
	// In the assembly's language (here Russian), names as recorded.
	ru, err := cards.PDFIn(issued.Assembly, issued.Cards, "ru")
	if err != nil {
		t.Fatal(err)
	}
	ruText := strings.Join(strings.Fields(pdftext.Text(t, ru)), " ")
	for _, want := range []string{"Личный код доступа — никому не сообщайте", "Делегат с совещательным голосом", "Виктор Павлович Ногин", "Jürgen Müller-Lüdenscheidt 1"} {
		if !strings.Contains(ruText, want) {
			t.Errorf("the Russian cards lack %q", want)
		}
	}
	if strings.Contains(ruText, "Personal access code") {
		t.Error("the Russian cards still say \"Personal access code\"")
	}
	// A name the font cannot draw is printed with its id beside it.
	if !strings.Contains(text, "(zhang)") {
		t.Errorf("the name in a script the font lacks is not marked with its id:\n%s", pages[1])
	}
	found := codeRe.FindAllString(text, -1) // as printed, and in the link
	if len(found) != 22 {
		t.Fatalf("%d codes in the PDF's text, want 11 twice", len(found))
	}
	who := map[string]string{}
	for _, code := range found {
		sess, _, err := c.codes.Login(ctx, code)
		if err != nil {
			t.Fatalf("the code %s read from the PDF does not log in: %v", code, err)
		}
		who[sess.Person] = code
	}
	for _, card := range issued.Cards {
		if who[card.Person] != card.Code {
			t.Errorf("%s: the PDF's code logs in %v", card.Person, who)
		}
	}
}

// TestOneDelegation: the cards of one organization, for its envelope.
func TestOneDelegation(t *testing.T) {
	c := newCongress(t)
	issued, err := cards.Issue(context.Background(), c.a, c.codes, "misha", c.at, "http://x", cards.Selection{Organization: "river"})
	if err != nil {
		t.Fatal(err)
	}
	if len(issued.Cards) != 8 {
		t.Fatalf("%d cards for Riverside, want its 8 verified delegates", len(issued.Cards))
	}
	for _, card := range issued.Cards {
		if card.OrganizationID != "river" || card.Organization != "Riverside" || card.Mandate != "decisive" {
			t.Fatalf("card %+v", card)
		}
	}
	// Naming someone of another delegation is refused.
	before := c.size()
	_, err = cards.Issue(context.Background(), c.a, c.codes, "misha", c.at, "http://x", cards.Selection{Organization: "river", Persons: []string{"nogin"}})
	if err == nil || err.Error() != "nogin holds no mandate from Riverside" || c.size() != before {
		t.Fatalf("a Москва delegate on Riverside's cards: %v", err)
	}
}

// TestCardsInTheOrderOfTheLists: a delegation's cards come in the order
// of the mandate commission's list and the roster, by name without regard
// to accents or case and numbers by their value, so that the cards cut
// from the sheets can be handed out down the list: Åström among the A's,
// not after Z (as the bytes of the names would have it).
func TestCardsInTheOrderOfTheLists(t *testing.T) {
	c := newCongress(t)
	c.must("admin", "add_organization", `{"id":"tre","name":"Branch 101 Tampere","kind":"delegating"}`)
	for i, name := range []string{"Ömer Yıldız", "anna Heikkinen", "Zoë Berg", "Anna Åström", "Élodie Martin", "Delegate 10", "Delegate 9"} {
		c.must("admin", "add_person", fmt.Sprintf(`{"id":"t%d","name":%q}`, i, name))
		c.must("admin", "submit_mandate", fmt.Sprintf(`{"id":"m-t%d","person":"t%d","organization":"tre","kind":"decisive"}`, i, i))
		c.must("admin", "verify_mandate", fmt.Sprintf(`{"mandate":"m-t%d"}`, i))
	}
	issued, err := cards.Issue(context.Background(), c.a, c.codes, "misha", c.at, "http://x", cards.Selection{Organization: "tre"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, card := range issued.Cards {
		got = append(got, card.Name)
	}
	want := []string{"Anna Åström", "anna Heikkinen", "Delegate 9", "Delegate 10", "Élodie Martin", "Ömer Yıldız", "Zoë Berg"}
	if !slices.Equal(got, want) {
		t.Errorf("the cards in the order\n%q\nwant\n%q", got, want)
	}
}

// TestIssueIsRecordedFirst: a refused issue records nothing and makes no
// code; an accepted one is in the log, without the codes, before they work.
func TestIssueIsRecordedFirst(t *testing.T) {
	ctx := context.Background()
	c := newCongress(t)
	for _, tc := range []struct {
		actor   string
		persons []string
		want    string
	}{
		{"misha", []string{"vera"}, "vera holds the office of chair: only the server administrator issues access codes for officers, so that no officer can act as another"},
		{"misha", []string{"misha"}, "misha holds the office of mandate_commission: only the server administrator issues access codes for officers, so that no officer can act as another"},
		{"nogin", []string{"smidovich"}, "only the mandate commission, an administrator or the server administrator may issue access codes"},
		{"misha", []string{"ghost"}, `there is no person "ghost" in this assembly; add them with add_person first`},
	} {
		before := c.size()
		_, err := cards.Issue(ctx, c.a, c.codes, tc.actor, c.at, "http://x", cards.Selection{Persons: tc.persons})
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s for %v: %v", tc.actor, tc.persons, err)
		}
		if c.size() != before {
			t.Errorf("%s for %v: the log grew", tc.actor, tc.persons)
		}
	}
	// The server administrator issues the chair's code; the record says so.
	issued, err := cards.Issue(ctx, c.a, c.codes, assembly.ServerAdministrator, c.at, "http://x", cards.Selection{Persons: []string{"vera"}})
	if err != nil {
		t.Fatal(err)
	}
	es, _ := c.a.Log().Read(ctx, c.size()-1, c.size())
	if es[0].Type != "access_codes_issued" || es[0].Actor != "admin" || strings.Contains(string(es[0].Payload), issued.Cards[0].Code) {
		t.Fatalf("last entry %s by %s: %s", es[0].Type, es[0].Actor, es[0].Payload)
	}
	if _, _, err := c.codes.Login(ctx, issued.Cards[0].Code); err != nil {
		t.Fatal(err)
	}
}

// TestRevokeAndReconcile: a revocation ends the code and the sessions,
// each leaving a note naming the officer and the reason; one recorded but
// not carried out (a crash between the writes) is carried out by
// Reconcile, its note naming the officer and the reason the record
// holds: two revocations by one officer, each with its own reason.
func TestRevokeAndReconcile(t *testing.T) {
	ctx := context.Background()
	c := newCongress(t)
	code := c.issueCodes(t, "nogin", "r1", "r2")
	_, tok, _ := c.codes.Login(ctx, code["nogin"])
	if err := cards.Revoke(ctx, c.a, c.codes, "misha", c.at, []string{"nogin"}, "card lost"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.codes.Session(ctx, tok); err != auth.ErrNoSession {
		t.Fatalf("session after revocation: %v", err)
	}
	if _, _, err := c.codes.Login(ctx, code["nogin"]); err != auth.ErrBadCode {
		t.Fatalf("code after revocation: %v", err)
	}
	if e, err := c.codes.EndedSession(ctx, tok); err != nil || e == nil || e.Why != auth.EndedRevoked || e.By != "misha" || e.Reason != "card lost" {
		t.Fatalf("the revoked session's note: %+v %v; want revoked by misha, card lost", e, err)
	}
	// The crash: recorded (as a replayed script would), codes not deleted;
	// two revocations by the same officer for reasons of their own.
	c.must("misha", "revoke_access_codes", `{"persons":["r1"],"reason":"card left on the podium"}`)
	c.must("misha", "revoke_access_codes", `{"persons":["r2"],"reason":"mandate withdrawn by Riverside"}`)
	sessions := map[string]string{}
	for _, p := range []string{"r1", "r2"} {
		_, tok, err := c.codes.Login(ctx, code[p])
		if err != nil {
			t.Fatalf("%s before reconciling: %v", p, err)
		}
		sessions[p] = tok
	}
	if err := cards.Reconcile(ctx, c.eng, c.codes); err != nil {
		t.Fatal(err)
	}
	for p, reason := range map[string]string{"r1": "card left on the podium", "r2": "mandate withdrawn by Riverside"} {
		if _, _, err := c.codes.Login(ctx, code[p]); err != auth.ErrBadCode {
			t.Fatalf("%s: a recorded revocation after Reconcile: %v", p, err)
		}
		if e, err := c.codes.EndedSession(ctx, sessions[p]); err != nil || e == nil || e.Why != auth.EndedRevoked || e.By != "misha" || e.Reason != reason {
			t.Fatalf("the note of %s's session Reconcile ended: %+v %v; want revoked by misha, %s", p, e, err, reason)
		}
	}
}

// issueCodes issues the persons' cards as the mandate commission and
// returns their codes by person.
func (c *congress) issueCodes(t *testing.T, persons ...string) map[string]string {
	t.Helper()
	return c.issueCodesAs(t, "misha", persons...)
}

// issueCodesAs issues the persons' cards on actor's authority and returns
// their codes by person.
func (c *congress) issueCodesAs(t *testing.T, actor string, persons ...string) map[string]string {
	t.Helper()
	issued, err := cards.Issue(context.Background(), c.a, c.codes, actor, c.at, "http://x", cards.Selection{Persons: persons})
	if err != nil {
		t.Fatal(err)
	}
	code := map[string]string{}
	for _, card := range issued.Cards {
		code[card.Person] = card.Code
	}
	return code
}

// TestReconcileUnissuedCodes: an issue recorded but whose codes were never
// made (the server stopped between the two writes) leaves the earlier code
// working until the server starts again; Reconcile then voids it and ends
// its sessions, as the record says the issue did. Codes of an issue that
// was carried out, and their sessions, survive Reconcile, however often it
// runs.
func TestReconcileUnissuedCodes(t *testing.T) {
	ctx := context.Background()
	c := newCongress(t)
	code := c.issueCodes(t, "nogin", "r1")
	token := map[string]string{}
	for p, cd := range code {
		var err error
		if _, token[p], err = c.codes.Login(ctx, cd); err != nil {
			t.Fatal(err)
		}
	}
	// The crash: a second issue for r1 recorded (as a replayed script
	// would record it), its code never made. A replacement: the server
	// administrator's, since one officer alone may not replace a code.
	c.must("admin", "issue_access_codes", `{"persons":["r1"]}`)
	if _, _, err := c.codes.Login(ctx, code["r1"]); err != nil {
		t.Fatalf("before reconciling: %v", err)
	}
	for range 2 {
		if err := cards.Reconcile(ctx, c.eng, c.codes); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.codes.Login(ctx, code["r1"]); err != auth.ErrBadCode {
			t.Fatalf("the code an unmade issue voided, after Reconcile: %v", err)
		}
		if _, err := c.codes.Session(ctx, token["r1"]); err != auth.ErrNoSession {
			t.Fatalf("a session of the voided code after Reconcile: %v", err)
		}
		if _, _, err := c.codes.Login(ctx, code["nogin"]); err != nil {
			t.Fatalf("a code of an issue carried out, after Reconcile: %v", err)
		}
		if _, err := c.codes.Session(ctx, token["nogin"]); err != nil {
			t.Fatalf("a session of a code carried out, after Reconcile: %v", err)
		}
	}
	// A new card for r1 works and stays working across Reconcile (the
	// record shows r1's code valid, so it is replaced: by the server
	// administrator).
	again := c.issueCodesAs(t, "admin", "r1")
	if err := cards.Reconcile(ctx, c.eng, c.codes); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.codes.Login(ctx, again["r1"]); err != nil {
		t.Fatalf("the new card after Reconcile: %v", err)
	}
}

// TestCardsInEveryLanguage: every word a card prints is in the assembly's
// language: no word of the English cards is left on the German, Russian,
// French or Spanish cards (of a decisive, a consultative, a guest and an
// ex officio mandate, and on the sheet without cards); names and
// organizations stand as recorded.
func TestCardsInEveryLanguage(t *testing.T) {
	ctx := context.Background()
	c := newCongress(t)
	c.must("admin", "add_person", `{"id":"gast","name":"Greta Gast"}`)
	c.must("admin", "submit_mandate", `{"id":"m-gast","person":"gast","organization":"river","kind":"guest"}`)
	c.must("admin", "verify_mandate", `{"mandate":"m-gast"}`)
	c.must("admin", "add_person", `{"id":"amt","name":"Otto Amt"}`)
	c.must("admin", "submit_mandate", `{"id":"m-amt","person":"amt","organization":"river","kind":"ex_officio"}`)
	c.must("admin", "verify_mandate", `{"mandate":"m-amt"}`)
	issued, err := cards.Issue(ctx, c.a, c.codes, "misha", c.at, "https://congress.example.org/", cards.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	// The English words of the cards, as the English cards print them.
	english := map[string]bool{}
	for _, m := range i18n.Messages() {
		if strings.HasPrefix(m.Key, "cards.") {
			for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(m.En, -1) {
				english[strings.ToLower(w)] = true
			}
		}
	}
	recorded := map[string]bool{}
	for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString("Congress 2026 Москва Riverside Jürgen Müller-Lüdenscheidt Greta Gast Otto Amt Виктор Павлович Ногин Пётр Гермогенович Смидович congress example login code", -1) {
		recorded[strings.ToLower(w)] = true
	}
	for _, lang := range []string{"de", "ru", "fr", "es"} {
		// A word the language's own card texts use is that language's
		// ("personal" in Spanish: "a título personal").
		own := map[string]bool{}
		for _, m := range i18n.Messages() {
			if strings.HasPrefix(m.Key, "cards.") {
				for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(i18n.For(lang).T(m.Key), -1) {
					own[strings.ToLower(w)] = true
				}
			}
		}
		for name, cs := range map[string][]cards.Card{"cards": issued.Cards, "no cards": nil} {
			pdf, err := cards.PDFIn(issued.Assembly, cs, lang)
			if err != nil {
				t.Fatal(err)
			}
			text := pdftext.Text(t, pdf)
			if !strings.Contains(string(pdf), "/Lang ("+lang+")") {
				t.Errorf("%s, %s: the PDF does not state its language", lang, name)
			}
			for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(text, -1) {
				if w := strings.ToLower(w); english[w] && !recorded[w] && !own[w] {
					t.Errorf("%s, %s: the English word %q is printed", lang, name, w)
				}
			}
		}
	}
	de := strings.Join(strings.Fields(pdftext.Text(t, mustPDF(t, issued, "de"))), " ")
	for _, want := range []string{"Delegierte/r, beschließende Stimme", "Gast", "Kraft Amtes", "Persönlicher Zugangscode – nicht weitergeben"} {
		if !strings.Contains(de, want) {
			t.Errorf("the German cards lack %q", want)
		}
	}
}

func mustPDF(t *testing.T, issued *cards.Issued, lang string) []byte {
	t.Helper()
	pdf, err := cards.PDFIn(issued.Assembly, issued.Cards, lang)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// TestRefusalsInTheReadersLanguage: a refusal to issue cards keeps its
// template, so that it is said in the reader's language; its code and
// field are the same.
func TestRefusalsInTheReadersLanguage(t *testing.T) {
	c := newCongress(t)
	_, err := cards.Issue(context.Background(), c.a, c.codes, "misha", c.at, "http://x", cards.Selection{Organization: "nowhere"})
	var e *assembly.Error
	if !errors.As(err, &e) || e.Code != assembly.ErrNotFound || e.Field != "organization" {
		t.Fatalf("%v", err)
	}
	if got := i18n.For("ru").Refusal(e.Format, e.Args, e.Msg); got != `в этом собрании нет организации "nowhere"` {
		t.Errorf("in Russian: %q", got)
	}
	if e.Msg != `there is no organization "nowhere" in this assembly` {
		t.Errorf("in English: %q", e.Msg)
	}
	_, err = cards.Issue(context.Background(), c.a, c.codes, "misha", c.at, "http://x", cards.Selection{Organization: "river", Persons: []string{"nogin"}})
	if !errors.As(err, &e) || i18n.For("de").Refusal(e.Format, e.Args, e.Msg) != "nogin hat kein Mandat von Riverside" {
		t.Errorf("in German: %v", err)
	}
}
