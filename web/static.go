package web

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"plenum/assembly"
	"plenum/i18n"
)

// Some parts of a page are the same on every render in one language: the
// head of every page, its navigation (for a viewer's offices), the
// language switch's buttons, the chair's tabs, the list of the console's
// keys, the fixed fields of the form that enters a motion. Rendered by
// the templates' actions each time, they cost the chair's console a few
// hundred allocations a render, and during a vote it is fetched again
// and again. The template function "static NAME ." renders such a part
// (the template NAME) once for each language, assembly and page, and
// keeps it; "staticFor NAME ." once for each of these and the offices
// of the viewer the navigation names, with whether the rules let them
// set up the assembly (view.MaySetUp, decided on each render outside the
// part). The part sees only a staticView (the page's language, its
// assembly's id, its name, and with staticFor the viewer's offices and
// MaySetUp), so that nothing else it could show is kept
// stale: a part that reads anything else fails to render, which the
// tests of its page find.

// staticView is all that a part rendered by static sees: with
// staticFor, the offices of the viewer as well (the pages' navigation).
type staticView struct {
	L    *i18n.Locale
	ID   string
	Page string
	Me   staticViewer
}

// staticViewer is the viewer as a part rendered by staticFor sees them:
// whether they are logged in, which of the offices the navigation names
// they hold, whether they may set up the assembly.
type staticViewer struct {
	loggedIn bool
	offices  offices
	// known: the offices are known (staticFor), not a part rendered by
	// static that reads them.
	known bool
}

// offices are a viewer's offices as the navigation shows them (bits).
type offices uint16

const (
	officeDelegate offices = 1 << iota
	officeGuest
	officeChair
	officeSecretary
	officeMandates
	officeAdministrator
	officeTrustee
	// officeTeller: a teller, whom the navigation links to the console's
	// count of a show of hands.
	officeTeller
	// officeSetUp: the viewer may give a command the set-up pages offer
	// (view.MaySetUp), which the rules and the state decide, not an
	// office; the navigation links the pages to them.
	officeSetUp
)

// officeRoles are the offices of the bits, by the names the templates
// ask of (viewer.Has).
var officeRoles = map[string]offices{
	assembly.OfficeDelegate: officeDelegate, assembly.OfficeGuest: officeGuest,
	string(assembly.RoleChair): officeChair, string(assembly.RoleSecretary): officeSecretary,
	string(assembly.RoleMandateCommission): officeMandates, string(assembly.RoleAdministrator): officeAdministrator,
	string(assembly.RoleTeller): officeTeller,
}

// LoggedIn reports whether the viewer is logged in to the assembly
// (viewer.LoggedIn), an error for a part that is not told.
func (m staticViewer) LoggedIn() (bool, error) {
	if !m.known {
		return false, errors.New("static: a part asks whether the viewer is logged in, which it is not told")
	}
	return m.loggedIn, nil
}

// Has reports whether the viewer holds an office (viewer.Has): an error
// for an office it was not told of, so that a part never shows what it
// does not know.
func (m staticViewer) Has(role string) (bool, error) {
	o, ok := officeRoles[role]
	if !m.known || !ok {
		return false, fmt.Errorf("static: a part asks whether the viewer holds %q, which it is not told", role)
	}
	return m.offices&o != 0, nil
}

// IsTrustee reports whether the viewer is a trustee with a task
// (view.IsTrustee).
func (v *staticView) IsTrustee() (bool, error) {
	if !v.Me.known {
		return false, errors.New("static: a part asks whether the viewer is a trustee, which it is not told")
	}
	return v.Me.offices&officeTrustee != 0, nil
}

// MaySetUp reports whether the navigation links the set-up pages for
// the viewer (view.MaySetUp).
func (v *staticView) MaySetUp() (bool, error) {
	if !v.Me.known {
		return false, errors.New("static: a part asks whether the viewer may set up the assembly, which it is not told")
	}
	return v.Me.offices&officeSetUp != 0, nil
}

// EncryptedMessages is what encrypted.js says, in the page's language
// (view.EncryptedMessages).
func (v *staticView) EncryptedMessages() string { return (&view{L: v.L}).EncryptedMessages() }

// InSetup reports whether the page is a set-up page (view.InSetup).
func (v *staticView) InSetup() bool { return (&view{Page: v.Page}).InSetup() }

// staticOffices are the viewer's offices as staticFor keeps a part by.
func (v *view) staticOffices() staticViewer {
	m := staticViewer{loggedIn: v.Me.LoggedIn, known: true}
	for role, o := range officeRoles {
		if v.Me.Has(role) {
			m.offices |= o
		}
	}
	if v.IsTrustee() {
		m.offices |= officeTrustee
	}
	if v.ID != "" && v.MaySetUp() {
		m.offices |= officeSetUp
	}
	return m
}

// Lang is the page's language tag (view.Lang).
func (v *staticView) Lang() string { return v.L.Lang() }

// Languages are the languages of the switch (view.Languages).
func (v *staticView) Languages() []i18n.Language { return i18n.Languages }

// Word is a word of a closed set in the page's language (view.Word).
func (v *staticView) Word(s string) string { return word(v.L, s) }

