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
    var status = document.querySelector('[data-copy-status="' + input.id + '"]');
    var say = function (text) {
      button.textContent = text;
      if (status) status.textContent = text;
    };
    var done = function () { say("Copied"); };
    var fallback = function () {
      input.focus();
      input.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      say(copied ? "Copied" : "Link selected: press Ctrl+C (or long-press) to copy");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, fallback);
    } else {
      fallback();
    }
  });
})();
