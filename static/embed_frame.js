// Inside a letter's sign-on form framed by a coalition member's page: tell that page how tall
// this page is, so static/embed.js there can size the frame to fit, with no scroll bar of its
// own. Only the height is sent, to whatever page frames this one (it is no secret).
// A page sent back with errors puts focus on its error summary, as the letter's own page
// does with `autofocus`, which Chromium ignores in a frame from another site. It does so
// without scrolling: embed.js on the member's page brings the frame's top, where the summary
// is, into view (a scroll from here too would race with it and leave the frame half way).
(function () {
  "use strict";
  if (window.parent === window) return;
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) summary.focus({ preventScroll: true });
  var root = document.documentElement;
  var last = -1;
  function report(loaded) {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last && !loaded) return;
    last = height;
    window.parent.postMessage({ campaignEmbed: 1, height: height, loaded: loaded }, "*");
  }
  if ("ResizeObserver" in window) {
    new ResizeObserver(function () { report(false); }).observe(root);
  } else {
    window.addEventListener("resize", function () { report(false); });
  }
  report(true);
})();
