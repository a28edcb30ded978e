package web

import (
	"html/template"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"plenum/assembly"
)

// plainSearch is searchPersons as it was before the index: every person
// of the set, their name, hint and id folded afresh and matched.
func (v *view) plainSearch(q string, keep []string, has func(*assembly.State, string) bool) (int, []Choice) {
	words := strings.Fields(fold(q))
	var out []Choice
	found := 0
	if len(words) > 0 {
		for _, id := range v.S.PersonOrder {
			if has != nil && !has(v.S, id) {
				continue
			}
			p := v.S.Persons[id]
			hint := v.personHint(p)
			text := fold(p.Name + " " + hint + " " + id)
			matches := true
			for _, w := range words {
				matches = matches && strings.Contains(text, w)
			}
			if matches {
				found++
				out = append(out, Choice{Value: id, Label: p.Name, Hint: hint})
			}
		}
	}
	byName(out, func(c Choice) string { return c.Label })
	out = out[:min(len(out), searchShown)]
	for _, id := range keep {
		if p := v.S.Persons[id]; p != nil && !containsValue(out, id) {
			out = append(out, Choice{Value: id, Label: p.Name, Hint: v.personHint(p)})
		}
	}
	if len(out) > 0 && len(keep) > 0 {
		byName(out, func(c Choice) string { return c.Label })
	}
	return found, out
}

// searchHall is an assembly of persons whose names, references and
// organizations mix cases, accents, letters that fold to others (ß, ø,
// ł, æ) and a combining accent; some with two mandates, one rejected,
// some with none; some arrived, some of those out of the hall.
func searchHall(t testing.TB, n int) *liveHall {
	h := &liveHall{t: t, s: assembly.NewState(), at: time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)}
	type obj = map[string]any
	h.do("admin", "create_assembly", obj{"id": "live", "name": "Search", "starts": "2026-05-09", "rules": "congress"})
	h.do("admin", "add_person", obj{"id": "chair", "name": "The Chair"})
	h.do("admin", "grant_role", obj{"person": "chair", "role": "chair"})
	orgs := []string{"Bäckerei Süd", "Łódź Workers", "STRASSE und Straße", "Ørsted Union", "Cafe\u0301 Noir", "the bakers"}
	for i, name := range orgs {
		h.do("admin", "add_organization", obj{"id": "o" + strconv.Itoa(i), "name": name, "kind": "delegating"})
	}
	first := []string{"Anna", "ÅSA", "Jürgen", "Zoë", "Łukasz", "Æsa", "Dmitri", "José", "Ingrid", "Björn", "Olaf", "Renée"}
	last := []string{"Müller", "Brown", "BAKER", "Straß", "Øster", "Nowak", "Petrov", "García", "de la Cruz", "O'Neill"}
	mandate := 0
	for i := 1; i <= n; i++ {
		p := "p" + strconv.Itoa(i)
		args := obj{"id": p, "name": first[i%len(first)] + " " + last[(i/len(first))%len(last)] + " " + strconv.Itoa(i%37)}
		if i%7 == 0 {
			args["ref"] = "M-" + strconv.Itoa(1000+i)
		}
		h.do("admin", "add_person", args)
		for k := 0; k < i%3; k++ {
			mandate++
			m := "m" + strconv.Itoa(mandate)
			h.do("admin", "submit_mandate", obj{"id": m, "person": p, "organization": "o" + strconv.Itoa((i+k)%len(orgs)), "kind": "decisive"})
			if k == 1 && i%2 == 0 {
				h.do("admin", "reject_mandate", obj{"mandate": m, "reason": "not sent"})
			} else if k == 0 {
				h.do("admin", "verify_mandate", obj{"mandate": m})
			}
		}
		if i%4 != 0 {
			h.do(p, "check_in", obj{"person": p})
		}
	}
	h.do("chair", "open_sitting", obj{"id": "s1", "date": "2026-05-09", "chair": "chair"})
	var out []string
	for i := 1; i <= n; i += 5 {
		if p := "p" + strconv.Itoa(i); h.s.Attendance.CheckedIn[p] {
			out = append(out, p)
		}
	}
	h.do("chair", "leave_hall", obj{"persons": out})
	return h
}

