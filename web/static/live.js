// plenum live pages: progressive enhancement, no build step, no framework.
// Without this script every page works with reloads; with it:
//  - the page listens to the assembly's event stream and, after each event,
//    re-fetches its live regions (server-rendered HTML) and swaps them in;
//  - forms that give commands are sent with fetch, and the outcome is shown
//    without leaving the page;
//  - the speaking-time countdown runs against the server's clock.
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

  function fragmentURL() {
    var q = location.search ? location.search + "&" : "?";
    return location.pathname + q + "fragment=live";
  }

  // busy reports whether the person is using a region: typing in it, or a
  // form in it has been changed; such a region is left alone until later.
  function busy(el) {
    var a = document.activeElement;
    if (a && a !== body && el.contains(a) && /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName)) return true;
    return !!el.querySelector("form[data-dirty]");
  }

  var focusable = "a[href], button, input, select, textarea, summary";

  // swap puts the fresh content into the region, keeping the region itself
  // (so that screen readers announce the change in an aria-live region) and
  // keeping the keyboard focus on the same control if it is still there.
  function swap(old, fresh) {
    var a = document.activeElement, at = -1;
    if (a && old.contains(a)) at = Array.prototype.indexOf.call(old.querySelectorAll(focusable), a);
    var open = Array.prototype.map.call(old.querySelectorAll("details"), function (d) { return d.open; });
    old.replaceChildren.apply(old, Array.prototype.slice.call(fresh.childNodes));
    old.querySelectorAll("details").forEach(function (d, i) { if (open[i]) d.open = true; });
    if (at >= 0) {
      var c = old.querySelectorAll(focusable);
      (c[Math.min(at, c.length - 1)] || old).focus({ preventScroll: true });
    }
  }

  function refresh() {
    if (inflight) { again = true; return; }
    inflight = true;
    fetch(fragmentURL(), { credentials: "same-origin", headers: { "X-Plenum": "1" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelectorAll("[data-live][id]");
        var skipped = false;
        for (var i = 0; i < fresh.length; i++) {
          var old = document.getElementById(fresh[i].id);
          if (!old) continue;
          if (busy(old)) { skipped = true; continue; }
          swap(old, document.importNode(fresh[i], true));
        }
        startCountdowns();
        if (skipped) schedule(2000);
      })
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

  if (liveURL && window.EventSource && document.querySelector("[data-live]")) {
    var es = new EventSource(liveURL);
    var opened = false;
    es.onmessage = function (e) { if (ignore.indexOf(e.data) < 0) schedule(60); };
    es.onopen = function () {
      body.setAttribute("data-live-connected", "1");
      if (opened) schedule(0); // reconnected: catch up
      opened = true;
    };
    es.onerror = function () { body.removeAttribute("data-live-connected"); };
  }

  // Forms --------------------------------------------------------------------

  document.addEventListener("input", function (e) {
    var f = e.target.form;
    if (f && (f.classList.contains("act") || f.classList.contains("keep"))) f.setAttribute("data-dirty", "1");
  });

  function newKey() {
    var b = new Uint8Array(12), s = "web-";
    crypto.getRandomValues(b);
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    return s;
  }

  function show(ok, text) {
    var area = document.getElementById("flash");
    if (!area) return;
    var p = document.createElement("p");
    p.className = "msg " + (ok ? "ok" : "error");
    p.setAttribute("role", ok ? "status" : "alert");
    p.textContent = text;
    area.replaceChildren(p);
    if (!ok) area.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.classList.contains("act") || form.method.toLowerCase() !== "post") return;
    e.preventDefault();
    var data = new FormData(form, e.submitter || undefined);
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
        show(res.ok, res.ok ? res.message : res.error);
        if (res.ok) {
          form.removeAttribute("data-dirty");
          if (!form.closest("[data-live]")) form.reset();
          var k = form.querySelector("input[name=key]");
          if (k) k.value = newKey();
          schedule(0, true);
        }
      })
      .catch(function () { show(false, "The server could not be reached; nothing was sent. Try again."); })
      .then(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  });

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
        el.textContent = clock(left);
        el.classList.toggle("overtime", left < 0);
      } else {
        el.textContent = clock(now - Number(el.getAttribute("data-from")));
      }
    }
  }

  var ticking = null;
  function startCountdowns() {
    if (!ticking && document.querySelector("[data-countdown]")) ticking = setInterval(tick, 250);
    tick();
  }
  startCountdowns();
})();
