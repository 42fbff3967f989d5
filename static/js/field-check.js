// Field check: fill the hidden latitude/longitude/taken_at inputs from the phone when the officer allows it.
// The form works without it (no position is then recorded). No inline scripts (CSP).
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-geolocate]");
  if (!form) { return; }
  var lat = form.querySelector("input[name=latitude]");
  var lng = form.querySelector("input[name=longitude]");
  var taken = form.querySelector("input[name=taken_at]");
  var photo = form.querySelector("input[name=photo]");
  var status = form.querySelector("[data-geolocate-status]");
  function locate() {
    if (!("geolocation" in navigator) || !lat || !lng) { return; }
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(6);
      lng.value = position.coords.longitude.toFixed(6);
      if (status) { status.dataset.located = "yes"; }
    }, function () { /* refused or unavailable: nothing is recorded */ }, { enableHighAccuracy: true, timeout: 15000 });
  }
  if (photo) {
    photo.addEventListener("change", function () {
      if (taken) {
        var now = new Date();
        var pad = function (n) { return String(n).padStart(2, "0"); };
        taken.value = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + " " +
          pad(now.getHours()) + ":" + pad(now.getMinutes()) + ":" + pad(now.getSeconds());
      }
      locate();
    });
  }
});
