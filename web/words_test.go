package web

import (
	"html/template"
	"strings"
	"testing"

	"plenum/i18n"
)

// The words kept once looked up are the catalog's, in every language:
// the first ask (which looks up) and the second (which reads what was
// kept) say what i18n says; a key the catalog lacks is said as i18n says
// it and not kept.
func TestWordsAreTheCatalogs(t *testing.T) {
	for _, lang := range []string{"en", "de", "ru", "fr", "es", i18n.Pseudo} {
		l := i18n.For(lang)
		for _, m := range i18n.Messages() {
			want := l.T(m.Key)
			for range 2 {
				if got := (locale{l}).T(m.Key); got != want {
					t.Fatalf("%s %s: %q, want %q", lang, m.Key, got, want)
				}
			}
		}
		if got, want := (locale{l}).T("web.c.voted_of", 3, 10), l.T("web.c.voted_of", 3, 10); got != want {
			t.Errorf("%s with arguments: %q, want %q", lang, got, want)
		}
	}
	if got, want := (locale{}).T("web.c.the_vote"), i18n.For("en").T("web.c.the_vote"); got != want {
		t.Errorf("the zero locale: %q, want English %q", got, want)
	}
	(locale{}).T("no.such.key")
	words.mu.RLock()
	_, kept := words.m[wordKey{i18n.For("en"), "no.such.key"}]
	words.mu.RUnlock()
	if kept {
		t.Error("a key the catalog lacks was kept")
	}
}

// The hidden fields written by hand are those the template wrote, for
// any text: what html/template escapes in a quoted attribute is escaped
// the same.
func TestHiddenFieldsAsTheTemplateWroteThem(t *testing.T) {
	old := template.Must(template.New("").Parse(`<input type="hidden" name="csrf" value="{{.CSRF}}"><input type="hidden" name="key" value="{{.Key}}"><input type="hidden" name="back" value="/a/{{.ID}}/{{.Back}}">`))
	for _, s := range []string{"", "coop", "0123abcdef", `a"b&c'd+e<f>g` + "\x00h", "Frühjahr 🗳 \xff\xfe", "web-00ff", "chair/agenda", "&amp; &#34;"} {
		var b strings.Builder
		data := map[string]string{"CSRF": s, "Key": s + "k", "ID": "x" + s, "Back": s}
		if err := old.Execute(&b, data); err != nil {
			t.Fatal(err)
		}
		if got := hiddenFields(data["CSRF"], data["Key"], data["ID"], data["Back"]); got != b.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, got, b.String())
		}
	}
}
