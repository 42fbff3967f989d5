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
