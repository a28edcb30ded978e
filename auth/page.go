package auth

import (
	"html/template"
	"net/http"
	"net/url"
	"unicode"
	"unicode/utf8"

	"plenum/i18n"
)

// refusalPage is the page of a refusal to a browser (writeProblem), laid
// out as the site's pages are (web's layout): their style sheet, the
// title as a heading, the reason as an error, the login form filled in
// with what was typed and where the person was going, and the language
// switch, which brings them back to the login form.
var refusalPage = template.Must(template.New("refusal").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} · plenum</title>
<link rel="stylesheet" href="/static/plenum.css">
</head>
<body class="page-login">
<a class="skip" href="#main">{{.L.T "web.skip"}}</a>
<header class="top"><nav aria-label="{{.L.T "web.nav.pages"}}"><a class="brand" href="/">plenum</a></nav></header>
<main id="main">
<h1>{{.Title}}</h1>
<div id="flash" class="flash-area"><p class="msg error" role="alert">{{.Detail}}</p></div>
{{with .Form}}{{template "loginform" .}}{{end}}
</main>
<footer class="page-foot"><form class="lang-switch" method="post" action="/lang" aria-label="{{.L.T "web.language"}}"><input type="hidden" name="next" value="{{.Back}}">{{range .Languages}}<button type="submit" name="lang" value="{{.Tag}}" lang="{{.Tag}}"{{if eq .Tag $.Lang}} aria-current="true" disabled{{end}}>{{.Name}}</button>{{end}}</form></footer>
</body>
</html>
` + LoginFormTemplate))

// LoginFormTemplate is the markup of the login form, the template
// "loginform", executed with a LoginForm: the one form of the refusal
// page here and of web's pages (the login page, the list of assemblies,
// an assembly's public page), which add it to their templates.
const LoginFormTemplate = `{{define "loginform"}}<section aria-labelledby="h-login" class="login">
<h2 id="h-login">{{.L.T "web.lf.heading"}}</h2>
{{with .Ended}}<p class="msg warn ended-session" role="alert">{{.}}</p>{{end}}{{if .FromAnotherSite}}<p class="msg warn">{{.L.T "web.lf.from_another_site"}}</p>{{end}}<form method="post" action="/login">
{{if .Admin}}<input type="hidden" name="admin" value="{{.Admin}}">{{else}}<label for="code">{{.L.T "web.lf.code"}}</label>
<input id="code" name="code" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" required{{with .Code}} value="{{.}}"{{end}}>{{end}}
<input type="hidden" name="next" value="{{.Next}}">
<button type="submit" class="big">{{.L.T "web.login"}}</button>
</form>
</section>{{end}}`

// LoginForm is what the login form (LoginFormTemplate) shows.
type LoginForm struct {
	L *i18n.Locale
	// Code fills in the access code: the one typed, or a link's.
	Code string
	// Admin, if set, is the token of an administrator's login link: the
	// form then sends it, and asks for no code.
	Admin string
	// Next is where to go after logging in: a local path, or "".
	Next string
	// FromAnotherSite warns that a link another site made the browser
	// follow filled in the form, for the person to confirm that they
	// mean to log in (FromAnotherSite).
	FromAnotherSite bool
	// Ended, if not "", tells the browser that its session was ended
	// by someone else, when, why and by whom (Store.EndedSession, in the
	// page's words): the form is where it lands.
	Ended string
}

// refusal is what refusalPage shows.
type refusal struct {
	L             *i18n.Locale
	Lang          string
	Title, Detail string
	// Form, if not nil, is the login form shown, with the code typed
	// (or the link's) and where to go after logging in.
	Form *LoginForm
	// Back is where the language switch returns: the login form, or
	// the page refused.
	Back      string
	Languages []i18n.Language
}

// typedLogin is what a refused login request carried: the code typed (or
// of the link) and "next", if a local path. A form already read gives
// its fields; any other request its query.
func typedLogin(r *http.Request) (code, next string) {
	v := r.PostForm
	if v == nil {
		v = r.URL.Query()
	}
	code, next = v.Get("code"), v.Get("next")
	if len(code) > 200 {
		code = ""
	}
	if !LocalPath(next) {
		next = ""
	}
	return code, next
}

// writePage writes the refusal page of r with the status.
func writePage(w http.ResponseWriter, r *http.Request, status int, p refusal) {
	p.Lang, p.Languages = p.L.Lang(), i18n.Languages
	p.Title, p.Detail = upperFirst(p.Title), upperFirst(p.Detail)
	switch {
	case p.Form != nil && p.Form.Next != "":
		p.Back = "/login?next=" + url.QueryEscape(p.Form.Next)
	case p.Form != nil:
		p.Back = "/login"
	case r.Method == http.MethodGet && LocalPath(r.URL.RequestURI()):
		p.Back = r.URL.RequestURI()
	default:
		p.Back = "/"
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	refusalPage.Execute(w, p)
}

// upperFirst is s with its first letter a capital, as a heading and a
// sentence on a page read (a problem's title and detail are written in
// lower case, for an API client to put into its own sentences).
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
