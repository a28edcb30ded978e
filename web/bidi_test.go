package web_test

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"plenum/assembly"
	"plenum/i18n"
)

// The names and titles of bidiHall (and, below, of bidiMotions):
// right-to-left ones (Arabic, Hebrew) and, as a log written before the
// rules refused them may hold, ones with a right-to-left override left
// open.
var (
	rtlArabic  = "بوريس بوريسوف"
	rtlHebrew  = "קלרה צטקין"
	rtlItem    = "התקציב השנתי"
	rtlMotion  = "الاحتفاظ باحتياطي"
	rtlOrg     = "نقابة المعلمين"
	openRosa   = "Rosa \u202eLuxemburg"
	openMotion = "Adopt the \u202ebudget"
	openList   = "\u202eThe left"
	rtlList    = "اليمين"
	rtlDraft   = "مشروع الأعضاء"

	// and of bidiMotions
	rtlCategory  = "الأجور"
	rtlPrefix    = "ق"
	rtlBlock     = "בלוק השכר"
	rtlNote      = "عامان قصيران."
	rtlAmendment = "التعديل الأول"
	rtlCommittee = "لجنة الاقتراحات"
	rtlHans      = "הנס המבורג"
	rtlDora      = "دورا"
	rtlHamburg   = "מחוז המבורג"
)

// bidiHall is the tour's hall (tourSteps) with boris's name in Arabic,
// clara's in Hebrew, the item, the amendment and the delegating
// organization named right to left, and Rosa's name and the motion's
// title with an override left open (set in the readers' state, as a
// log recorded before the rules refused such a name replays to), and
// an election with lists, one of them named with an open override,
// declared; the texts each page must isolate. Settled, the tour's vote
// and election are withdrawn first, so that the election by lists is
// what the projector shows last.
func bidiHall(t *testing.T, settled bool) (*hall, []string) {
	h := newEmptyHallWith(t, fixedOptions(), nil)
	h.at = fixedNow.Add(-2 * time.Hour)
	h.setup()
	tourSteps(h)
	h.must("admin", "amend_person", obj{"person": "boris", "name": rtlArabic})
	h.must("admin", "amend_person", obj{"person": "clara", "name": rtlHebrew})
	if settled {
		h.must("chair", "withdraw_vote", obj{"vote": "v1", "reason": "Put again later", "consent": "No objection"})
		h.must("chair", "withdraw_election", obj{"election": "e1", "reason": "Put again later", "consent": "No objection"})
	}
	h.must("chair", "open_election", obj{"id": "e2", "title": "The board", "seats": 2, "method": "dhondt",
		"lists": []obj{{"id": "l1", "name": "The right", "candidates": []string{"ivan", "olga"}}, {"id": "l2", "name": "The left", "candidates": []string{"rosa", "boris"}}}})
	h.must("anna", "cast_election_ballot", obj{"election": "e2", "voter": "anna", "list": "l2"})
	h.must("boris", "cast_election_ballot", obj{"election": "e2", "voter": "boris", "list": "l2"})
	h.must("chair", "close_election", obj{"election": "e2"})
	h.must("chair", "declare_election", obj{"election": "e2"})
	read(h, func(s *assembly.State) bool {
		s.Persons["rosa"].Name = openRosa
		s.Motions["m1"].Title = openMotion
		s.Items["i1"].Title = rtlItem
		s.Motions["m2"].Title = rtlMotion
		s.Organizations["members"].Name = rtlOrg
		for i := range s.Elections["e2"].Lists {
			l := &s.Elections["e2"].Lists[i]
			switch l.ID {
			case "l1":
				l.Name = rtlList
			case "l2":
				l.Name = openList
			}
		}
		return true
	})
	return h, []string{rtlArabic, rtlHebrew, rtlItem, rtlMotion, rtlOrg, openRosa, openMotion, openList, rtlList}
}

