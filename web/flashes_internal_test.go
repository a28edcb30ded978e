package web

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"plenum/i18n"
)

var (
	formTagRe    = regexp.MustCompile(`<form\b[^>]*>`)
	actionRe     = regexp.MustCompile(`\baction="([^"]*)"`)
	cmdFieldRe   = regexp.MustCompile(`name="cmd"`)
	cmdValueRe   = regexp.MustCompile(`^name="cmd" value="([a-z_]+)"`)
	actCallRe    = regexp.MustCompile(`\(act\s+\S+\s+(\S+)`)
	actFormRe    = regexp.MustCompile(`\{\{define "act-button"\}\}(<form\b[^>]*>)`)
	literalCmdRe = regexp.MustCompile(`^"[a-z_]+"$`)
)

// formCommands are the commands the pages' forms post, by the handler they
// post them to ("act" for /a/{id}/act, "setup" for /a/{id}/setup), read
// from the templates: each form's hidden field cmd, and the one-button
// forms of the function act (the template "act-button", whose fields
// actButton.Rest writes). A cmd whose value is not written out in the
// template, or a form posted elsewhere, is an error: the test could not
// tell what the page says after it.
func formCommands(t *testing.T) map[string]map[string]bool {
	t.Helper()
	found := map[string]map[string]bool{"act": {}, "setup": {}}
	handler := func(action string) string {
		switch {
		case strings.HasSuffix(action, "/act"):
			return "act"
		case strings.HasSuffix(action, "/setup"):
			return "setup"
		}
		return ""
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	calls := 0
	actButton := ""
	for _, name := range files {
		b, err := fs.ReadFile(templateFS, name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if m := actFormRe.FindStringSubmatch(text); m != nil {
			if a := actionRe.FindStringSubmatch(m[1]); a != nil {
				actButton = handler(a[1])
			}
		}
		forms := formTagRe.FindAllStringIndex(text, -1)
		for _, at := range cmdFieldRe.FindAllStringIndex(text, -1) {
			m := cmdValueRe.FindStringSubmatch(text[at[0]:])
			if m == nil {
				t.Errorf("%s: a form's cmd is not written out in the template: %.80s", name, text[at[0]:])
				continue
			}
			form := ""
			for _, f := range forms {
				if f[0] < at[0] {
					form = text[f[0]:f[1]]
					if strings.Contains(text[f[1]:at[0]], "</form>") {
						form = ""
					}
				}
			}
			a := actionRe.FindStringSubmatch(form)
			if a == nil || handler(a[1]) == "" {
				t.Errorf("%s: the form of %s posts to %q, which the test does not know", name, m[1], form)
				continue
			}
			found[handler(a[1])][m[1]] = true
		}
		for _, m := range actCallRe.FindAllStringSubmatch(text, -1) {
			calls++
			if !literalCmdRe.MatchString(m[1]) {
				t.Errorf("%s: act's command is not written out in the template: %s", name, m[0])
				continue
			}
			found["act"][strings.Trim(m[1], `"`)] = true
		}
	}
	if calls > 0 && actButton != "act" {
		t.Errorf("the template act-button posts to %q, not /a/{id}/act", actButton)
	}
	// The pages' forms written in Go are act's (actButton.Rest).
	gos, _ := fs.Glob(os.DirFS("."), "*.go")
	for _, name := range gos {
		if strings.HasSuffix(name, "_test.go") || name == "hidden.go" {
			continue
		}
		if b, _ := os.ReadFile(name); strings.Contains(string(b), `name="cmd"`) {
			t.Errorf("%s writes a form's cmd, which this test does not read", name)
		}
	}
	if len(found["act"]) < 40 || len(found["setup"]) < 6 || calls < 9 {
		t.Fatalf("too few forms found (%d to act, %d to set-up, %d one-button forms): the test reads the templates wrongly", len(found["act"]), len(found["setup"]), calls)
	}
	return found
}

// TestEveryFormHasItsFlash: every command a page's form posts says in
// people's words, in every language, what it did — never the fallback
// "Done: <the command's name>" (web.done.other). A form added without
// its message fails here.
func TestEveryFormHasItsFlash(t *testing.T) {
	found := formCommands(t)
	for _, lang := range i18n.Languages {
		l := i18n.For(lang.Tag)
		for cmd := range found["act"] {
			fallback := l.T("web.done.entry", l.T("web.done.other", strings.ReplaceAll(cmd, "_", " ")), "7")
			got := done(l, cmd, 7, "")
			if !l.Has("web.done."+cmd) || got == fallback {
				t.Errorf("%s: a page's form posts %s, and the page would say %q: add web.done.%s", lang.Tag, cmd, got, cmd)
			}
			if _, ok := doneOf[cmd]; ok {
				if named := done(l, cmd, 7, "Zoë Quill"); !l.Has("web.done."+cmd+".of") || !strings.Contains(named, "Zoë Quill") {
					t.Errorf("%s: %s names what it was about, but says %q", lang.Tag, cmd, named)
				}
			}
		}
		for cmd := range found["setup"] {
			if !setupDone[cmd] || !l.Has("web.su.done."+cmd) {
				t.Errorf("%s: a set-up form posts %s, and the page would say nothing of what it did: add it to setupDone and web.su.done.%s", lang.Tag, cmd, cmd)
			}
		}
	}
	for cmd := range doneOf {
		if !found["act"][cmd] {
			t.Errorf("doneOf names %s, which no page posts", cmd)
		}
	}
}

// TestEverySetupFormIsKept: every form a set-up page posts to
// /a/{id}/setup comes back with what was typed after a refusal
// (keptForms), on the page it is on.
func TestEverySetupFormIsKept(t *testing.T) {
	for cmd := range formCommands(t)["setup"] {
		kept, ok := keptForms[cmd]
		if !ok || len(kept.fields) == 0 {
			t.Errorf("the set-up form %s is not in keptForms: a refusal would lose what was typed", cmd)
		}
	}
	// Each form kept (the corrections to /a/{id}/act too) is on its page,
	// and the field naming its row is among those kept.
	for cmd, kept := range keptForms {
		b, err := fs.ReadFile(templateFS, "templates/"+kept.page+".html")
		if err != nil || !strings.Contains(string(b), `name="cmd" value="`+cmd+`"`) {
			t.Errorf("keptForms puts %s on %s, which has no such form (%v)", cmd, kept.page, err)
		}
		if kept.of != "" && !slices.Contains(kept.fields, kept.of) {
			t.Errorf("keptForms: %s's row is told by %s, which is not kept", cmd, kept.of)
		}
	}
}
