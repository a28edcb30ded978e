// plenum's picker: a search field for the long lists of names on the pages
// (templates/parts-setup.html, "picker"; and any list or table marked
// data-filter). Without this script a picker is a
// select, or a list of checkboxes, sorted by name; with it, typing a few
// letters of any part of a name (accents and case aside) narrows the list.
(function () {
  "use strict";

  var folds = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i", "ħ": "h" };
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[ßæœøđðłþıħ]/g, function (c) { return folds[c]; });
  }
  function matches(text, words) {
    for (var i = 0; i < words.length; i++) if (text.indexOf(words[i]) < 0) return false;
    return true;
  }

  // The page's words, in its language: the layout gives them on <body>
  // (data-t-…, from the catalog); the English stands if a page has none.
  function t(name, english, count) {
    var s = (document.body && document.body.getAttribute("data-t-" + name)) || english;
    return count === undefined ? s : s.replace("%d", count);
  }

  // afterReset runs again what the typing in a search field runs, once
  // its form is reset: a form sent from the page (live.js) is reset, which
  // empties the search field without an input event, and the list would
  // stay narrowed to the last search ("Found: 1") under an empty field.
  // The reset event comes before the fields are reset, hence the timeout.
  function afterReset(input, run) {
    if (input.form) input.form.addEventListener("reset", function () { setTimeout(run, 0); });
  }

  var n = 0;
  function searchField(label, controls) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "picker-search";
    input.id = "picker-search-" + (++n);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    input.setAttribute("aria-controls", controls);
    input.placeholder = t("type-to-search", "Type to search");
    var l = document.createElement("label");
    l.className = "sr-only";
    l.htmlFor = input.id;
    l.textContent = t("search", "Search: %s").replace("%s", label);
    var count = document.createElement("span");
    count.className = "picker-count meta";
    count.setAttribute("aria-live", "polite");
    return { input: input, label: l, count: count };
  }

  // A single choice: the select keeps every option; the search rebuilds it
  // with those that match (the chosen one stays), and shows it as a list.
  function single(box) {
    var select = box.querySelector("select");
    if (!select) return;
    var empty = select.options[0] && select.options[0].value === "" ? select.options[0] : null;
    var all = Array.prototype.filter.call(select.options, function (o) { return o !== empty; });
    if (all.length < 8) return; // short lists need no search
    var keys = all.map(function (o) { return fold(o.textContent); });
    var f = searchField(box.querySelector("label") ? box.querySelector("label").textContent : "", select.id);
    select.parentNode.insertBefore(f.label, select);
    select.parentNode.insertBefore(f.input, select);
    select.parentNode.insertBefore(f.count, select.nextSibling);
    function filter() {
      var words = fold(f.input.value).split(/\s+/).filter(Boolean);
      var chosen = select.value, shown = [];
      for (var i = 0; i < all.length; i++) {
        if (!words.length || matches(keys[i], words) || all[i].value === chosen) shown.push(all[i]);
      }
      select.replaceChildren.apply(select, (empty ? [empty] : []).concat(shown));
      select.value = chosen;
      if (words.length) {
        var hits = shown.filter(function (o) { return o.value !== chosen || matches(fold(o.textContent), words); }).length;
        f.count.textContent = t("found", "Found: %d", hits);
        if (hits === 1 && !chosen) {
          var only = shown.filter(function (o) { return matches(fold(o.textContent), words); })[0];
          if (only) select.value = only.value;
        }
        select.size = Math.max(2, Math.min(shown.length + (empty ? 1 : 0), 8));
      } else {
        f.count.textContent = "";
        select.size = 0;
      }
    }
    f.input.addEventListener("input", filter);
    afterReset(f.input, filter);
    f.input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault(); // Enter picks, it does not send the form
        var first = Array.prototype.find.call(select.options, function (o) { return o.value !== ""; });
        if (first) select.value = first.value;
        select.focus();
      } else if (e.key === "ArrowDown") {
        e.preventDefault();
        select.focus();
      }
    });
  }

  // Several choices: the search hides the checkboxes that do not match
  // (the ticked ones stay), and a line says how many are ticked.
  function many(box) {
    var items = Array.prototype.slice.call(box.querySelectorAll("li"));
    var boxes = box.querySelectorAll("input[type=checkbox]");
    var list = box.querySelector("ul");
    var named = box.querySelector("legend") || box.querySelector("[id$=-label]");
    var f = searchField(named ? named.textContent : "", list ? list.id : "");
    function tally() {
      var ticked = Array.prototype.filter.call(boxes, function (c) { return c.checked; }).length;
      f.count.textContent = ticked ? t("chosen", "Chosen: %d", ticked) : "";
    }
    if (items.length >= 8 && list) {
      var keys = items.map(function (li) { return fold(li.textContent); });
      list.parentNode.insertBefore(f.label, list);
      list.parentNode.insertBefore(f.input, list);
      var narrow = function () {
        var words = fold(f.input.value).split(/\s+/).filter(Boolean);
        items.forEach(function (li, i) {
          var c = li.querySelector("input");
          li.hidden = words.length > 0 && !matches(keys[i], words) && !(c && c.checked);
        });
      };
      f.input.addEventListener("input", narrow);
      afterReset(f.input, function () { narrow(); tally(); });
      f.input.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    }
    if (list) list.parentNode.insertBefore(f.count, list.nextSibling);
    box.addEventListener("change", tally);
    tally();
  }

  // A long list or table marked data-filter: the search hides the items
  // (or the table's rows) that do not match.
  function filterList(el) {
    var rows = Array.prototype.slice.call(el.tagName === "TABLE" ? el.querySelectorAll("tbody tr") : el.children);
    if (rows.length < 8) return;
    var keys = rows.map(function (r) { return fold(r.textContent); });
    if (!el.id) el.id = "picker-list-" + (++n);
    var f = searchField(el.getAttribute("aria-label") || t("the-list", "the list"), el.id);
    var at = el.closest(".table-wrap") || el;
    var own = el.getAttribute("data-filter-by") && document.getElementById(el.getAttribute("data-filter-by"));
    if (own) {
      // The page's own search field (a form that searches on the server)
      // filters as one types; Enter still sends the form.
      f.input = own;
    } else {
      at.parentNode.insertBefore(f.label, at);
      at.parentNode.insertBefore(f.input, at);
      f.input.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    }
    at.parentNode.insertBefore(f.count, at);
    f.input.addEventListener("input", function () {
      var words = fold(f.input.value).split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (r, i) {
        r.hidden = words.length > 0 && !matches(keys[i], words);
        if (!r.hidden) shown++;
      });
      f.count.textContent = words.length ? t("found", "Found: %d", shown) : "";
    });
  }

  // A picker searched on the server (data-source; a large assembly's
  // persons, web.PickPerson): as one types, the server's matches replace
  // the list, and the chosen stay. Without this script its search is a
  // form of its own (the Find button), which fetches the page again.
  function searched(box) {
    var input = box.querySelector(".picker-search");
    var status = box.querySelector(".picker-count");
    var select = box.querySelector("select");
    var list = box.querySelector("ul");
    var button = box.querySelector(".picker-find button");
    if (!input || !status || !(select || list)) return;
    if (button) button.hidden = true; // the search follows the typing
    var timer = 0, asked = 0, pending = null;

    // A name or a delegation in Arabic or Hebrew (or with a
    // bidirectional control) must not turn the text around it: in an
    // option, where no element can go, it is set between the isolating
    // characters U+2068 and U+2069; in a list, in <bdi>; as the server
    // writes them (web/bidi.go). The server sends the texts with their
    // overrides closed.
    function option(c) {
      var o = document.createElement("option");
      o.value = c.value;
      o.textContent = c.hint ? isolated(c.label) + " — " + isolated(c.hint) : isolated(c.label);
      return o;
    }
    function isolated(s) {
      return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u202a-\u202e\u2066-\u2069]|[\ud802\ud803\ud83a\ud83b]/.test(s) ? "\u2068" + s + "\u2069" : s;
    }
    function bdi(s) {
      if (s === isolated(s)) return s;
      var b = document.createElement("bdi");
      b.textContent = s;
      return b;
    }
    function item(c) {
      var li = document.createElement("li");
      var label = document.createElement("label");
      label.className = "check";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = list.getAttribute("data-name");
      box.value = c.value;
      var name = document.createElement("span");
      name.append(bdi(c.label));
      if (c.hint) {
        var hint = document.createElement("span");
        hint.className = "meta";
        hint.append("— ", bdi(c.hint));
        name.append(" ", hint);
      }
      label.append(box, " ", name);
      li.append(label);
      return li;
    }
    function show(res) {
      if (select) {
        var chosen = select.value;
        var kept = Array.prototype.filter.call(select.options, function (o) { return o.value === "" || o.value === chosen; });
        var found = res.choices.filter(function (c) { return c.value !== chosen; }).map(option);
        select.replaceChildren.apply(select, kept.concat(found));
        select.value = chosen;
        select.size = input.value.trim() ? Math.max(2, Math.min(kept.length + found.length, 8)) : 0;
      } else {
        var ticked = Array.prototype.filter.call(list.children, function (li) {
          var c = li.querySelector("input");
          return c && c.checked;
        });
        var have = {};
        ticked.forEach(function (li) { have[li.querySelector("input").value] = true; });
        var found = res.choices.filter(function (c) { return !have[c.value]; }).map(item);
        list.replaceChildren.apply(list, ticked.concat(found));
      }
      status.textContent = res.status;
    }
    function search() {
      clearTimeout(timer);
      var n = ++asked;
      pending = fetch(box.getAttribute("data-source") + "?q=" + encodeURIComponent(input.value), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then(function (res) { if (n === asked) { show(res); remember(); } })
        .catch(function () { if (n === asked) status.textContent = t("unreachable", "The server could not be reached."); });
      return pending;
    }
    // remember keeps the search in the page's address (?find-ID=words, as
    // its own form sends it without this script): the page's live
    // regions, fetched again after each event and each command (live.js),
    // then list what it finds now (not one just recorded as leaving the
    // hall, say), and a reload keeps it.
    function remember() {
      if (!input.name || !window.history || !history.replaceState) return;
      var u = new URL(location.href);
      if (input.value.trim()) u.searchParams.set(input.name, input.value);
      else u.searchParams.delete(input.name);
      if (u.href !== location.href) history.replaceState(history.state, "", u.href);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    // Enter picks the first found; the search's form is not sent.
    function pick() {
      search().then(function () {
        if (!select) return;
        var first = Array.prototype.find.call(select.options, function (o) { return o.value !== ""; });
        if (first && !select.value) select.value = first.value;
        select.focus();
      });
    }
    // Only the search's form of its own (find-ID): the search of a
    // picker that keeps its ticks (web.PickerSearch.Carry) is a field
    // of the form it belongs to, which it must not stop.
    if (input.form && input.hasAttribute("form")) {
      input.form.addEventListener("submit", function (e) {
        e.preventDefault();
        pick();
      });
    }
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        pick();
      } else if (e.key === "ArrowDown" && select) {
        e.preventDefault();
        select.focus();
      }
    });
  }

  // A choice that names a person for a picker (data-picks="ID": the
  // secretary's floor turn names its speaker): choosing an option that
  // says whom (data-pick; data-pick-label, the name as the picker lists
  // it) chooses them in the picker's select ID, and empties its search.
  // A picker narrowed by a search, or searched on the server, may not
  // list them: they are added (a narrowed picker puts its own option back
  // as its search is emptied, the chosen one staying).
  function picks(sel) {
    sel.addEventListener("change", function () {
      var o = sel.options[sel.selectedIndex];
      var value = o && o.getAttribute("data-pick");
      var target = document.getElementById(sel.getAttribute("data-picks"));
      if (!value || !target || target.tagName !== "SELECT" || target.value === value) return;
      var listed = Array.prototype.some.call(target.options, function (x) { return x.value === value; });
      if (!listed) {
        var add = document.createElement("option");
        add.value = value;
        add.textContent = o.getAttribute("data-pick-label") || value;
        target.appendChild(add);
      }
      target.value = value;
      target.dispatchEvent(new Event("change", { bubbles: true }));
      // A search that narrowed the picker is done with: the list is
      // whole again, the person chosen in it.
      var box = target.closest("[data-picker]");
      var search = box && box.querySelector(".picker-search");
      if (search && search.value) {
        search.value = "";
        search.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }

  function init() {
    document.querySelectorAll("[data-picker]").forEach(function (box) {
      if (box.hasAttribute("data-picker-ready")) return;
      box.setAttribute("data-picker-ready", "1");
      if (box.hasAttribute("data-source")) searched(box);
      else if (box.classList.contains("picker-many")) many(box);
      else single(box);
    });
    document.querySelectorAll("select[data-picks]").forEach(function (sel) {
      if (sel.hasAttribute("data-picks-ready")) return;
      sel.setAttribute("data-picks-ready", "1");
      picks(sel);
    });
    document.querySelectorAll("[data-filter]").forEach(function (el) {
      if (el.hasAttribute("data-picker-ready")) return;
      el.setAttribute("data-picker-ready", "1");
      filterList(el);
    });
  }
  init();
  // Live regions swapped in by live.js bring new pickers.
  new MutationObserver(init).observe(document.body, { childList: true, subtree: true });
})();