// TestPagesIsolateTypedText renders the pages of a hall whose names and
// titles are written right to left or hold an override left open, and
// finds every such text in them: in the running text it must stand in
// an element of its own that isolates it (<bdi>, or an element with a
// dir attribute) and holds nothing else but quotes, so that its
// direction cannot reorder what stands around it; in an attribute, the
// page's title or a select's option, where no element can go, its
// override must be closed.
func TestPagesIsolateTypedText(t *testing.T) {
	for _, settled := range []bool{false, true} {
		pagesIsolateTypedText(t, settled)
	}
	motionPagesIsolateTypedText(t)
}

// motionPagesIsolateTypedText is TestPagesIsolateTypedText on the lines
// the minutes build for the motions' pages (submitted by, supported by,
// the amendments' leads and changes, their conflicts, the resolution's
// amendments applied): a motion submitted in a category and a block
// named right to left, numbered with an Arabic prefix, by a delegation
// named in Arabic, supported by delegates named in Hebrew and with an
// override left open, recommended on and changed by a committee named
// in Arabic, amended twice on the same lines, then carried.
func motionPagesIsolateTypedText(t *testing.T) {
	for _, carried := range []bool{false, true} {
		h, typed := bidiMotions(t, carried)
		rh := withSessions(t, "bidi-motions", h, asm, "hans")
		for _, lang := range []string{"en", "de"} {
			pages := append(motionPages("hans"), motionPages("")...)
			if carried {
				pages = append(pages, pageToRender{"record", "", "/a/" + asm + "/record", nil})
			}
			for _, p := range pages {
				page := string(rh.render(t, p, lang))
				for _, problem := range bidiLeaks(page, typed) {
					t.Errorf("%s in %s (carried %v): %s", p.name, lang, carried, problem)
				}
			}
		}
	}
}

// bidiMotions is the congress hall with motionPaperSteps's motions
// (carried or not) in a category and a block named right to left, the
// motions numbered with an Arabic prefix, the committee's note in
// Arabic; then (in the readers' state, as for bidiHall) Berlin and its
// delegate bruno, the committee, the motion and hans and dora named in
// Arabic or Hebrew, hanna and Hamburg in Hebrew, lena with an override
// left open (openRosa), Leipzig too (openList), and w1-b's title
// (openMotion); and the texts the pages must isolate.
func bidiMotions(t *testing.T, carried bool) (*hall, []string) {
	h := newCongressHall(t)
	motionPaperSteps(h, rtlCategory, rtlPrefix, rtlBlock, rtlNote, rtlAmendment, carried)
	names := map[string]string{"bruno": rtlArabic, "hanna": rtlHebrew, "lena": openRosa, "hans": rtlHans, "dora": rtlDora}
	orgs := map[string]string{"berlin": rtlOrg, "hamburg": rtlHamburg, "leipzig": openList}
	read(h, func(s *assembly.State) bool {
		for id, n := range names {
			s.Persons[id].Name = n
		}
		for id, n := range orgs {
			s.Organizations[id].Name = n
		}
		s.Bodies["mc"].Name = rtlCommittee
		s.Motions["w1"].Title = rtlMotion
		s.Motions["w1-b"].Title = openMotion
		return true
	})
	// The committee's change is titled by the rules, with w1's number.
	change := read(h, func(s *assembly.State) string { return s.Motions["w1-c"].Title })
	typed := []string{change, rtlMotion, rtlCategory, rtlBlock, rtlNote, rtlAmendment, openMotion, rtlCommittee,
		rtlPrefix + "1/1", rtlPrefix + "1/2", rtlPrefix + "1/3", rtlPrefix + "1"}
	for _, n := range names {
		typed = append(typed, n)
	}
	for _, n := range orgs {
		typed = append(typed, n)
	}
	return h, typed
}

