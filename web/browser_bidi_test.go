package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// bidiLayoutJS measures, on the page, where the typed texts stand: for
// each of the pairs [text, after], the box of text and of the first
// after that follows it in the element sel. It returns the pairs whose
// after does not stand to the right of text on the same line, as a
// left-to-right page reads them, or that it could not find.
const bidiLayoutJS = `(function (sel, pairs) {
  // find is the range of the first text from the node from, offset at.
  function find(root, text, from, at) {
    var w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), n;
    if (from) w.currentNode = from;
    for (n = from || w.nextNode(); n; n = w.nextNode(), at = 0) {
      var i = n.data.indexOf(text, at || 0);
      if (i >= 0) {
        var r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + text.length);
        return r;
      }
    }
    return null;
  }
  var root = document.querySelector(sel), bad = [];
  if (!root) return ["no " + sel];
  pairs.forEach(function (p) {
    var ra = find(root, p[0]), rb = ra && find(root, p[1], ra.endContainer, ra.endOffset);
    if (!ra || !rb) { bad.push(p[0] + " / " + p[1] + ": not found"); return; }
    var a = ra.getBoundingClientRect(), b = rb.getBoundingClientRect();
    var sameLine = Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < a.height / 2;
    if (sameLine && b.left < a.right - 1) bad.push(p[0] + " / " + p[1] + ": " + JSON.stringify([a.left, a.right]) + " then " + JSON.stringify([b.left, b.right]));
  });
  return bad;
})`

// TestBrowserBidiKeepsTheOrder: on a phone and a laptop, beside a title
// written right to left or one with an override left open, the page's
// own text keeps its place: in the console's count of a vote on drafts
// a draft's count stands to the right of its Arabic title, not to its
// left, and the override of the other draft's title does not reverse
// the counts after it; in the list of the motions to come a motion's
// kind stands after its title; in the secretary's list of speakers the
// Hebrew name given first stands left of the Arabic one, not to its
// right. Chromium lays the pages out, and the boxes of the texts are
// compared where they stand on one line. The pages are shot
// (bidi-SIZE-PAGE.png) and axe-core runs on them.
func TestBrowserBidiKeepsTheOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	for _, sz := range screenSizes[:2] {
		t.Run(sz.name, func(t *testing.T) {
			h, _ := bidiHall(t, true)
			// A roll call on two drafts, one titled in Arabic, the other
			// with the override left open: the console counts each.
			h.must("chair", "move_motion", obj{"id": "m3", "kind": "substantive", "title": rtlDraft, "item": "i1"})
			h.must("chair", "group_alternatives", obj{"id": "g1", "title": "The budget drafts", "motions": []string{"m1", "m3"}})
			h.must("chair", "open_vote", obj{"id": "v2", "alternatives": "g1", "method": "roll_call"})
			h.must("anna", "cast_ballot", obj{"vote": "v2", "voter": "anna", "choice": "m3"})
			h.must("boris", "cast_ballot", obj{"vote": "v2", "voter": "boris", "choice": "m1"})
			s := newSession(t, h)
			check := func(p *person, what, sel string, pairs [][2]string) {
				t.Helper()
				arg, _ := json.Marshal(pairs)
				for _, bad := range eval[[]string](s, p, fmt.Sprintf("%s(%q, %s)", bidiLayoutJS, sel, arg)) {
					t.Errorf("%s: %s", what, bad)
				}
			}
			chair := s.open("chair", sz.w, sz.h, "/a/coop/chair")
			check(chair, "the console's count", "#vote .count-line", [][2]string{{rtlDraft, "1"}, {"budget", "1"}})
			check(chair, "the console's next motions", "#question p.then", [][2]string{{"budget", "substantive"}})
			sec := s.open("sec", sz.w, sz.h, "/a/coop/secretary")
			check(sec, "the secretary's speakers", "#sec-floor p.meta", [][2]string{{rtlHebrew, rtlArabic}})
			pages := []struct{ who, path, name string }{
				{"", "/a/coop/projector", "projector"},
				{"sec", "/a/coop/secretary", "secretary"},
				{"chair", "/a/coop/chair", "chair"},
				{"chair", "/a/coop/chair/elections", "chair-elections"},
				{"boris", "/a/coop/delegate", "delegate"},
				{"clara", "/a/coop/delegate", "delegate-election"},
				{"mc", "/a/coop/mandates", "mandates"},
			}
			for _, pg := range pages {
				p := s.open(pg.who, sz.w, sz.h, pg.path)
				if wide := eval[int](s, p, `document.documentElement.scrollWidth`); wide > int(sz.w) {
					t.Errorf("%s is %d px wide on a %d px screen", pg.name, wide, sz.w)
				}
				s.axe(p, pg.name, axeSrc)
				s.shotView(p, fmt.Sprintf("bidi-%s-%s", sz.name, pg.name))
				s.shot(p, fmt.Sprintf("bidi-%s-%s-full", sz.name, pg.name))
			}
		})
	}
}