// searchQueries are random searches of up to three words, each a piece
// of a word the persons' texts hold (in another case, with or without
// its accents), a few letters, a number, or a word nobody has.
func searchQueries(r *rand.Rand, n int) []string {
	pieces := []string{"anna", "ÅSA", "asa", "jurgen", "JÜRGEN", "zoe", "Zoë", "lukasz", "łukasz", "aesa", "æsa", "ss", "straße",
		"STRASSE", "oster", "ØSTER", "garcia", "garcía", "de la", "o'neill", "bäck", "BACK", "lodz", "łódź", "cafe", "café", "noir",
		"m-1", "M-10", "p1", "p2", "1", "12", "3", "a", "e", "r", "bakers", "union", "sud", "süd", "nobody", "qqq", "  ", "ren", "renee"}
	qs := make([]string, n)
	for i := range qs {
		words := make([]string, 1+r.IntN(3))
		for j := range words {
			words[j] = pieces[r.IntN(len(pieces))]
		}
		qs[i] = strings.Join(words, " ")
	}
	return qs
}

// TestSearchIndexFindsWhatEveryPersonMatched: on random searches, of
// every person, of those in the hall and of those out of it, with and
// without persons kept in the picker, the index finds the same persons
// as folding every person's text afresh did, as many, in the same order,
// with the same hints; and again after events that change what a search
// reads (a person renamed, a mandate rejected, a person added), whose
// state's index is made afresh.
func TestSearchIndexFindsWhatEveryPersonMatched(t *testing.T) {
	h := searchHall(t, 600)
	slot := new(atomic.Pointer[personIndex])
	r := rand.New(rand.NewPCG(1, 2))
	sets := map[string]func(*assembly.State, string) bool{"everyone": nil, "in": hallSets["in"].has, "out": hallSets["out"].has}
	compare := func(step string) {
		t.Helper()
		v := &view{S: h.s, index: slot}
		plain := &view{S: h.s}
		for _, q := range searchQueries(r, 300) {
			for name, has := range sets {
				var keep []string
				if r.IntN(3) == 0 {
					keep = []string{"p" + strconv.Itoa(1+r.IntN(600)), "p" + strconv.Itoa(1+r.IntN(600))}
				}
				wantN, want := plain.plainSearch(q, keep, has)
				gotN, got := v.searchPersons(q, keep, has)
				if gotN != wantN || !slices.Equal(got, want) {
					t.Fatalf("%s: %q of %s (keep %v): found %d %v, folding every person found %d %v", step, q, name, keep, gotN, got, wantN, want)
				}
			}
		}
		if x := slot.Load(); x == nil || x.state != h.s || x.events != h.s.Events {
			t.Fatalf("%s: the index of the state searched is not kept", step)
		}
	}
	compare("at first")
	kept := slot.Load()
	compare("again")
	if slot.Load() != kept {
		t.Error("the index was made again for the same state")
	}
	h.do("admin", "amend_person", map[string]any{"person": "p14", "name": "Zoë Ørsted-Straße"})
	compare("p14 renamed")
	if slot.Load() == kept {
		t.Error("after an event, the index of the state before was read")
	}
	h.do("admin", "reject_mandate", map[string]any{"mandate": "m1", "reason": "late"})
	compare("a mandate rejected")
	h.do("admin", "add_person", map[string]any{"id": "p601", "name": "ANNA Łódź", "ref": "X-1"})
	compare("a person added")
}

