// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // "Copy link": the clipboard when the browser allows it, otherwise select the text so
  // Ctrl+C / long-press copies it.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var input = document.getElementById(button.getAttribute("data-copy"));
    if (!input) return;
    var done = function () { button.textContent = "Copied"; };
    var fallback = function () {
      input.focus();
      input.select();
      button.textContent = "Press Ctrl+C to copy";
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, fallback);
    } else {
      fallback();
    }
  });
})();
