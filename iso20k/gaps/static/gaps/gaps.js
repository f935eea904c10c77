// Gap list: the header checkbox ticks or clears every gap on the page. Progressive
// enhancement only (the list works without it); no inline scripts under the strict CSP.
(function () {
  "use strict";
  function wire(root) {
    root.querySelectorAll("#gap-table thead input[type=checkbox]").forEach(function (all) {
      if (all.dataset.wired) return;
      all.dataset.wired = "1";
      all.addEventListener("change", function () {
        document.querySelectorAll("#gap-table tbody input[name=gaps]").forEach(function (box) {
          box.checked = all.checked;
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    wire(document);
    if (window.htmx) window.htmx.onLoad(function (el) { wire(el.ownerDocument || document); });
  });
})();
