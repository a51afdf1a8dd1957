/* Share menu: "Copy link" puts the personal link on the clipboard, then the form records it. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-button]");
    if (!button) return;
    var form = button.closest("form");
    var source = form && form.querySelector("[data-copy-source]");
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.value).catch(function () { source.select(); });
  });
})();
