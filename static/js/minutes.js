// Live minutes (notulen): the same approach as field-report.js. Everything here is optional: the page works
// without JavaScript (the Save button posts the text).
// - keeps a copy of the text in localStorage on every keystroke, so nothing is lost when the connection drops
//   (htmx saves the draft on the server every 20 s and when the writer leaves the field);
// - says so when a save fails for lack of a connection, and saves again as soon as the browser is back online;
// - on load, puts back a copy newer than the server's last save (e.g. typed offline, then the page reloaded) and
//   saves it.
// No inline scripts (CSP).
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-minutes]");
  if (!form) { return; }
  var key = form.dataset.draftKey;
  var text = form.querySelector("textarea[name=text]");
  var status = document.getElementById("autosave-status");

  function read() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function backup() {
    // base: the server's time of the save this text was typed on (never the phone's clock).
    var entry = { t: Date.now(), base: Number(form.dataset.saved || 0), v: text.value };
    try { localStorage.setItem(key, JSON.stringify(entry)); } catch (e) { /* storage full or off */ }
  }
  function saveNow() { form.dispatchEvent(new Event("wadah:online")); }

  var saved = Number(form.dataset.saved || 0);
  var copy = read();
  // A copy typed on this page's save or a later one wins (the page may be the device's older kept copy); a page saved
  // after the copy's base holds the text already.
  var newer = copy && (copy.base !== undefined ? copy.base >= saved : copy.t / 1000 > saved + 2);
  if (newer && typeof copy.v === "string" && copy.v !== text.value) {
    text.value = copy.v;
    var notice = document.querySelector("[data-draft-restored]");
    if (notice) { notice.classList.remove("d-none"); }
    // htmx binds its triggers on load; give it a moment, then send the restored text.
    window.setTimeout(saveNow, 300);
  } else if (copy && copy.v === text.value) {
    localStorage.removeItem(key);
  }

  text.addEventListener("input", backup);
  form.addEventListener("htmx:sendError", function () {
    if (status) { status.textContent = form.dataset.offlineText || ""; status.classList.add("text-danger"); }
  });
  form.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail && event.detail.successful) {
      if (status) { status.classList.remove("text-danger"); }
      var at = event.detail.xhr && event.detail.xhr.getResponseHeader("X-Wadah-Saved");
      if (at) { form.dataset.saved = at; }
      // The device's copy is kept even though the server has the text: the page may be shown again from the
      // device without signal (service worker, docs/decisions/0010) with the text as it was when it was loaded,
      // and the newer copy must then win. The next page load online removes it.
    }
  });
  window.addEventListener("online", saveNow);
  // Other forms on the page (decisions, action items) reload it: save the text first where possible. Without
  // signal a form would only end on the browser's error page: keep the text and say what to do instead.
  document.addEventListener("submit", function (event) {
    backup();
    if (!navigator.onLine) {
      event.preventDefault();
      if (status) { status.textContent = form.dataset.offlineText || ""; status.classList.add("text-danger"); }
    }
  }, true);
});
