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
