// plenum live pages: progressive enhancement, no build step, no framework.
// Without this script every page works with reloads; with it:
//  - the page listens to the assembly's event stream (the JSON API's
//    server-sent events) and, after each event, re-fetches its live regions
//    (server-rendered HTML), swaps them in and announces what changed;
//  - forms that give commands are sent with fetch, and the outcome is shown
//    without leaving the page; a ballot is chosen, confirmed and receipted
//    in place, and a new ballot is brought to the screen and focused;
//  - the chair's frequent acts have keyboard shortcuts;
//  - the countdowns run against the server's clock;
//  - the projector scales its type down until it fits the screen.
(function () {
  "use strict";

  var body = document.body;
  var liveURL = body.getAttribute("data-live-url");

  // Live regions ------------------------------------------------------------

  var timer = null, inflight = false, again = false, last = 0;
  // A page may ask for fewer refreshes (a hall of phones during a vote of
  // thousands): at most one per data-live-min milliseconds, and none for
  // the event types in data-live-ignore.
  var minGap = Number(body.getAttribute("data-live-min")) || 0;
  var ignore = (body.getAttribute("data-live-ignore") || "").split(" ");
  // draft is a ballot posted for confirmation on the delegate's page: while
  // it is shown, the page's regions are fetched by posting it again, so that
  // an update elsewhere keeps the confirmation on the screen.
  var draft = null;

  function fragmentURL() {
    var q = location.search ? location.search + "&" : "?";
    return location.pathname + q + "fragment=live";
  }

  // busy reports whether the person is using a region: typing in it, or a
  // form in it has been changed; such a region is left alone until later.
  function busy(el) {
    var a = document.activeElement;
    if (a && a !== body && el.contains(a) && /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName)) return true;
    if (el.querySelector("details[open].confirm-danger")) return true;
    // A region inside a form (the hall tab's pickers) is the form's too.
    return !!el.querySelector("form[data-dirty]") || !!el.closest("form[data-dirty]");
  }

  // lapsed reports whether old, busy with the confirmation of an
  // encrypted ballot (encrypted.js), no longer offers that ballot in fresh
  // (the vote has closed, or the ballot was cast from another device): the
  // confirmation has lapsed, and the region is redrawn all the same.
  function lapsed(old, fresh) {
    var f = old.querySelector("form.encrypted-ballot[data-dirty]");
    if (!f) return false;
    var sel = "form.encrypted-ballot";
    ["data-field", "data-vote", "data-voter"].forEach(function (a) { sel += "[" + a + '="' + CSS.escape(f.getAttribute(a) || "") + '"]'; });
    return !fresh.querySelector(sel);
  }

  var focusable = "a[href], button, input, select, textarea, summary";

  // swap puts the fresh content into the region, keeping the region itself
  // and the keyboard focus on the same control if it is still there.
  function swap(old, fresh) {
    var a = document.activeElement, at = -1;
    if (a && old.contains(a)) at = Array.prototype.indexOf.call(old.querySelectorAll(focusable), a);
    var open = Array.prototype.map.call(old.querySelectorAll("details"), function (d) { return d.open; });
    for (var i = 0; i < fresh.attributes.length; i++) {
      var at2 = fresh.attributes[i];
      if (at2.name !== "id") old.setAttribute(at2.name, at2.value);
    }
    old.replaceChildren.apply(old, Array.prototype.slice.call(fresh.childNodes));
    old.querySelectorAll("details").forEach(function (d, i) { if (open[i]) d.open = true; });
    if (at >= 0) {
      var c = old.querySelectorAll(focusable);
      (c[Math.min(at, c.length - 1)] || old).focus({ preventScroll: true });
    }
  }

  // announce says what changed, once, in the page's polite live region:
  // each region carries its news in data-announce, and only news that
  // differs from what the region said before is read out.
  function announce(texts) {
    var area = document.getElementById("announcer");
    if (!area || !texts.length) return;
    area.textContent = "";
    setTimeout(function () { area.textContent = texts.join(" "); }, 50);
  }

  // apply puts the server's fresh regions into the page, leaving alone a
  // region the person is busy in, except answered: the region holding the
  // form whose answer this is (a drafted ballot's confirmation replaces the
  // ballot the person was filling in, however busy it looks).
  function apply(html, answered) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.querySelectorAll("[data-live][id]");
    var skipped = false, news = [];
    var before = ballotOffered();
    for (var i = 0; i < fresh.length; i++) {
      var old = document.getElementById(fresh[i].id);
      if (!old) continue;
      if (old !== answered && busy(old) && !lapsed(old, fresh[i])) { skipped = true; continue; }
      var said = (old.getAttribute("data-announce") || "").trim();
      var says = (fresh[i].getAttribute("data-announce") || "").trim();
      swap(old, document.importNode(fresh[i], true));
      if (says && says !== said) news.push(says);
    }
    announce(news);
    startCountdowns();
    fit();
    var now = ballotOffered();
    if (now && now !== before) bringBallot();
    return skipped;
  }

  function refresh() {
    if (inflight) { again = true; return; }
    inflight = true;
    var req = { credentials: "same-origin", headers: { "X-Plenum": "1" } };
    var url = fragmentURL();
    if (draft) {
      req.method = "POST";
      req.body = new URLSearchParams(draft);
      url = location.pathname + "?fragment=live";
    }
    fetch(url, req)
      .then(function (r) {
        // The page's session has ended (its code revoked or replaced, or
        // logged out from another device): loaded again, the page sends
        // the browser to the login page, which tells the person why.
        if (r.status === 401) location.reload();
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) { if (apply(html)) schedule(2000); })
      .catch(function () { schedule(3000); })
      .then(function () { inflight = false; if (again) { again = false; schedule(50); } });
  }

  // schedule coalesces a burst of events (a thousand ballots) into one fetch,
  // spread a little so that a hall of phones does not ask at the same instant.
  // now (after the person's own action) skips the wait.
  function schedule(ms, now) {
    if (now) { clearTimeout(timer); timer = null; }
    if (timer) return;
    var wait = now ? 0 : Math.max(ms, last + minGap - Date.now()) + Math.floor(Math.random() * (150 + minGap));
    timer = setTimeout(function () { timer = null; last = Date.now(); refresh(); }, wait);
  }

  // listen opens the event stream. The browser reconnects by itself after a
  // dropped connection, but gives up for good on an answer that is not 200
  // (a 503 while the database is out, a 409 from a node of a cluster that
  // has not caught up yet): then a fresh stream is opened a few seconds
  // later, spread so that a hall of phones does not come back at once, and
  // the page catches up when it opens.
  var opened = false;
  function listen() {
    var es = new EventSource(liveURL);
    es.onmessage = function (e) {
      var type = "";
      try { type = JSON.parse(e.data).type || ""; } catch (err) { type = ""; }
      if (ignore.indexOf(type) < 0) schedule(60);
    };
    es.onopen = function () {
      body.setAttribute("data-live-connected", "1");
      if (opened) schedule(0); // reconnected: catch up
      opened = true;
    };
    es.onerror = function () {
      body.removeAttribute("data-live-connected");
      opened = true; // whatever opens next has missed something: catch up
      if (es.readyState === EventSource.CLOSED) {
        setTimeout(listen, 2000 + Math.floor(Math.random() * 3000));
      }
    };
  }
  if (liveURL && window.EventSource && document.querySelector("[data-live]")) listen();
  // A script that has recorded what the page leaves out of its live events
  // (encrypted.js: an encrypted ballot, whose entries the delegate's page
  // ignores) asks for the regions at once, so that the ballot it cast
  // shows as cast and a proxy's next ballot stays offered.
  document.addEventListener("plenum:recorded", function () { schedule(0, true); });

  // The ballot ----------------------------------------------------------------

  function ballotOffered() {
    var b = document.getElementById("ballot");
    return b ? b.getAttribute("data-ballot") || "" : "";
  }

  // bringBallot puts a ballot that has just opened at the top of the screen
  // and gives it the focus; an earlier receipt folds away beneath it.
  function bringBallot() {
    var b = document.getElementById("ballot");
    if (!b) return;
    var slot = document.getElementById("receipt-slot");
    if (slot && slot.firstElementChild && slot.firstElementChild.tagName !== "DETAILS") {
      var d = document.createElement("details");
      var s = document.createElement("summary");
      s.textContent = slot.getAttribute("data-earlier") || document.body.getAttribute("data-t-earlier-receipt") || "Your earlier receipt";
      d.appendChild(s);
      while (slot.firstChild) d.appendChild(slot.firstChild);
      d.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      d.querySelectorAll("[aria-labelledby]").forEach(function (el) { el.removeAttribute("aria-labelledby"); });
      slot.appendChild(d);
    }
    // Scroll only if the first ballot's buttons are not all on the screen.
    var form = b.querySelector("form");
    var btns = form ? form.querySelectorAll("button") : [];
    var lastBtn = btns.length ? btns[btns.length - 1] : b;
    if (b.getBoundingClientRect().top < 0 || lastBtn.getBoundingClientRect().bottom > window.innerHeight) {
      b.scrollIntoView({ block: "start" });
    }
    var h = b.querySelector("h2[tabindex]");
    if (h) h.focus({ preventScroll: true });
  }

  // A page sent back with a refusal (a form posted without the script's
  // help, as the receipt of a secret ballot is asked for, and refused)
  // gives the focus to the refusal, so that it is read first, rather than
  // to a ballot open meanwhile.
  window.addEventListener("load", function () {
    var alert = document.querySelector("#flash [role=alert]");
    if (alert) {
      alert.setAttribute("tabindex", "-1");
      alert.focus();
      return;
    }
    if (ballotOffered()) bringBallot();
  });

  // showReceipt loads the receipt of the ballot just cast into the page.
  function showReceipt(url) {
    var slot = document.getElementById("receipt-slot");
    if (!slot) { location.assign(url); return; }
    fetch(url + "&fragment=receipt", { credentials: "same-origin", headers: { "X-Plenum": "1" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        slot.innerHTML = html;
        var h = slot.querySelector("[tabindex]") || slot;
        h.focus({ preventScroll: true });
        slot.scrollIntoView({ block: "start" });
      })
      .catch(function () { location.assign(url); });
  }

  // Forms --------------------------------------------------------------------

  document.addEventListener("input", function (e) {
    var f = e.target.form;
    if (f && (f.classList.contains("act") || f.classList.contains("keep"))) f.setAttribute("data-dirty", "1");
  });

  // The console's vote: choosing the encrypted method unfolds the fields
  // of its trustees (parts-encrypted.html), another folds them.
  document.addEventListener("change", function (e) {
    var t = e.target, d = t.form && t.name === "a:method" && t.form.querySelector("details.enc-setup");
    if (d) d.open = t.value === "encrypted";
  });

  function newKey() {
    var b = new Uint8Array(12), s = "web-";
    crypto.getRandomValues(b);
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    return s;
  }

  // show puts the outcome of a form in the flash area at the top of the
  // page. A form sent from far down the page (the chair's motion form)
  // says a success where it is as well, when the top is out of sight: the
  // person need not scroll up to see it was recorded. (An error brings
  // the top into sight.)
  function show(ok, text, form) {
    var area = document.getElementById("flash");
    if (!area) return;
    var p = document.createElement("p");
    p.className = "msg " + (ok ? "ok" : "error");
    p.setAttribute("role", ok ? "status" : "alert");
    p.textContent = text;
    area.replaceChildren(p);
    document.querySelectorAll(".form-flash").forEach(function (el) { el.remove(); });
    if (!ok) { area.scrollIntoView({ block: "nearest" }); return; }
    if (!form) return;
    var r = area.getBoundingClientRect();
    if (r.bottom > 0 && r.top < window.innerHeight) return;
    var near = p.cloneNode(true);
    near.classList.add("form-flash");
    near.removeAttribute("role"); // the flash at the top says it to a screen reader
    // After the form's live region or folded box, which may be redrawn or
    // closed next.
    var after = form.closest("[data-live]") || form.closest("details") || form;
    after.insertAdjacentElement("afterend", near);
    near.scrollIntoView({ block: "center" }); // room for a region above that a live update redraws taller
  }

  function formData(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    return data;
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.method.toLowerCase() !== "post") return;
    if (form.classList.contains("draft")) {
      // A ballot to confirm: the page shows the confirmation in place.
      e.preventDefault();
      draft = formData(form, e.submitter);
      // The answer is this form's region redrawn (the confirmation, or the
      // ballot filled in again with a refusal): it must replace the form the
      // person has been filling in, which therefore looks busy.
      var region = form.closest("[data-live]");
      fetch(location.pathname + "?fragment=live", {
        method: "POST", credentials: "same-origin", headers: { "X-Plenum": "1" }, body: new URLSearchParams(draft)
      })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
        .then(function (html) {
          apply(html, region);
          var c = document.querySelector("#ballot .confirm-btn, #ballot [role=alert]");
          if (c) { c.focus({ preventScroll: true }); c.scrollIntoView({ block: "nearest" }); }
        })
        .catch(function () { draft = null; show(false, document.body.getAttribute("data-t-unreachable") || "The server could not be reached; nothing was sent. Try again."); });
      return;
    }
    if (!form.classList.contains("act")) return;
    e.preventDefault();
    var data = formData(form, e.submitter);
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST", credentials: "same-origin",
      headers: { "X-Plenum": "1", "Accept": "application/json" },
      body: new URLSearchParams(data)
    })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (res.redirect) { location.assign(res.redirect); return; }
        show(res.ok, res.ok ? res.message : res.error, form);
        if (res.ok) {
          form.removeAttribute("data-dirty");
          if (!form.closest("[data-live]")) form.reset();
          var k = form.querySelector("input[name=key]");
          if (k) k.value = newKey();
          var d = form.closest("details.confirm-danger");
          if (d) d.open = false;
          if (res.receipt) { draft = null; showReceipt(res.receipt); }
          schedule(0, true);
        }
      })
      .catch(function () { show(false, document.body.getAttribute("data-t-unreachable") || "The server could not be reached; nothing was sent. Try again."); })
      .then(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  });

  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-change]");
    if (!a) return;
    // Change: back to the ballot, without a reload.
    e.preventDefault();
    draft = null;
    schedule(0, true);
    var h = document.querySelector("#ballot h2[tabindex]");
    if (h) h.focus({ preventScroll: true });
  });

  // Keyboard shortcuts ----------------------------------------------------------

  function visible(el) { return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length); }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    var t = e.target;
    if (t && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable)) return;
    var key = e.key === "Enter" ? "enter" : (e.key || "").toLowerCase();
    if (key === "enter" && t && t !== body && /^(A|BUTTON|SUMMARY)$/.test(t.tagName)) return; // Enter on a control is the control's
    if (key.length !== 1 && key !== "enter") return;
    // Enter gives the next step shown at the top; a letter its act.
    var cands = document.querySelectorAll(key === "enter" ? ".next-btn" : '[data-key="' + key + '"]');
    for (var i = 0; i < cands.length; i++) {
      if (visible(cands[i]) && !cands[i].disabled) {
        e.preventDefault();
        cands[i].click();
        return;
      }
    }
  });

  // The tab of the page one is on is in sight, however narrow the screen.
  var tab = document.querySelector(".tabs [aria-current]");
  if (tab && tab.scrollIntoView) tab.scrollIntoView({ block: "nearest", inline: "nearest" });

  // Countdown ----------------------------------------------------------------

  function clock(ms) {
    var s = Math.round(Math.abs(ms) / 1000);
    var m = Math.floor(s / 60); s = s % 60;
    return (ms < 0 ? "\u2212" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function tick() {
    var els = document.querySelectorAll("[data-countdown]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el._offset === undefined) el._offset = Number(el.getAttribute("data-server-now")) - Date.now();
      var now = Date.now() + el._offset;
      var ends = Number(el.getAttribute("data-ends"));
      if (ends > 0) {
        var left = ends - now;
        // A countdown of the screens stops at 0:00; a speaker's runs on
        // into overtime.
        if (left < 0 && el.hasAttribute("data-stop")) left = 0;
        el.textContent = clock(left);
        el.classList.toggle("overtime", left <= 0);
      } else {
        el.textContent = clock(now - Number(el.getAttribute("data-from")));
      }
    }
  }

  // The projector's clock is the hall's time of day (hours and minutes):
  // the server's clock, in the zone the server gives (data-zone, minutes
  // ahead of UTC), not the screen computer's.
  function clocks() {
    var els = document.querySelectorAll("[data-clock]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el._offset === undefined) el._offset = Number(el.getAttribute("data-server-now")) - Date.now();
      var d = new Date(Date.now() + el._offset + Number(el.getAttribute("data-zone")) * 60000);
      var m = d.getUTCMinutes(), text = d.getUTCHours() + ":" + (m < 10 ? "0" : "") + m;
      if (d.getUTCHours() < 10) text = "0" + text;
      if (el.textContent !== text) el.textContent = text;
    }
  }

  var ticking = null;
  function startCountdowns() {
    if (!ticking && document.querySelector("[data-countdown], [data-clock]")) ticking = setInterval(function () { tick(); clocks(); }, 250);
    clocks();
    tick();
  }
  startCountdowns();

  // The projector fits its screen -----------------------------------------------

  // fit scales the type of a page marked data-fit down, step by step, until
  // the page is no larger than the window and every word is whole on its
  // line: nothing is cut off, nobody has to scroll a projector, and no
  // title is broken mid-word on a phone. The projector's style keeps words
  // whole (plenum.css), so a word too long for its line overflows its text,
  // which is what is measured. A text with such a word is made smaller
  // alone first (to a quarter of its size, not below 14 px), so that one
  // long word does not shrink the whole screen; a list is such a text as a
  // whole, its items made smaller together, so that the names elected or
  // the lists' votes stand in one size side by side; then the whole page is
  // (to 0.3 at most); a word that is still too long then breaks rather than
  // run off the screen.
  function fit() {
    var box = document.querySelector("[data-fit]");
    if (!box) return;
    var root = document.documentElement;
    var scale = 1;
    var texts = box.querySelectorAll("h1, p, li, figcaption");
    var units = [];
    var i;
    for (i = 0; i < texts.length; i++) {
      var u = texts[i].tagName === "LI" && texts[i].parentElement ? texts[i].parentElement : texts[i];
      if (units.indexOf(u) < 0) units.push(u);
    }
    var wide = function (el) { return el.scrollWidth > el.clientWidth + 1; }; // a word wider than its line
    var wideUnit = function (u) {
      if (wide(u)) return true;
      if (u.tagName !== "OL" && u.tagName !== "UL") return false;
      for (var j = 0; j < u.children.length; j++) {
        if (wide(u.children[j])) return true;
      }
      return false;
    };
    var over = function () {
      if (root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth) return true;
      for (var i = 0; i < units.length; i++) {
        if (wideUnit(units[i])) return true;
      }
      return false;
    };
    body.style.setProperty("--fit", "1");
    for (i = 0; i < units.length; i++) {
      units[i].style.removeProperty("font-size");
      units[i].classList.remove("fit-break");
    }
    for (i = 0; i < units.length; i++) {
      var el = units[i];
      if (!wideUnit(el)) continue;
      var px = parseFloat(getComputedStyle(el).fontSize), k = 1;
      while (k > 0.25 && px * (k - 0.05) >= 14 && wideUnit(el)) {
        k = Math.round((k - 0.05) * 100) / 100;
        el.style.fontSize = "calc(" + px + "px * var(--fit) * " + k + ")";
      }
    }
    while (scale > 0.3 && over()) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      body.style.setProperty("--fit", String(scale));
    }
    for (i = 0; i < units.length; i++) {
      if (wideUnit(units[i])) units[i].classList.add("fit-break");
    }
    body.setAttribute("data-fit-scale", String(scale));
  }
  fit();
  window.addEventListener("resize", fit);
})();
