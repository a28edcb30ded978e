package web

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
)

var (
	defineRe     = regexp.MustCompile(`\{\{define "([a-z-]+)"\}\}([^\n]*)`)
	wordsCmdRe   = regexp.MustCompile(`name="cmd" value="([a-z_]+)"`)
	labelKeyRe   = regexp.MustCompile(`<label for="([^"]+)"[^>]*>\{\{\$?[a-z]*\.L\.T "([a-z_.]+)"\}\}</label>`)
	argIDRe      = regexp.MustCompile(`<(?:input|textarea|select)\b[^>]*?\bid="([^"]+)"[^>]*?\bname="a:([a-z_]+)(?::[a-z]+)?"`)
	argIDAfterRe = regexp.MustCompile(`<(?:input|textarea|select)\b[^>]*?\bname="a:([a-z_]+)(?::[a-z]+)?"[^>]*?\bid="([^"]+)"`)
)

// formLabels are the labels of the arguments of the pages' forms, read
// from the templates: command → argument (its name in JSON) → the
// catalog keys of the labels it has on the forms that post the command
// (a label written out as {{.L.T "key"}} for the argument's input).
func formLabels(t *testing.T) map[string]map[string][]string {
	t.Helper()
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	found := map[string]map[string][]string{}
	for _, name := range files {
		b, _ := fs.ReadFile(templateFS, name)
		text := inlineOneLineDefines(string(b))
		for _, at := range wordsCmdRe.FindAllStringSubmatchIndex(text, -1) {
			cmd := text[at[2]:at[3]]
			start := strings.LastIndex(text[:at[0]], "<form")
			end := strings.Index(text[at[1]:], "</form>")
			if start < 0 || end < 0 {
				continue
			}
			form := text[start : at[1]+end]
			form += multiLineParts(form, formParts[cmd])
			ids := map[string]string{}
			for _, m := range argIDRe.FindAllStringSubmatch(form, -1) {
				ids[m[1]] = m[2]
			}
			for _, m := range argIDAfterRe.FindAllStringSubmatch(form, -1) {
				ids[m[2]] = m[1]
			}
			for _, m := range labelKeyRe.FindAllStringSubmatch(form, -1) {
				if arg, ok := ids[m[1]]; ok {
					if found[cmd] == nil {
						found[cmd] = map[string][]string{}
					}
					if !slices.Contains(found[cmd][arg], m[2]) {
						found[cmd][arg] = append(found[cmd][arg], m[2])
					}
				}
			}
		}
	}
	if len(found) < 20 {
		t.Fatalf("labels found for %d forms only: the test reads the templates wrongly", len(found))
	}
	return found
}

// TestEveryFormHasItsWords: a refusal of any form's command can name the
// form's action in the page's words, in every language, and each
// argument a form labels by its label there (formWords), so that a page's
// reader never reads the API's names (TestPageRefusalSaysTheFormsWords);
// and formWords says no label the forms do not show.
func TestEveryFormHasItsWords(t *testing.T) {
	commands := assembly.CommandNames()
	forms := formCommands(t)
	for _, handler := range []string{"act", "setup"} {
		for cmd := range forms[handler] {
			if handler == "setup" && !slices.Contains(commands, cmd) {
				continue // a set-up form of several commands (the rules' table)
			}
			if _, ok := formWords[cmd]; !ok {
				t.Errorf("a page's form posts %s, and formWords has no words for it: a refusal would name it %s", cmd, cmd)
			}
		}
	}
	labels := formLabels(t)
	for cmd, args := range labels {
		for arg, keys := range args {
			if k, ok := formWords[cmd].labels[arg]; !ok || !slices.Contains(keys, k) {
				t.Errorf("the form of %s labels %s %v, formWords %q", cmd, arg, keys, k)
			}
		}
	}
	for cmd, w := range formWords {
		if !slices.Contains(commands, cmd) {
			t.Errorf("formWords names %s, which is no command", cmd)
		}
		for arg := range w.labels {
			if _, ok := labels[cmd][arg]; !ok {
				t.Errorf("formWords labels %s of %s, which no form labels", arg, cmd)
			}
		}
		for page, k := range w.on {
			if !pageFormSays(t, page, cmd, k) {
				t.Errorf("formWords says %s on the page %s as %s, and no form of that page's template posts it with those words", cmd, page, k)
			}
		}
		for _, lang := range i18n.Languages {
			l := i18n.For(lang.Tag)
			if !l.Has(w.action) || strings.Contains(l.T(w.action), "%!") {
				t.Errorf("%s: the action of %s (%s) is not in the catalog, or needs an argument", lang.Tag, cmd, w.action)
			}
			for _, k := range w.on {
				if !l.Has(k) || strings.Contains(l.T(k), "%!") {
					t.Errorf("%s: an action of %s (%s) is not in the catalog, or needs an argument", lang.Tag, cmd, k)
				}
			}
			for _, k := range w.labels {
				if !l.Has(k) {
					t.Errorf("%s: the label %s of %s is not in the catalog", lang.Tag, k, cmd)
				}
			}
		}
	}
}

