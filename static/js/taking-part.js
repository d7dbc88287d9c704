// Taking part: small enhancements for asking, answering and replying. Every form on these
// pages also works without this file (plain posts and redirects); htmx does the in-place parts.
(function () {
  "use strict";

  function ready() {
    // Controls that only make sense with JavaScript, hidden in the HTML until now.
    document.querySelectorAll("[data-copy][hidden]").forEach(function (button) {
      button.hidden = false;
    });
    // The live preview replaces the "Preview" button a page without JavaScript needs.
    if (window.htmx) {
      document.querySelectorAll("[data-no-js]").forEach(function (element) {
        element.hidden = true;
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }

  // After a reply is posted in place, move focus to it (or to the field that needs fixing),
  // so keyboard and screen-reader users carry on where the new content is.
  document.addEventListener("htmx:afterSettle", function () {
    var focus = document.querySelector("[data-autofocus]") || document.querySelector(".is-new");
    if (!focus) return;
    focus.removeAttribute("data-autofocus");
    focus.classList.remove("is-new");
    focus.focus();
  });

  // A refusal (403) or a server error: say so next to what was clicked, instead of nothing.
  document.addEventListener("htmx:responseError", function (event) {
    var source = event.detail.elt;
    var form = source.closest("form") || source;
    var note = form.parentNode.querySelector(".refusal");
    if (!note) {
      note = document.createElement("p");
      note.className = "refusal";
      note.setAttribute("role", "alert");
      form.parentNode.insertBefore(note, form.nextSibling);
    }
    var status = event.detail.xhr.status;
    note.textContent = status === 403
      ? (event.detail.xhr.responseText.replace(/<[^>]*>/g, "").trim() ||
         "Sorry, you can't do that here.")
      : "Something went wrong on our side. Please try again in a moment.";
  });
})();