// TestBrowserMotionLinesKeepTheOrder: on a laptop, the lines the minutes
// build for a motion's page keep their order beside names and titles
// written right to left: the Arabic name of the delegate who submitted
// a motion stands right of their Arabic delegation's, as "Berlin
// district (Bruno)" reads; the override open in a supporter's name does
// not reverse the "for" after it; an amendment's Arabic title stands
// after the Arabic title of the motion it amends; the numbers of the
// amendments applied (with an Arabic prefix) stand in their order.
func TestBrowserMotionLinesKeepTheOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	sz := screenSizes[1]
	for _, carried := range []bool{false, true} {
		h, _ := bidiMotions(t, carried)
		s := newSession(t, h)
		p := s.open("", sz.w, sz.h, "/a/coop/motions/w1")
		check := func(what, sel string, pairs [][2]string) {
			t.Helper()
			arg, _ := json.Marshal(pairs)
			for _, bad := range eval[[]string](s, p, fmt.Sprintf("%s(%q, %s)", bidiLayoutJS, sel, arg)) {
				t.Errorf("carried %v, %s: %s", carried, what, bad)
			}
		}
		check("submitted by", "#motion-text p.meta", [][2]string{{rtlOrg, rtlArabic}, {"Luxemburg", "for"}, {rtlCategory, "Block"}})
		check("an amendment's lead", "#amendment-w1-a p.meta", [][2]string{{rtlHans, "moves"}, {rtlMotion, rtlAmendment}})
		if carried {
			check("amendments applied", "#motion-text p.amended-by", [][2]string{{rtlPrefix + "1/1", rtlPrefix + "1/2"}, {rtlPrefix + "1/2", "applied"}})
		} else {
			check("a conflict", "#amendment-w1-a p.conflict", [][2]string{{rtlPrefix + "1/3", "(line"}})
		}
		s.shotView(p, fmt.Sprintf("bidi-motion-carried-%v", carried))
	}
}

// lineDirJS lays out the numbered lines in the element sel: it returns
// the numbers of the lines that read right to left, and what is wrong
// where a line stands: the first word of a line (its first in reading)
// must stand at its start — the right of a line that reads right to
// left, which then ends at the right of the text's column, the left of
// any other — and the line's number to the left of its words, on their
// first line.
const lineDirJS = `(function (sel) {
  var out = {rtl: [], bad: []};
  document.querySelectorAll(sel + " .ln").forEach(function (p) {
    var n = p.getAttribute("data-line"), cs = getComputedStyle(p), rtl = cs.direction === "rtl";
    if (rtl) out.rtl.push(+n);
    var words = [], w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT), t;
    while ((t = w.nextNode())) {
      if (t.parentElement.closest(".n")) continue;
      var re = /\S+/g, m;
      while ((m = re.exec(t.data))) {
        var r = document.createRange();
        r.setStart(t, m.index);
        r.setEnd(t, m.index + m[0].length);
        if (r.getClientRects().length) words.push({w: m[0], r: r.getBoundingClientRect()});
      }
    }
    if (!words.length) { out.bad.push(n + ": no words"); return; }
    var first = words[0].r, mid = (first.top + first.bottom) / 2;
    var line = words.filter(function (x) { return Math.abs((x.r.top + x.r.bottom) / 2 - mid) < first.height / 2; });
    var left = Math.min.apply(null, line.map(function (x) { return x.r.left; }));
    var right = Math.max.apply(null, line.map(function (x) { return x.r.right; }));
    var box = p.getBoundingClientRect(), num = p.querySelector(".n").getBoundingClientRect();
    if (rtl && first.right < right - 1) out.bad.push(n + ": " + words[0].w + " is not at the right of the line");
    if (rtl && right < box.right - parseFloat(cs.paddingRight) - 2) out.bad.push(n + ": the line ends at " + right + ", not at the right, " + box.right);
    if (!rtl && first.left > left + 1) out.bad.push(n + ": " + words[0].w + " is not at the left of the line");
    if (num.right > left + 1) out.bad.push(n + ": the number ends at " + num.right + ", right of the words from " + left);
    if (Math.abs((num.top + num.bottom) / 2 - mid) > first.height / 2) out.bad.push(n + ": the number is not on the first line of the words");
  });
  return out;
})`

