// Field pages that survive a reload without signal (docs/decisions/0010). Loaded on every page; it does
// something only in two cases:
// - on a page the server marked as kept (<html data-offline="keep">: the guidance check-in, the live minutes, the
//   field report form), it registers the service worker (/sw.js) and asks it to keep this page and its files,
//   then says so on the page; shown from the device's copy (no signal), the page says that instead;
// - on any page seen signed out (<html data-signed-in="0">), it drops every kept page, so that the next person at
//   a shared computer or phone finds nothing of the last one's.
// The queues of check-ins and the drafts of minutes and field reports stay in localStorage (check-in.js,
// minutes.js, field-report.js) until the server has them. No inline scripts (CSP).
(function () {
  "use strict";
  var html = document.documentElement;
  if (!("serviceWorker" in navigator) || !window.caches) { return; }

  function forgetAll() {
    caches.keys().then(function (names) {
      names.forEach(function (name) { if (name.indexOf("wadah-pages-") === 0) { caches.delete(name); } });
    });
  }
  if (html.dataset.signedIn === "0") { forgetAll(); return; }
  if (html.dataset.offline !== "keep") { return; }

  var note = null;
  function say(state) {
    note = note || document.querySelector("[data-offline-note]");
    if (!note) { return; }
    if (!state || !note.dataset[state]) { note.classList.add("d-none"); return; }
    note.textContent = note.dataset[state];
    note.classList.remove("d-none");
    note.classList.toggle("alert-warning", state === "msgOffline");
    note.classList.toggle("alert-info", state !== "msgOffline");
  }
  function showState() { say(navigator.onLine ? (html.dataset.offlineReady ? "msgReady" : "") : "msgOffline"); }
  document.addEventListener("DOMContentLoaded", showState);
  window.addEventListener("offline", showState);

  var staticPrefix = location.origin + (html.dataset.static || "/static/");
  function keep(registration) {
    var worker = registration.active;
    if (!worker) { return; }
    // Files this page has loaded so far (scripts may load more than the HTML names, e.g. the QR decoder).
    var assets = (performance.getEntriesByType ? performance.getEntriesByType("resource") : [])
      .map(function (entry) { return entry.name; })
      .filter(function (name) { return name.indexOf(staticPrefix) === 0; });
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      if (event.data && event.data.kept) { html.dataset.offlineReady = "1"; showState(); }
    };
    worker.postMessage({ type: "keep", url: location.href.split("#")[0], assets: assets }, [channel.port2]);
  }
  navigator.serviceWorker.register(html.dataset.serviceWorker || "/sw.js", { scope: "/" })
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (registration) {
      // Shown from the copy without signal: keep it again (and say so) once the signal returns.
      window.addEventListener("online", function () { showState(); keep(registration); });
      if (!navigator.onLine) { return; }
      if (document.readyState === "complete") { keep(registration); } else {
        window.addEventListener("load", function () { keep(registration); });
      }
    })
    .catch(function () { /* no worker (private window, old browser): the page still works online */ });
})();
