// A page that answers a form's POST (the sign-on form sent back to correct) takes, in the
// browser's history, the address of the page the form is on: this script's data-address.
// Back to it from the next page, or a reload, then opens that page afresh, rather than
// asking to send the form again ("Confirm Form Resubmission") and showing the old errors.
// The address has no fragment (#sign-heading): Chromium would then skip `autofocus` and take
// focus off the error summary; the browser puts Back at the place it left anyway.
(function () {
  "use strict";
  var script = document.currentScript;
  var address = script && script.getAttribute("data-address");
  if (address && window.history && window.history.replaceState) {
    window.history.replaceState(null, "", address);
  }
})();