// TestBrowserMotionLinesReadInTheirDirection: on a phone and a laptop, a
// motion's text with a paragraph written left to right, one in Hebrew
// with words in Latin letters (one of its lines begins with one) and a
// list item in Arabic shows every line of the two right to left, aligned
// right, each beginning at the right — also the line that begins with a
// Latin word — with its number in the left margin as every line's; the
// paragraph written left to right as before; the amendment's change of
// the Hebrew paragraph's last lines, shown without its first, the same,
// on the motion's page and on the amendment's. The pages are shot
// (bidi-lines-SIZE-PAGE.png).
func TestBrowserMotionLinesReadInTheirDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes[:2] {
		t.Run(sz.name, func(t *testing.T) {
			h, blocks, changed := rtlMotionHall(t)
			rtl := append(append([]int(nil), blocks[1]...), blocks[2]...)
			s := newSession(t, h)
			type laid struct {
				RTL []int    `json:"rtl"`
				Bad []string `json:"bad"`
			}
			for _, c := range []struct {
				page, sel string
				rtl       []int
			}{
				{"w9", "#motion-text", rtl},
				{"w9", "#amendment-w9-a", changed},
				{"w9-a", "#motion-text", changed},
			} {
				p := s.open("", sz.w, sz.h, "/a/coop/motions/"+c.page)
				got := eval[laid](s, p, fmt.Sprintf("%s(%q)", lineDirJS, c.sel))
				if fmt.Sprint(got.RTL) != fmt.Sprint(c.rtl) {
					t.Errorf("%s %s: the lines %v read right to left, want %v", c.page, c.sel, got.RTL, c.rtl)
				}
				for _, bad := range got.Bad {
					t.Errorf("%s %s: line %s", c.page, c.sel, bad)
				}
				if wide := eval[int](s, p, `document.documentElement.scrollWidth`); wide > int(sz.w) {
					t.Errorf("%s is %d px wide on a %d px screen", c.page, wide, sz.w)
				}
				if c.sel == "#motion-text" {
					s.shot(p, fmt.Sprintf("bidi-lines-%s-%s", sz.name, c.page))
				}
			}
		})
	}
}

// refuseJS sends a form to the assembly's act as the page's form does
// without its script (the answer: a message in a cookie, and back).
const refuseJS = `(async function (fields) {
  var f = new URLSearchParams(fields);
  f.set("csrf", document.querySelector("input[name=csrf]").value);
  await fetch("/a/coop/act", {method: "POST", body: f, redirect: "manual", credentials: "same-origin"});
  return true;
})`

// TestBrowserRefusalKeepsTheTypedTextWhole: on a phone and a laptop, a
// refusal that quotes a value typed in Arabic with a number before it
// ("12 ثلاثة") shows that value as it reads, the number at its right,
// not at its left as the page's left-to-right sentence would draw it,
// and so does a refusal that names a person written in Arabic and sets
// in the name given. The messages are shot (bidi-refusal-SIZE-N.png).
func TestBrowserRefusalKeepsTheTypedTextWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes[:2] {
		t.Run(sz.name, func(t *testing.T) {
			h, _ := bidiHall(t, true)
			s := newSession(t, h)
			p := s.openWith("sec", sz.w, sz.h, "/a/coop/secretary", false)
			for i, form := range []map[string]string{
				{"cmd": "amend_person", "back": "/a/coop/secretary", "a:person": "boris", "a:weight:int": "12 ثلاثة"},
				{"cmd": "add_person", "back": "/a/coop/secretary", "a:id": "boris", "a:name": "Boris", "key": "web-refusal"},
			} {
				arg, _ := json.Marshal(form)
				eval[bool](s, p, fmt.Sprintf("%s(%s)", refuseJS, arg))
				s.run(p, "back to the page", chromedp.Navigate(h.srv.URL+"/a/coop/secretary"), chromedp.WaitReady(chromedp.CSS("body")))
				msg := eval[string](s, p, `(document.querySelector(".msg.error") || {}).textContent || ""`)
				if i == 0 {
					// The number stands right of the word in the typed value.
					bad := eval[[]string](s, p, `(function () {
  var el = document.querySelector(".msg.error"), t = el.firstChild, d = t.data;
  function box(s) { var r = document.createRange(), i = d.indexOf(s); r.setStart(t, i); r.setEnd(t, i + s.length); return r.getBoundingClientRect(); }
  var a = box("ثلاثة"), n = box("12");
  return n.left >= a.right - 1 ? [] : ["12 at " + n.left + ", the word ends at " + a.right];
})()`)
					for _, b := range bad {
						t.Errorf("%+q: %s", msg, b)
					}
				} else if !strings.Contains(msg, "("+"\u2068"+rtlArabic+"\u2069"+")") {
					t.Errorf("the refusal does not isolate the name it sets in: %+q", msg)
				}
				s.shotView(p, fmt.Sprintf("bidi-refusal-%s-%d", sz.name, i+1))
			}
		})
	}
}

