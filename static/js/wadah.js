// Small progressive enhancements; every page works without them. No inline scripts (CSP).
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.classList.contains("js-autosubmit") && target.form) {
    target.form.submit();
  }
});
// Move focus to the error summary so that screen-reader and keyboard users land on it.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
});
// Public pages load no Bootstrap JavaScript: close a dismissible message ourselves there.
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest("[data-bs-dismiss='alert']") : null;
  if (button && typeof window.bootstrap === "undefined") {
    var alert = button.closest(".alert");
    if (alert) { alert.remove(); }
  }
});
