// 适老化 mode: larger type and higher contrast, switched by the button in the header and
// remembered by this browser (localStorage, which works from file:// too). It runs in
// <head> so that a page opens in the mode without a flash. Pages are whole without it:
// the button stays hidden where scripts do not run, and where storage is refused the
// mode lasts for the page.
(function () {
  "use strict";
  var key = "disclose-care-mode";
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(key) === "on"; } catch (error) { return false; }
  }

  function store(on) {
    try {
      if (on) { window.localStorage.setItem(key, "on"); } else { window.localStorage.removeItem(key); }
    } catch (error) { /* no storage here: the mode lasts for this page */ }
  }

  function show(on) {
    root.classList.toggle("care-mode", on);
    var button = document.querySelector(".care-mode-switch");
    if (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); }
  }

  show(stored());
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".care-mode-switch");
    if (!button) { return; }
    show(root.classList.contains("care-mode"));
    button.hidden = false;
    button.addEventListener("click", function () {
      var on = !root.classList.contains("care-mode");
      show(on);
      store(on);
    });
  });
  // Another window of the same site switched it.
  window.addEventListener("storage", function (event) {
    if (event.key === key) { show(event.newValue === "on"); }
  });
}());
