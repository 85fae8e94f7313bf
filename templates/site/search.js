// The search page: Pagefind's own interface over the site's index (the base in pagefind/ and the segments merged in
// by assets/search/pagefind.js), loaded from here because the pages allow no inline script, and loaded rather than
// linked because the index exists only where it was built: without it the page says so instead of breaking. The
// index starts loading as the page opens, not on the first query, so that query answers at once; the box is marked
// data-search-ready when it has. A query from the header's search box arrives as ?q=… and is run at once.
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
  var root = script.src.replace(/assets\/search\.js(\?.*)?$/, "");
  var pagefind = root + "pagefind/";
  var bundle = root + "assets/search/";
  import(bundle + "pagefind.js").then(function (index) {
    return index.whenReady();
  }).then(function () {
    element.setAttribute("data-search-ready", "true");
  }, function () {
    // No index yet: pagefind-ui.js is missing too, and its error below tells the reader.
  });

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
    var search = new PagefindUI({ element: "#search", bundlePath: bundle, showSubResults: true, showImages: false, resetStyles: false });
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
