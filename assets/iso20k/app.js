// iso20k: progressive enhancement only. Every page works without this file.
// No inline scripts anywhere (strict CSP): behaviour is attached here, on load and after htmx swaps.
(function () {
  "use strict";

  function charts(root) {
    if (typeof window.echarts === "undefined") return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      var source = document.getElementById(el.dataset.chart);
      if (!source || el.dataset.chartReady) return;
      var option = JSON.parse(source.textContent);
      var chart = window.echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option);
      el.dataset.chartReady = "1";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  function autosubmit(root) {
    root.querySelectorAll("form[data-autosubmit] select, form[data-autosubmit] input[type=checkbox]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.requestSubmit(); });
    });
  }

  function announce(root) {
    var live = document.getElementById("live-region");
    var source = root.querySelector && root.querySelector("[data-announce]");
    if (live && source) live.textContent = source.dataset.announce;
  }

  function init(root) { charts(root); autosubmit(root); announce(root); }

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
    if (window.htmx) window.htmx.onLoad(function (el) { init(el); });
  });
})();
