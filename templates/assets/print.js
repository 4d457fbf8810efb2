// The 打印 button of a record page: shown only where scripts run, since it needs
// window.print(); the browser's own print command works without it.
(function () {
  "use strict";
  var button = document.querySelector(".print-page");
  if (!button || typeof window.print !== "function") { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
}());
