// Field report form (phone first). Everything here is optional: the form works without JavaScript.
// - keeps a copy of the text in localStorage so nothing is lost when the connection drops (the server draft is
//   saved by htmx every ~20 s and when a field loses focus);
// - fills the hidden latitude/longitude/accuracy/taken_at inputs from navigator.geolocation and the photo's time;
// - shows the Pasal 59 list only for a "possible violation".
// No inline scripts (CSP).
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-field-report]");
  if (!form) { return; }
  var key = form.dataset.draftKey;
  var skip = { csrfmiddlewaretoken: 1, latitude: 1, longitude: 1, accuracy: 1, taken_at: 1, photo: 1, ormas_search: 1 };

  function collect() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || skip[el.name] || el.type === "file" || el.type === "submit" || el.type === "button") { return; }
      if (el.type === "radio") { if (el.checked) { values[el.name] = el.value; } return; }
      values[el.name] = el.value;
    });
    return values;
  }

  // The copy records which server save it was typed on (base: the server's time of that save, never the phone's).
  function backup() {
    var entry = { t: Date.now(), base: Number(form.dataset.saved || 0), v: collect() };
    try { localStorage.setItem(key, JSON.stringify(entry)); } catch (e) { /* storage full or off */ }
  }

  function read(k) {
    try { return JSON.parse(localStorage.getItem(k) || "null"); } catch (e) { return null; }
  }

  // A "new" copy older than this draft's creation was saved by the server already.
  var created = Number(form.dataset.created || 0);
  if (created) {
    var fresh = read("wadah-field-report-new");
    if (fresh && fresh.t / 1000 <= created + 5) { localStorage.removeItem("wadah-field-report-new"); }
  }

  // Put back text that the server never received: a copy typed on this page's save or a later one (the page may be
  // the device's older kept copy, docs/decisions/0010). A page saved after the copy's base holds the text already.
  var saved = Number(form.dataset.saved || 0);
  var copy = read(key);
  var newer = copy && copy.v && (copy.base !== undefined ? copy.base >= saved : copy.t / 1000 > saved + 2);
  if (newer) {
    var changed = false;
    Object.keys(copy.v).forEach(function (name) {
      var fields = form.querySelectorAll("[name='" + name + "']");
      Array.prototype.forEach.call(fields, function (el) {
        if (el.type === "radio") {
          if (el.value === copy.v[name] && !el.checked) { el.checked = true; changed = true; }
        } else if (el.tagName !== "SELECT" && el.value !== copy.v[name]) {
          el.value = copy.v[name]; changed = true;
        }
      });
    });
    var notice = document.querySelector("[data-draft-restored]");
    if (changed && notice) { notice.classList.remove("d-none"); }
  } else if (copy && saved) {
    localStorage.removeItem(key);
  }
  form.addEventListener("input", backup);
  form.addEventListener("change", backup);
  // After a successful autosave the server holds the text; the copy is kept until the next page load decides.
  form.addEventListener("htmx:afterRequest", function (event) {
    var xhr = event.detail && event.detail.successful && event.detail.xhr;
    var at = xhr && xhr.getResponseHeader("X-Wadah-Saved");
    if (at) { form.dataset.saved = at; }
  });
  // Back online (the page may have been shown from the device's copy, docs/decisions/0010): save the draft now.
  window.addEventListener("online", function () { form.dispatchEvent(new Event("wadah:online")); });
  // Without signal, saving or submitting would end on the browser's error page: keep the text and say so.
  form.addEventListener("submit", function (event) {
    backup();
    if (!navigator.onLine) {
      event.preventDefault();
      var status = document.getElementById("autosave-status");
      if (status) { status.textContent = form.dataset.offlineText || ""; status.classList.add("text-danger"); }
    }
  });
  form.addEventListener("htmx:afterRequest", function (event) {
    var status = document.getElementById("autosave-status");
    if (status && event.detail && event.detail.successful) { status.classList.remove("text-danger"); }
  });

  // Pasal 59 list only for a possible violation.
  var prohibition = form.querySelector("[data-prohibition]");
  function toggle() {
    var chosen = form.querySelector("input[name=classification]:checked");
    if (prohibition) { prohibition.classList.toggle("d-none", !chosen || chosen.value !== "possible_violation"); }
  }
  Array.prototype.forEach.call(form.querySelectorAll("input[name=classification]"), function (el) {
    el.addEventListener("change", toggle);
  });
  toggle();

  // Position and time from the phone.
  var lat = form.querySelector("input[name=latitude]");
  var lng = form.querySelector("input[name=longitude]");
  var acc = form.querySelector("input[name=accuracy]");
  var taken = form.querySelector("input[name=taken_at]");
  var photo = form.querySelector("input[name=photo]");
  var button = form.querySelector("[data-locate]");
  var status = form.querySelector("[data-location-status]");
  function pad(n) { return String(n).padStart(2, "0"); }
  function stamp(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) + " " +
      pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds());
  }
  function locate() {
    if (!("geolocation" in navigator) || !lat || !lng) { return; }
    if (status) { status.textContent = status.dataset.busy || status.textContent; }
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(6);
      lng.value = position.coords.longitude.toFixed(6);
      if (acc) { acc.value = Math.round(position.coords.accuracy); }
      if (status) {
        status.dataset.located = "yes";
        status.textContent = lat.value + ", " + lng.value + " (± " + Math.round(position.coords.accuracy) + " m)";
      }
    }, function () { /* refused or unavailable: no position is recorded */ }, { enableHighAccuracy: true, timeout: 15000 });
  }
  if (button && "geolocation" in navigator) {
    button.classList.remove("d-none");
    button.addEventListener("click", locate);
  }
  if (photo) {
    photo.addEventListener("change", function () {
      var file = photo.files && photo.files[0];
      if (taken && file) { taken.value = stamp(new Date(file.lastModified || Date.now())); }
      if (lat && !lat.value) { locate(); }
    });
  }
});