// pagesIsolateTypedText is TestPagesIsolateTypedText on bidiHall, with
// the tour's vote and election open or, settled, withdrawn (the
// projector shows the election by lists).
func pagesIsolateTypedText(t *testing.T, settled bool) {
	h, typed := bidiHall(t, settled)
	rh := withSessions(t, "bidi", h, asm, "chair", "sec", "mc", "anna", "boris", "clara")
	base := "/a/" + asm + "/"
	pages := append(hallPages(asm, "chair", "anna", "boris", "clara"),
		pageToRender{"chair-agenda", "chair", base + "chair/agenda", nil},
		pageToRender{"chair-elections", "chair", base + "chair/elections", nil},
		pageToRender{"chair-sitting", "chair", base + "chair/sitting", nil},
		pageToRender{"chair-screens", "chair", base + "chair/screens", nil},
		pageToRender{"secretary", "sec", base + "secretary", nil},
		pageToRender{"mandates", "mc", base + "mandates", nil},
		pageToRender{"record", "", base + "record", nil},
		pageToRender{"motions", "anna", base + "motions", nil},
		pageToRender{"motion", "anna", base + "motions/m2", nil},
		pageToRender{"landing", "", base, nil},
		pageToRender{"projector-agenda", "", base + "projector?screen=overflow", nil},
	)
	if !settled {
		pages = append(pages,
			pageToRender{"draft-election", "clara", base + "delegate", url.Values{"step": {"check"}, "election": {"e1"}, "a:ranking:rank": {"1:rosa", "2:boris", "", ""}}},
			pageToRender{"draft-vote", "clara", base + "delegate", url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"against"}}})
	}
	pages = append(pages,
		pageToRender{"index", "", "/", nil},
		pageToRender{"hall-search", "chair", base + "chair/hall?find-l-persons=" + url.QueryEscape("بوريس"), nil},
		pageToRender{"setup", "sec", base + "setup", nil},
		pageToRender{"setup-people", "sec", base + "setup-people", nil},
		pageToRender{"setup-person", "sec", base + "setup-person?p=boris", nil},
		pageToRender{"setup-organizations", "sec", base + "setup-organizations", nil},
		pageToRender{"setup-offices", "sec", base + "setup-offices", nil},
		pageToRender{"import", "sec", base + "import", nil},
	)
	for _, lang := range []string{"en", "de"} {
		for _, p := range pages {
			page := string(rh.render(t, p, lang))
			for _, problem := range bidiLeaks(page, typed) {
				t.Errorf("%s in %s (settled %v): %s", p.name, lang, settled, problem)
			}
		}
	}
}

// voidElements are the elements without an end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

var (
	tagRe  = regexp.MustCompile(`(?s)<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->|<!doctype[^>]*>`)
	attrRe = regexp.MustCompile(`([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?`)
)

// element is an open element of bidiLeaks's walk: its name, whether it
// isolates (bdi, a dir attribute) and the text in it so far.
type element struct {
	name     string
	isolates bool
	text     strings.Builder
	// holds says the element holds a typed text that must be alone in
	// it, once it ends.
	holds []string
}

// bidiLeaks walks a page and says where a typed text stands in it
// without being isolated, or with an override left open where it cannot
// be isolated.
func bidiLeaks(page string, typed []string) []string {
	var problems []string
	var stack []*element
	where := func() string {
		var names []string
		for _, e := range stack {
			names = append(names, e.name)
		}
		return strings.Join(names, ">")
	}
	checkClosed := func(what, s string) {
		if strings.Contains(s, "\u202e") && !strings.Contains(s[strings.LastIndex(s, "\u202e"):], "\u202c") {
			problems = append(problems, what+" leaves an override open: "+strings.ToValidUTF8(s, ""))
		}
	}
	text := func(s string) {
		s = htmlUnescape(s)
		for _, e := range stack {
			e.text.WriteString(s)
		}
		if !hasTyped(s) {
			return
		}
		n := len(stack)
		if n > 0 && (stack[n-1].name == "title" || stack[n-1].name == "option" || stack[n-1].name == "textarea") {
			checkClosed("<"+stack[n-1].name+">", s)
			return
		}
		for i := n - 1; i >= 0; i-- {
			if stack[i].isolates {
				stack[i].holds = append(stack[i].holds, s)
				return
			}
		}
		problems = append(problems, "not isolated in "+where()+": "+strings.TrimSpace(s))
	}
	last := 0
	for _, m := range tagRe.FindAllStringSubmatchIndex(page, -1) {
		text(page[last:m[0]])
		last = m[1]
		if m[4] < 0 { // a comment or the doctype
			continue
		}
		closing, name, attrs := page[m[2]:m[3]] == "/", strings.ToLower(page[m[4]:m[5]]), page[m[6]:m[7]]
		if closing {
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == name {
					for _, e := range stack[i:] {
						if e.isolates && len(e.holds) > 0 && !aloneIn(e.text.String(), typed) {
							problems = append(problems, "isolated with more than the text: <"+e.name+"> "+strings.TrimSpace(e.text.String()))
						}
					}
					stack = stack[:i]
					break
				}
			}
			continue
		}
		e := &element{name: name, isolates: name == "bdi"}
		for _, a := range attrRe.FindAllStringSubmatch(attrs, -1) {
			if a[1] == "dir" {
				e.isolates = true
			}
			checkClosed("the attribute "+a[1]+" of <"+name+">", htmlUnescape(a[2]))
		}
		if !voidElements[name] && !strings.HasSuffix(attrs, "/") {
			stack = append(stack, e)
		}
	}
	text(page[last:])
	return problems
}

