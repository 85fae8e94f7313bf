// The site's only script: the "Copy" button of "Cite this paper". Without it (or without the clipboard) the
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
