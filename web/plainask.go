package web

import "html/template"

// PlainAsk is the question of the confirmation of a plain ballot: "Cast
// your ballot: FOR?" — or, for a carried mandate (holder not ""), "Cast
// the ballot of Anna’s mandate: FOR?" — in the language's own question
// (web.d.enc_cast_q, as the encrypted ballot's: "¿…?" in Spanish, "… ?"
// in French), with the choice (escaped and isolated, bdi) in bold.
func (v *view) PlainAsk(holder string, choice template.HTML) template.HTML {
	ask := template.HTML(template.HTMLEscapeString(v.L.T("web.d.cast")))
	if holder != "" {
		ask = tr(v.L, "web.pb.cast_for", bdi(holder))
	}
	return tr(v.L, "web.d.enc_cast_q", ask, "<strong>"+choice+"</strong>")
}
