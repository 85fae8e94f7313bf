// The script of every page. First the "Copy" button of "Cite this paper": without it (or without the clipboard) the
// citation is still there to select; the button only appears when copying can work.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-copy-target]");
  for (var i = 0; i < buttons.length; i++) {
    (function (button) {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target || !navigator.clipboard) return;
      button.hidden = false;
      var status = document.getElementById(button.getAttribute("data-copy-status"));
      button.addEventListener("click", function () {
        // Soft hyphens are for the eye only: the copied citation must not carry them.
        var text = target.textContent.replace(/\u00AD/g, "").replace(/\s+/g, " ").trim();
        navigator.clipboard.writeText(text).then(function () {
          if (status) status.textContent = button.getAttribute("data-copied");
        }, function () {
          if (status) status.textContent = button.getAttribute("data-copy-failed");
        });
      });
    })(buttons[i]);
  }
})();

// The header's search box: when it gets focus, the search index's files are fetched into the browser's cache, so
// the search page the reader is about to open starts its index from there (what the search page itself then loads
// at once; see search.js). Failures are nobody's concern here: the search page says what is wrong, if anything.
(function () {
  "use strict";
  var box = document.getElementById("site-search");
  var script = document.currentScript;
  if (!box || !script || window.location.protocol === "file:" || !window.fetch) return;
  var root = script.src.replace(/assets\/site\.js(\?.*)?$/, "");
  var warmed = false;
  function warm() {
    if (warmed) return;
    warmed = true;
    var files = ["assets/search.js", "assets/search/pagefind.js", "pagefind/pagefind.js", "pagefind/pagefind-worker.js",
      "pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css", "pagefind/wasm.en.pagefind"];
    files.forEach(function (file) { fetch(root + file).catch(function () {}); });
    fetch(root + "pagefind/pagefind-entry.json").then(function (response) { return response.ok ? response.json() : null; }).then(function (entry) {
      var languages = entry && entry.languages ? Object.keys(entry.languages) : [];
      languages.forEach(function (language) {
        fetch(root + "pagefind/pagefind." + entry.languages[language].hash + ".pf_meta").catch(function () {});
      });
    }).catch(function () {});
  }
  box.addEventListener("focus", warm);
})();
