// motions.js: on a motion's page, tapping a line's number picks the lines
// to amend: the first tap the first line, the second the last; the form
// then asks for them (without the script the numbers are typed in).
(function () {
  "use strict";
  var from = document.getElementById("pick-from");
  var to = document.getElementById("pick-to");
  if (!from || !to) return;
  var first = null;
  function mark(a, b) {
    document.querySelectorAll(".pickable .ln").forEach(function (p) {
      var n = +p.dataset.line;
      p.classList.toggle("picked", n >= a && n <= b);
    });
  }
  document.addEventListener("click", function (e) {
    var n = e.target.closest && e.target.closest(".pickable .ln .n");
    if (!n) return;
    var line = +n.parentElement.dataset.line;
    if (first === null || line < first) {
      first = line;
      from.value = line;
      to.value = line;
      mark(line, line);
      return;
    }
    to.value = line;
    mark(first, line);
    first = null;
    from.form.submit();
  });
})();