// paragraphDirJS says where, in the element sel that holds word, the first word of a
// paragraph (word) stands against a word after it (after) on its line:
// both found in the text, as a paragraph written right to left reads,
// after must stand left of word, and word end the line at the right of
// the element's text, with room for a point's number (an li's) to its
// right in its section; it returns what does not hold.
const paragraphDirJS = `(function (sel, word, after) {
  var el = Array.prototype.find.call(document.querySelectorAll(sel), function (e) { return e.textContent.indexOf(word) >= 0; });
  if (!el) return ["no " + sel + " with " + word];
  function box(s) {
    var w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), t;
    while ((t = w.nextNode())) {
      var i = t.data.indexOf(s);
      if (i >= 0) { var r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + s.length); return r.getBoundingClientRect(); }
    }
    return null;
  }
  var a = box(word), b = box(after), e = el.getBoundingClientRect(), cs = getComputedStyle(el), bad = [];
  if (!a || !b) return [word + " / " + after + ": not found"];
  if (b.right > a.left + 1) bad.push(after + " ends at " + b.right + ", right of " + word + " from " + a.left);
  if (a.right < e.right - parseFloat(cs.paddingRight) - 2) bad.push(word + " ends at " + a.right + ", not at the right, " + e.right);
  // A point's number stands right of it, and needs room in its section.
  var c = (el.closest("section") || document.body).getBoundingClientRect();
  if (el.tagName === "LI" && a.right + 40 > c.right) bad.push("the number of the point has no room right of " + a.right + " in its section, to " + c.right);
  return bad;
})`

// TestBrowserMotionParagraphsReadInTheirDirection: on a phone and a
// laptop, a motion moved in the hall, its text unnumbered, with a first
// paragraph written left to right and a second in Arabic with a Latin
// word in it, shows the Arabic paragraph right to left and aligned
// right, on the motion's page and on a delegate's; and its point
// written in Arabic, on the delegate's page, the same. The pages are
// shot (bidi-paragraphs-SIZE-PAGE.png).
func TestBrowserMotionParagraphsReadInTheirDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes[:2] {
		t.Run(sz.name, func(t *testing.T) {
			h, _ := bidiHall(t, true)
			h.must("chair", "move_motion", obj{"id": "m9", "kind": "substantive", "title": "The reserve", "item": "i1",
				"text":   "The assembly decides as follows.\nالاحتفاظ باحتياطي EU للطوارئ",
				"points": []obj{{"number": "1", "text": "زيادة الأجور EU بنسبة ستة"}}})
			s := newSession(t, h)
			for _, c := range []struct{ who, path, name, sel, word, after string }{
				{"", "/a/coop/motions/m9", "motion", "#motion-text .motion-body", "الاحتفاظ", "EU"},
				{"boris", "/a/coop/delegate", "delegate", "#motions .motion-body", "الاحتفاظ", "EU"},
				{"boris", "/a/coop/delegate", "delegate", "#motions .points li", "زيادة", "EU"},
			} {
				p := s.openWith(c.who, sz.w, sz.h, c.path, false)
				for _, bad := range eval[[]string](s, p, fmt.Sprintf("%s(%q, %q, %q)", paragraphDirJS, c.sel, c.word, c.after)) {
					t.Errorf("%s %s: %s", c.name, c.sel, bad)
				}
				if wide := eval[int](s, p, `document.documentElement.scrollWidth`); wide > int(sz.w) {
					t.Errorf("%s is %d px wide on a %d px screen", c.name, wide, sz.w)
				}
				s.shot(p, fmt.Sprintf("bidi-paragraphs-%s-%s", sz.name, c.name))
			}
		})
	}
}
