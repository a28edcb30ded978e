package web

import (
	"html/template"
	"strings"
	"testing"
)

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

// The chair's next act's form written by hand is the one the template
// wrote, for any text.
func TestActButtonAsTheTemplateWroteIt(t *testing.T) {
	old := template.Must(template.New("").Funcs(template.FuncMap{"upper": strings.ToUpper}).Parse(`<input type="hidden" name="cmd" value="{{.Cmd}}">{{range .Fields}}<input type="hidden" name="{{.Name}}" value="{{.Value}}">{{end}}
<button type="submit" class="big next-btn"{{if .Key}} data-key="{{.Key}}" aria-keyshortcuts="Enter {{upper .Key}}"{{else}} aria-keyshortcuts="Enter"{{end}}>{{.Label}} <kbd>Enter</kbd></button></form>`))
	for _, s := range []string{"", "close_vote", `a"b&c'd+e<f>g` + "\x00h", "Frühjahr 🗳 \xff\xfe", "&amp; &#34;", "ß"} {
		for _, key := range []string{"", "c", s} {
			b := actButton{Cmd: s + "cmd", Key: key, Label: asHTML("Close ") + bdi(s), Fields: []field{{"a:vote", s}, {s, "v1"}}}
			if s == "" {
				b.Fields = nil
			}
			var w strings.Builder
			if err := old.Execute(&w, b); err != nil {
				t.Fatal(err)
			}
			if got := string(b.Rest()); got != w.String() {
				t.Errorf("%q, key %q:\n got %s\nwant %s", s, key, got, w.String())
			}
		}
	}
}