// staticKey is a part of a page as static keeps it.
type staticKey struct {
	name     string
	l        *i18n.Locale
	id, page string
	me       staticViewer
}

// staticParts are the functions "static", "staticFor", "keptPicker" and
// "stateKept" (stateparts.go) of the page set t. static and staticFor
// keep as many parts as t's templates name, by the languages, the
// assemblies, the pages and the few combinations of offices: a few
// thousand, and at most maxKeptParts.
func staticParts(t *template.Template) template.FuncMap {
	parts := &keptParts{t: t, kept: keptHTML[staticKey]{max: maxKeptParts}}
	part := parts.part
	pickers := &keptPickers{t: t, kept: keptHTML[pickerKey]{max: maxKeptPickers}}
	states := &keptStates{t: t}
	return template.FuncMap{
		"keptPicker": pickers.part,
		"stateKept":  states.part,
		"fresh":      states.fresh,
		"static": func(name string, p any) (template.HTML, error) {
			// A part kept by stateKept may hold static parts: they see
			// no more of its view than of a page's (staticView).
			switch x := p.(type) {
			case *stateView:
				return part(name, x.v, staticViewer{})
			case interface{ page() *view }:
				return part(name, x.page(), staticViewer{})
			}
			return "", fmt.Errorf("static %s: of a view, not a %T", name, p)
		},
		"staticFor": func(name string, p interface{ page() *view }) (template.HTML, error) {
			v := p.page()
			return part(name, v, v.staticOffices())
		},
	}
}

// keptParts are the parts of a page set rendered by static and
// staticFor, by staticKey.
type keptParts struct {
	t    *template.Template
	kept keptHTML[staticKey]
}

// keptHTML are parts of pages kept once rendered, by K: at most max of
// them, then they are dropped and kept afresh, so that keys a request
// chooses cannot grow them without end.
type keptHTML[K comparable] struct {
	mu  sync.RWMutex
	m   map[K]template.HTML
	max int
}

// get returns the part kept for key, or renders it (render) and keeps it.
func (k *keptHTML[K]) get(key K, render func(*strings.Builder) error) (template.HTML, error) {
	k.mu.RLock()
	h, ok := k.m[key]
	k.mu.RUnlock()
	if ok {
		return h, nil
	}
	var b strings.Builder
	if err := render(&b); err != nil {
		return "", err
	}
	h = template.HTML(b.String())
	k.mu.Lock()
	if k.m == nil || len(k.m) >= k.max {
		k.m = map[K]template.HTML{}
	}
	k.m[key] = h
	k.mu.Unlock()
	return h, nil
}

// maxKeptParts bounds the parts a page set keeps: a key names an
// assembly, and a request may name any; past the bound they are
// rendered afresh and kept again.
const maxKeptParts = 4096

// part renders the template name for the page v and the viewer me, once
// for each staticKey, and keeps it.
func (k *keptParts) part(name string, v *view, me staticViewer) (template.HTML, error) {
	return k.kept.get(staticKey{name, v.L, v.ID, v.Page, me}, func(b *strings.Builder) error {
		return k.t.ExecuteTemplate(b, name, &staticView{L: v.L, ID: v.ID, Page: v.Page, Me: me})
	})
}

// A picker with no choices to list, the one searched on the server in
// an assembly larger than Options.PickerLimit (PickPerson), the chair's
// console has two of, is a few dozen actions of its template on every
// render for what are, render after render, the same words. What it
// shows is all in its Picker (the template "picker-body" reads nothing
// else), so keptPicker keeps it by its Picker.

// keptPickers are the pickers without choices of a page set, rendered
// once each, by their Picker. There are as many as the searches sent
// and the counts of persons said: at most maxKeptPickers, then they are
// rendered afresh and kept again.
type keptPickers struct {
	t    *template.Template
	kept keptHTML[pickerKey]
}

// maxKeptPickers is how many pickers a page set keeps at most.
const maxKeptPickers = 1024

// pickerKey is a Picker without choices, with its search: every field
// of Picker but Choices (TestPickerKeyHasEveryField).
type pickerKey struct {
	ID, Name, Label, None, Empty string
	Many, Optional               bool
	search                       PickerSearch
	searched                     bool
}

// part is the function "keptPicker": the picker p (a Picker or a
// *Picker) rendered by the template "picker-body" if it has no choices
// (kept once rendered), else "" (the template renders it).
func (k *keptPickers) part(p any) (template.HTML, error) {
	var pk *Picker
	switch x := p.(type) {
	case Picker:
		pk = &x
	case *Picker:
		pk = x
	}
	if pk == nil || len(pk.Choices) > 0 {
		return "", nil
	}
	key := pickerKey{ID: pk.ID, Name: pk.Name, Label: pk.Label, None: pk.None, Empty: pk.Empty, Many: pk.Many, Optional: pk.Optional}
	if pk.Search != nil {
		key.search, key.searched = *pk.Search, true
	}
	return k.kept.get(key, func(b *strings.Builder) error { return k.t.ExecuteTemplate(b, "picker-body", pk) })
}

// noStatic is "static" before a page set has its own (parsePages).
func noStatic(string, interface{ page() *view }) (template.HTML, error) {
	return "", errors.New("static: a part of a page rendered outside its page set")
}