// TestSearchIndexFolds: the index keeps the search's behaviour with case
// and accents: a search in any case, with or without accents, finds the
// name written with them; letters fold as static/picker.js folds them.
func TestSearchIndexFolds(t *testing.T) {
	h := searchHall(t, 40)
	v := &view{S: h.s}
	for _, c := range []struct {
		q    string
		want string // a person the search finds
	}{
		{"jurgen", "p2"}, {"JÜRGEN", "p2"}, {"zoe", "p3"}, {"ZOË", "p3"}, {"lukasz muller", "p4"}, {"aesa", "p5"},
		{"strass 36", "p36"}, {"m-1007", "p7"}, {"lodz", "p1"}, {"ÅSA łódź", "p1"}, {"cafe noir", "p4"},
	} {
		_, got := v.searchPersons(c.q, nil, nil)
		if !slices.ContainsFunc(got, func(ch Choice) bool { return ch.Value == c.want }) {
			t.Errorf("%q does not find %s (%s): %v", c.q, c.want, h.s.Persons[c.want].Name, got)
		}
	}
}

// BenchmarkSearchIndex searches an assembly of 10,000 (a third of each
// way through a typed name): with the index of its state kept, and with
// the index made for the search (the first search after an event).
func BenchmarkSearchIndex(b *testing.B) {
	h := bigLiveHallOf(b, 10_000, 0)
	for _, kept := range []bool{true, false} {
		b.Run("kept="+strconv.FormatBool(kept), func(b *testing.B) {
			slot := new(atomic.Pointer[personIndex])
			v := &view{S: h.s, index: slot}
			b.ReportAllocs()
			for b.Loop() {
				if !kept {
					slot.Store(nil)
				}
				v.searchPersons("delegate 12", nil, hallSets["in"].has)
			}
		})
	}
}

// The choices of a picker written in Go are those its template wrote,
// for any text: as checkboxes (several may be chosen) and as a select's
// options, chosen or not, with a hint or without.
func TestPickerChoicesAsTheTemplateWrote(t *testing.T) {
	old := template.Must(template.New("").Funcs(template.FuncMap{"bdi": bdi, "option": option}).Parse(`{{define "checks"}}{{range .Choices}}<li><label class="check"><input type="checkbox" name="{{$.Name}}" value="{{.Value}}"{{if .Selected}} checked{{end}}> <span>{{bdi .Label}}{{with .Hint}} <span class="meta">— {{bdi .}}</span>{{end}}</span></label></li>{{end}}{{end}}` +
		`{{define "options"}}{{range .Choices}}<option value="{{.Value}}"{{if .Selected}} selected{{end}}>{{option .Label}}{{with .Hint}} — {{option .}}{{end}}</option>
{{end}}{{end}}`))
	texts := []string{"", "p1", "Anna Müller", `a"b&c'd+e<f>g` + "\x00h", "Frühjahr 🗳 \xff\xfe", "&amp; &#34;", "a:persons:list", "بوريس", "Rosa \u202eLuxemburg", "\u2069x"}
	var p Picker
	for i, s := range texts {
		p.Name = "a:persons:list" + s
		p.Choices = append(p.Choices, Choice{Value: s + "v", Label: s, Hint: texts[(i+3)%len(texts)], Selected: i%2 == 0})
		for name, got := range map[string]template.HTML{"checks": pickerChecks(p), "options": pickerOptions(p)} {
			var b strings.Builder
			if err := old.ExecuteTemplate(&b, name, p); err != nil {
				t.Fatal(err)
			}
			if string(got) != b.String() {
				t.Errorf("%s of %d choices:\n got %s\nwant %s", name, len(p.Choices), got, b.String())
			}
		}
	}
}

// Searches of one state at once, by many readers, share its index and
// the kept collation keys (each search sorts under their lock) and find
// what each would alone: go test -race checks that they share them
// safely.
func TestSearchIndexSharedByReadersAtOnce(t *testing.T) {
	h := searchHall(t, 300)
	slot := new(atomic.Pointer[personIndex])
	plain := &view{S: h.s}
	queries := searchQueries(rand.New(rand.NewPCG(3, 4)), 40)
	done := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			v := &view{S: h.s, index: slot}
			for i := range queries {
				q := queries[(i+g*5)%len(queries)]
				wantN, want := plain.plainSearch(q, nil, nil)
				if gotN, got := v.searchPersons(q, nil, nil); gotN != wantN || !slices.Equal(got, want) {
					done <- q
					return
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if q := <-done; q != "" {
			t.Errorf("%q: a search among others found otherwise than alone", q)
		}
	}
}
