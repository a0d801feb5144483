// A form marked data-submit-once is sent once. A second tap or click while the first is on
// its way (a slow line, an impatient double tap) is ignored, so one signature brings one
// email, not a confirmation and then "someone tried to sign again". The button is marked
// busy and a status line (the attribute's value, in the page's language) says the form is
// being sent. After 30 seconds with no answer, or when the page comes back from the
// browser's history, the form can be sent again. Without this script the form still works.
(function () {
  "use strict";
  var RETRY_AFTER_MS = 30000;

  function status(form) {
    var line = form.querySelector(".form-status");
    if (!line) {
      line = document.createElement("p");
      line.className = "form-status";
      line.setAttribute("role", "status");
      form.appendChild(line);
    }
    return line;
  }

  function release(form) {
    if (!form.hasAttribute("data-sending")) return;
    form.removeAttribute("data-sending");
    form.querySelectorAll("[type=submit]").forEach(function (button) {
      button.removeAttribute("aria-disabled");
    });
    status(form).textContent = "";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute("data-submit-once")) return;
    if (form.hasAttribute("data-sending")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sending", "");
    form.querySelectorAll("[type=submit]").forEach(function (button) {
      button.setAttribute("aria-disabled", "true");
    });
    status(form).textContent = form.getAttribute("data-submit-once");
    window.setTimeout(function () { release(form); }, RETRY_AFTER_MS);
  });

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-sending]").forEach(release);
  });
})();