// formParts are the parts of several lines that the forms of a command
// draw (the trustees and the number needed of an encrypted vote or
// election: encrypted-setup, in the console's vote forms a hole of the
// kept console), whose labels inlineOneLineDefines does not put in
// place: they are read as part of each form of the command in a template
// that draws them.
var formParts = map[string][]string{"open_vote": {"encrypted-setup"}, "open_election": {"encrypted-setup"}}

// multiLineParts are the defines named (formParts) as the templates'
// text has them, each from its {{define}} to the next define or the end
// of its file, when the form draws them (by their name or a hole's
// template that draws them).
func multiLineParts(form string, names []string) string {
	if len(names) == 0 {
		return ""
	}
	files, _ := fs.Glob(templateFS, "templates/*.html")
	var out strings.Builder
	for _, name := range files {
		b, _ := fs.ReadFile(templateFS, name)
		for _, part := range names {
			def := `{{define "` + part + `"}}`
			i := strings.Index(string(b), def)
			if i < 0 {
				continue
			}
			body := string(b[i+len(def):])
			if j := strings.Index(body, "{{define "); j >= 0 {
				body = body[:j]
			}
			if drawsPart(string(b), form, part) {
				out.WriteString(body)
			}
		}
	}
	return out.String()
}

// drawsPart reports whether the form draws the part defined in the
// template file partFile: by its name, or by a one-line define of
// partFile that draws it (a hole's template: chair-enc-vote).
func drawsPart(partFile, form, part string) bool {
	if strings.Contains(form, `"`+part+`"`) {
		return true
	}
	for _, m := range defineRe.FindAllStringSubmatch(partFile, -1) {
		if m[1] != part && strings.Contains(m[2], `"`+part+`"`) && strings.Contains(form, `"`+m[1]+`"`) {
			return true
		}
	}
	return false
}

// inlineOneLineDefines puts in place of each {{template "X" …}} of text
// the line that {{define "X"}} begins in text, so that a form's input
// drawn by a template of its own (a live region inside the form, as the
// chair's "Amends" select) is read with the form's labels.
func inlineOneLineDefines(text string) string {
	for _, m := range defineRe.FindAllStringSubmatch(text, -1) {
		call := regexp.MustCompile(`\{\{template "` + regexp.QuoteMeta(m[1]) + `" [^}]*\}\}`)
		text = call.ReplaceAllLiteralString(text, m[2])
	}
	return text
}

// pageFormSays reports whether the template of page (its path under the
// assembly: chair/hall is chair-hall.html) has a form that posts cmd and
// says key.
func pageFormSays(t *testing.T, page, cmd, key string) bool {
	t.Helper()
	b, err := fs.ReadFile(templateFS, "templates/"+strings.ReplaceAll(page, "/", "-")+".html")
	if err != nil {
		return false
	}
	text := inlineOneLineDefines(string(b))
	for _, at := range wordsCmdRe.FindAllStringSubmatchIndex(text, -1) {
		start := strings.LastIndex(text[:at[0]], "<form")
		end := strings.Index(text[at[1]:], "</form>")
		if text[at[2]:at[3]] == cmd && start >= 0 && end >= 0 && strings.Contains(text[start:at[1]+end], `"`+key+`"`) {
			return true
		}
	}
	return false
}