// hasTyped reports whether s holds a letter written right to left or a
// right-to-left override: a typed text of bidiHall.
func hasTyped(s string) bool {
	for _, r := range s {
		if r == '\u202e' || unicode.In(r, unicode.Arabic, unicode.Hebrew) {
			return true
		}
	}
	return false
}

// aloneIn reports whether an isolating element's text is one typed text
// (with the override closed), maybe in quotes, or several of them
// separated by commas and spaces only.
func aloneIn(s string, typed []string) bool {
	s = strings.NewReplacer("\u202c", "", "\u2069", "").Replace(s)
	for _, x := range typed {
		s = strings.ReplaceAll(s, x, "")
	}
	return strings.Trim(s, " ,“”„«»\"'\u00a0") == ""
}

// htmlUnescape undoes the escapes html/template writes.
func htmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&#43;", "+", "&amp;", "&", "&quot;", `"`).Replace(s)
}

// TestImportPreviewIsolatesTypedText uploads a roster whose names,
// delegations and cells are written right to left: the preview isolates
// each where it names it, its problems and changes included.
func TestImportPreviewIsolatesTypedText(t *testing.T) {
	h, typed := bidiHall(t, false)
	csv := "Name,Delegation,Kind\n" +
		"عمر خالد,نقابة المعلمين,decisive\n" +
		"שרה לוי,ועד חדש,decisive\n" +
		"ليلى حسن,نقابة المعلمين,مراقب\n" +
		rtlArabic + ",نقابة المعلمين,consultative\n"
	code, preview := h.browser("sec").upload(asm, "قائمة.csv", []byte(csv), nil)
	if code != 200 && code != 422 { // 422: a preview with problems
		t.Fatalf("the upload: %d\n%s", code, preview)
	}
	typed = append(typed, "عمر خالد", "שרה לוי", "ועד חדש", "ليلى حسن", "مراقب", "قائمة.csv")
	for _, w := range []string{"ليلى حسن", "ועד חדש", "مراقب"} {
		if !strings.Contains(preview, w) {
			t.Errorf("the preview does not show %s:\n%s", w, preview)
		}
	}
	for _, problem := range bidiLeaks(preview, typed) {
		t.Error(problem)
	}
}

