// For a coalition member's page that shows a letter's sign-on form in a frame (the code given
// on the letter's staff page): each such frame grows and shrinks with the form inside it, and
// when a new page opens in the frame (errors to correct, or the thanks page) the frame's top
// is brought back into view. Without this script the frame keeps the height written in its
// code, and scrolls.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, window.location.href).origin;
  var flag = "campaignEmbed " + origin;
  if (window[flag]) return; // the code pasted twice: one listener is enough
  window[flag] = true;
  var loadedOnce = new WeakSet();

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.campaignEmbed !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 50 || height > 50000) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      frame.style.height = height + "px";
      if (data.loaded === true) {
        if (loadedOnce.has(frame) && frame.getBoundingClientRect().top < 0) {
          frame.scrollIntoView({ block: "start" });
        }
        loadedOnce.add(frame);
      }
      return;
    }
  });
})();
