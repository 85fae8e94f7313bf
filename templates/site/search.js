// The search page: Pagefind's own interface over the index in pagefind/, loaded from here because the pages allow
// no inline script, and loaded rather than linked because the index exists only where it was built: without it
// the page says so instead of breaking. A query from the header's search box arrives as ?q=… and is run at once.
(function () {
  "use strict";
  var element = document.getElementById("search");
  var script = document.currentScript;
  if (!element || !script) return;
  // Browsers refuse the fetches Pagefind makes for its index on a page opened from disk (file://), so there the
  // page says where search works instead of showing a box that never answers.
  if (window.location.protocol === "file:") {
    element.textContent = element.getAttribute("data-from-disk");
    return;
  }
  var pagefind = script.src.replace(/assets\/search\.js(\?.*)?$/, "pagefind/");

  var styles = document.createElement("link");
  styles.rel = "stylesheet";
  styles.href = pagefind + "pagefind-ui.css";
  document.head.appendChild(styles);

  var ui = document.createElement("script");
  ui.src = pagefind + "pagefind-ui.js";
  ui.onerror = function () {
    element.textContent = element.getAttribute("data-unavailable");
  };
  ui.onload = function () {
    var search = new PagefindUI({ element: "#search", showSubResults: true, showImages: false, resetStyles: false });
    // Pagefind's box has only a placeholder; the page's visible label is tied to it once it exists.
    var tries = 0;
    (function labelInput() {
      var input = element.querySelector("input");
      if (input) input.id = "pagefind-query";
      else if (tries++ < 100) window.requestAnimationFrame(labelInput);
    })();
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) search.triggerSearch(query);
  };
  document.head.appendChild(ui);
})();