// A refusal reaches the page as text (a cookie, or JSON for the script):
// a name written right to left in it is isolated by the characters
// U+2068 and U+2069, in every language, and one written left to right
// is left as it is.
func TestRefusalIsolatesNames(t *testing.T) {
	h, _ := bidiHall(t, false)
	for _, lang := range []string{"en", "de"} {
		clara := h.browser("clara")
		clara.c.Jar.SetCookies(mustURL(t, h.srv.URL), []*http.Cookie{{Name: i18n.Cookie, Value: lang}})
		clara.act("delegate", "cast_election_ballot", url.Values{"a:election": {"e1"}, "a:voter": {"clara"}, "a:ranking:rank": {"1:boris", "2:ivan"}})
		_, body, _ := clara.get("/a/coop/delegate")
		msg := html.UnescapeString(flashOf(body))
		if !strings.Contains(msg, "\u2068"+rtlArabic+"\u2069") || strings.Contains(msg, "\u2068The auditing") {
			t.Errorf("%s: the refusal names %q so: %+q", lang, rtlArabic, msg)
		}
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestRefusalIsolatesTypedText: a refusal that quotes a text a person
// typed — a name the rules set into their sentence (%s) or quote (%q), a
// value of a field the page could not read — isolates it by the
// characters U+2068 and U+2069, balanced, in every language, as it
// isolates a name it gives for an id: outside the isolates the message
// holds no letter written right to left. So does a draft ballot's
// problem that quotes a place in the ranking typed in Arabic.
func TestRefusalIsolatesTypedText(t *testing.T) {
	h, _ := bidiHall(t, false)
	for _, lang := range []string{"en", "de"} {
		for _, c := range []struct {
			who, page, cmd string
			args           url.Values
			typed          string
		}{
			// "there is already a person %q (%s)": the id named, the name set in.
			{"sec", "secretary", "add_person", url.Values{"a:id": {"boris"}, "a:name": {"Boris"}}, rtlArabic},
			// "… is already named %q with the reference %q"
			{"sec", "secretary", "amend_person", url.Values{"a:person": {"boris"}, "a:name": {rtlArabic}}, rtlArabic},
			// "%s must be a whole number, not %q": the page's own words.
			{"sec", "secretary", "amend_person", url.Values{"a:person": {"boris"}, "a:weight:int": {"ثلاثة"}}, "ثلاثة"},
		} {
			b := h.browser(c.who)
			b.c.Jar.SetCookies(mustURL(t, h.srv.URL), []*http.Cookie{{Name: i18n.Cookie, Value: lang}})
			b.act(c.page, c.cmd, c.args)
			_, body, _ := b.get("/a/coop/" + c.page)
			msg := html.UnescapeString(flashOf(body))
			if !strings.Contains(msg, c.typed) {
				t.Errorf("%s, %s: the refusal does not quote %q: %+q", lang, c.cmd, c.typed, msg)
			}
			if problem := isolatesProblem(msg); problem != "" {
				t.Errorf("%s, %s: %s: %+q", lang, c.cmd, problem, msg)
			}
		}
		// A ballot drafted with a place in the ranking the page cannot
		// read, typed in Arabic: the draft says so, the place isolated.
		clara := h.browser("clara")
		clara.c.Jar.SetCookies(mustURL(t, h.srv.URL), []*http.Cookie{{Name: i18n.Cookie, Value: lang}})
		_, page, _ := clara.get("/a/coop/delegate")
		form := url.Values{"csrf": {csrfRe.FindStringSubmatch(page)[1]}, "step": {"check"}, "election": {"e1"}, "a:ranking:rank": {"ثلاثة:boris"}}
		req, _ := http.NewRequest("POST", h.srv.URL+"/a/coop/delegate", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", h.srv.URL)
		resp, err := clara.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		msg := html.UnescapeString(flashOf(string(body)))
		if problem := isolatesProblem(msg); problem != "" || !strings.Contains(msg, "ثلاثة") {
			t.Errorf("%s, a place in the ranking: %s: %+q", lang, problem, msg)
		}
	}
}

// isolatesProblem says what is wrong with the isolates of a text that is
// no HTML: an isolate (U+2066–U+2068) not closed by U+2069, a U+2069
// that closes none, or a letter written right to left (or an override)
// outside them.
func isolatesProblem(s string) string {
	depth := 0
	for _, r := range s {
		switch {
		case r >= '\u2066' && r <= '\u2068':
			depth++
		case r == '\u2069':
			if depth == 0 {
				return "a stray U+2069"
			}
			depth--
		case depth == 0 && hasTyped(string(r)):
			return "not isolated: " + string(r)
		}
	}
	if depth != 0 {
		return "an isolate left open"
	}
	return ""
}
