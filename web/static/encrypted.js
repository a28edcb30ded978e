// The pages of an encrypted vote or election: the delegate's ballot is
// encrypted here,
// and the trustee's key is made here, with package ballot built to
// WebAssembly (/ballot/ballot.js). The trustee's private key file is
// offered as a download and read back from the file the trustee picks; it
// is never sent. Messages go to the JSON API as the logged-in person.
(function () {
  "use strict";
  var body = document.body;
  var asm = body.getAttribute("data-assembly");

  // The messages in the page's language (the layout's data-messages),
  // by key; in another language than English also what each code of the
  // ballot module's errors means.
  var msgs = {};
  try { msgs = JSON.parse(body.getAttribute("data-messages") || "{}"); } catch (e) { msgs = {}; }

  // t is the message of key, its %s or %d filled in with arg, isolated.
  function t(key, arg) {
    var s = msgs[key] || key;
    return arg === undefined ? s : s.replace(/%[sd]/, function () { return isolated(String(arg)); });
  }

  // isolated is s as it may be set into the page's own sentence: a text
  // with a letter written right to left (a name someone typed, quoted in
  // a refusal of the API) or a bidirectional control is set between the
  // isolating characters U+2068 and U+2069, as picker.js sets a choice
  // and the server a name (web/bidi.go), so that it cannot turn the
  // sentence around it; a U+2069 in it that closes nothing is dropped,
  // since it would end the isolate early, and an isolate it leaves open
  // is closed. Other texts are as they are.
  function isolated(s) {
    if (!/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u202a-\u202e\u2066-\u2069]|[\ud802\ud803\ud83a\ud83b]/.test(s)) return s;
    var open = 0;
    s = s.replace(/[\u2066-\u2069]/g, function (c) {
      if (c !== "\u2069") { open++; return c; }
      if (open === 0) return "";
      open--;
      return c;
    });
    return "\u2068" + s + "\u2069".repeat(open + 1);
  }

  // why says what went wrong: what the ballot module's error code means
  // in the page's language where the page gives it, else the message.
  function why(e) {
    return (e && e.code && msgs["ballot.error." + e.code]) || (e && e.message) || String(e);
  }

  function ballot() {
    if (!window.PlenumBallot) return Promise.reject(new Error(t("web.enc.no_module")));
    return window.PlenumBallot.load("/ballot/ballot.wasm");
  }

  // post sends a command whose arguments are given as JSON text, so that
  // the messages keep their canonical bytes.
  function post(cmd, argsJSON) {
    var rnd = new Uint8Array(16);
    crypto.getRandomValues(rnd);
    var key = Array.prototype.map.call(rnd, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return fetch("/api/assemblies/" + encodeURIComponent(asm) + "/commands", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Plenum": "1", "Idempotency-Key": key },
      body: '{"cmd":' + JSON.stringify(cmd) + ',"args":' + argsJSON + "}"
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.detail || j.title || t("web.enc.refused_status", r.status));
        return j;
      });
    });
  }

  function say(el, text, bad) {
    if (!el) return;
    el.textContent = text;
    el.classList.toggle("error", !!bad);
  }

  // The delegate's ballot, in two steps as a plain ballot's: the choice
  // (a vote's choice button, or the button that checks an election's ballot) shows the
  // confirmation in place of the ballot, naming what it casts, and sends
  // nothing; Confirm encrypts the ballot here and casts it; Change goes
  // back to the ballot as it was filled in. The ballot's buttons come
  // disabled (without this script nothing could encrypt it, and the page
  // says so): the script enables them, in the page as loaded and in each
  // region live.js redraws.
  function enable() {
    document.querySelectorAll("form.encrypted-ballot [data-needs-script][disabled]").forEach(function (b) { b.disabled = false; });
  }
  enable();
  new MutationObserver(enable).observe(body, { childList: true, subtree: true });

  // Choosing: the confirmation.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.classList || !form.classList.contains("encrypted-ballot")) return;
    ev.preventDefault();
    var status = form.querySelector(".encrypt-status");
    say(status, "");
    // One mark (0 or 1) per option, or the options in order of preference;
    // the question says what it takes, and the encryption refuses a ballot
    // that breaks it.
    var q = JSON.parse(form.getAttribute("data-question"));
    var by = ev.submitter && ev.submitter.classList.contains("choice") ? ev.submitter : null;
    var choice = by ? markOf(q, Number(by.value)) : q.kind === "ranking" ? rankingOf(form, status) : marksOf(form, q, status);
    if (!choice) return;
    confirmation(form, q, choice, by);
  });

  // confirmation shows the confirmation of choice in form in place of
  // its ballot, with the focus on Confirm. The form is busy meanwhile
  // (data-dirty): live.js leaves its region alone while the ballot is
  // still offered.
  function confirmation(form, q, choice, by) {
    var box = form.querySelector(".confirm");
    var labels = optionLabels(form);
    var chosen = box.querySelector(".enc-chosen");
    if (chosen) {
      var label = by ? by.textContent : labels[choice.indexOf(1)];
      chosen.textContent = isolated(label.toUpperCase());
      var btn = box.querySelector(".confirm-btn");
      btn.textContent = btn.getAttribute("data-t-confirm").replace("%s", function () { return isolated(label); });
    }
    var list = box.querySelector(".ballot-text");
    if (list) {
      var names = q.kind === "ranking" ? choice.map(function (i) { return labels[i]; }) : labels.filter(function (l, i) { return choice[i] === 1; });
      list.replaceChildren();
      (names.length ? names : [t("web.enc.blank")]).forEach(function (n) {
        var li = document.createElement("li");
        li.textContent = isolated(n);
        list.appendChild(li);
      });
    }
    form.pending = choice;
    form.setAttribute("data-dirty", "1");
    form.querySelector(".enc-choose").hidden = true;
    box.hidden = false;
    var c = box.querySelector(".confirm-btn");
    c.focus({ preventScroll: true });
    c.scrollIntoView({ block: "nearest" });
  }

  // optionLabels are the labels of form's options, by option (0-based).
  function optionLabels(form) {
    var out = [];
    form.querySelectorAll(".enc-choose button.choice, .enc-choose label").forEach(function (el) {
      var input = el.control || el.querySelector("input") || el;
      var i = Number(input.getAttribute("data-option") !== null ? input.getAttribute("data-option") : input.value);
      out[i] = el.textContent.trim();
    });
    return out;
  }

  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest && ev.target.closest("form.encrypted-ballot .confirm button");
    if (!btn) return;
    var form = btn.closest("form");
    if (btn.classList.contains("change")) {
      // Change: back to the ballot as it was filled in, the focus on its
      // heading, as a plain ballot's Change.
      form.pending = null;
      form.removeAttribute("data-dirty");
      say(form.querySelector(".encrypt-status"), "");
      form.querySelector(".confirm").hidden = true;
      form.querySelector(".enc-choose").hidden = false;
      var h = document.querySelector("#ballot h2[tabindex]");
      if (h) h.focus({ preventScroll: true });
      return;
    }
    if (btn.classList.contains("confirm-btn") && form.pending) cast(form, form.pending);
  });

  // cast encrypts the ballot choice of form and casts it; its receipt
  // then shows in place, with the focus.
  function cast(form, choice) {
    var status = form.querySelector(".encrypt-status");
    var buttons = form.querySelectorAll(".confirm button");
    buttons.forEach(function (b) { b.disabled = true; });
    say(status, t("web.enc.encrypting"));
    var vote = form.getAttribute("data-vote");
    var field = form.getAttribute("data-field") || "vote";
    var tracker = "";
    ballot().then(function (b) {
      var out = b.encryptBallot(form.getAttribute("data-key"), form.getAttribute("data-question"), form.getAttribute("data-voter"), JSON.stringify(choice));
      tracker = out.tracker;
      say(status, t("web.enc.casting"));
      // A proxy's ballot names the mandate it is cast for, to which
      // data-voter binds it.
      var forMandate = form.getAttribute("data-for-mandate");
      return post("cast_encrypted_ballot", '{"' + field + '":' + JSON.stringify(vote) + ',"voter":' + JSON.stringify(form.getAttribute("data-person")) +
        (forMandate ? ',"for_mandate":' + JSON.stringify(forMandate) : "") + ',"ballot":' + out.ballot + "}");
    }).then(function (res) {
      var entry = -1;
      (res.events || []).forEach(function (e) { if (e.type === "encrypted_ballot_cast") entry = e.index; });
      return fetch("/a/" + encodeURIComponent(asm) + "/receipt?entry=" + entry + "&fragment=receipt", { credentials: "same-origin" }).then(function (r) { return r.text(); });
    }).then(function (html) {
      form.hidden = true;
      form.pending = null;
      form.removeAttribute("data-dirty");
      var slot = document.getElementById("receipt-slot");
      slot.innerHTML = html;
      var shown = slot.querySelector("#ballot-tracker");
      if (!shown || shown.textContent !== tracker) {
        say(status, t("web.enc.tracker_mismatch", tracker), true);
        form.hidden = false;
        return;
      }
      // As live.js shows a plain ballot's receipt.
      (slot.querySelector("[tabindex]") || slot).focus({ preventScroll: true });
      slot.scrollIntoView({ block: "start" });
      // The page's regions anew (live.js): the ballot now says it is
      // cast, and a proxy's other ballots are still offered.
      document.dispatchEvent(new CustomEvent("plenum:recorded"));
    }).catch(function (e) {
      buttons.forEach(function (b) { b.disabled = false; });
      say(status, t("web.enc.not_cast", why(e)), true);
    });
  }

  // markOf is the marks of a vote's ballot whose choice button for the
  // option i (0-based) was pressed.
  function markOf(q, i) {
    var marks = [];
    for (var k = 0; k < q.options; k++) marks.push(k === i ? 1 : 0);
    return marks;
  }

  // marksOf is a choice ballot's marks, one 0 or 1 per option, or null
  // (said in status) when there are more or fewer than the question takes.
  function marksOf(form, q, status) {
    var inputs = form.querySelectorAll("input[name=choice]");
    var marks = [], n = 0;
    for (var i = 0; i < inputs.length; i++) {
      marks.push(inputs[i].checked ? 1 : 0);
      n += marks[i];
    }
    if (n < q.min || n > q.max) {
      // The page says how many the question takes, with its numbers.
      var count = form.getAttribute("data-t-count");
      say(status, q.min === q.max ? count : count + t("web.enc.marked", n), true);
      return null;
    }
    return marks;
  }

  // rankingOf is a ranked ballot: the options (0-based) in the order of
  // the ranks chosen, or null (said in status) when a rank is given twice
  // or one is skipped.
  function rankingOf(form, status) {
    var byRank = {}, ranks = [];
    var selects = form.querySelectorAll("select.enc-rank");
    for (var i = 0; i < selects.length; i++) {
      var r = selects[i].value;
      if (!r) continue;
      if (byRank[r] !== undefined) { say(status, t("web.enc.rank_twice", r), true); return null; }
      byRank[r] = Number(selects[i].getAttribute("data-option"));
      ranks.push(Number(r));
    }
    ranks.sort(function (a, b) { return a - b; });
    var order = [];
    for (var k = 0; k < ranks.length; k++) {
      if (ranks[k] !== k + 1) { say(status, t("web.enc.rank_missing", k + 1), true); return null; }
      order.push(byRank[ranks[k]]);
    }
    return order;
  }

  // The trustee's steps.
  // readKeyFile reads the key file chosen on the page (outside the live
  // region, so that an update does not lose it) and checks that it is a
  // key of this vote's election.
  function readKeyFile(task) {
    var input = document.getElementById("key-file");
    var file = input && input.files && input.files[0];
    if (!file) return Promise.reject(new Error(t("web.enc.choose_file")));
    return file.text().then(function (text) {
      var want = JSON.parse(task.getAttribute("data-params")).election, got = "";
      try { got = JSON.parse(text).parameters.election; } catch (e) { throw new Error(t("web.enc.not_key_file")); }
      if (got !== want) throw new Error(t("web.enc.other_vote", got));
      return text.trim();
    });
  }

  function trusteeStep(task, action) {
    var status = task.querySelector(".trustee-status");
    var vote = task.getAttribute("data-vote");
    var box = task.getAttribute("data-field") || "vote"; // a vote's or an election's
    var keys = task.getAttribute("data-keys");
    var dealings = task.getAttribute("data-dealings");
    var args = function (field, msg) { return '{"' + box + '":' + JSON.stringify(vote) + ',"' + field + '":' + msg + "}"; };
    say(status, t("web.enc.working"));
    return ballot().then(function (b) {
      if (action === "key") {
        var made = b.generateTrustee(task.getAttribute("data-params"), task.getAttribute("data-index"));
        var slot = document.getElementById("trustee-slot");
        var url = URL.createObjectURL(new Blob([made.secret + "\n"], { type: "application/json" }));
        var name = "trustee-" + asm + "-" + (box === "election" ? "election-" : "") + vote + "-" + task.getAttribute("data-index") + ".json";
        slot.innerHTML = "";
        var p = document.createElement("p");
        p.className = "msg warn";
        p.textContent = t("web.enc.key_made");
        var a = document.createElement("a");
        a.className = "button big key-download";
        a.href = url;
        a.download = name;
        a.textContent = t("web.enc.save_key", name);
        a.addEventListener("click", function () {
          post("post_trustee_key", args("key", made.key)).then(function () {
            p.textContent = t("web.enc.key_saved");
            p.appendChild(a);
          }).catch(function (e) { p.textContent = t("web.enc.not_published", why(e)); });
        }, { once: true });
        p.appendChild(a);
        slot.appendChild(p);
        say(status, t("web.enc.save_below"));
        return null;
      }
      return readKeyFile(task).then(function (secret) {
        if (action === "deal") return post("post_dealing", args("dealing", b.deal(secret, keys)));
        if (action === "confirm") return post("post_confirmation", args("confirmation", b.confirm(secret, keys, dealings)));
        if (action === "decrypt") return post("post_partial_decryption", args("decryption", b.partialDecrypt(secret, keys, dealings, task.getAttribute("data-key"), task.getAttribute("data-totals"))));
        throw new Error(t("web.enc.unknown_step", action));
      }).then(function () { say(status, t("web.enc.done")); });
    }).catch(function (e) { say(status, t("web.enc.refused", why(e)), true); });
  }

  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest && ev.target.closest("[data-trustee-action]");
    if (!btn) return;
    var task = btn.closest(".trustee-task");
    btn.disabled = true;
    trusteeStep(task, btn.getAttribute("data-trustee-action")).then(function () { btn.disabled = false; });
  });
})();
