// Offline-first check-in at the venue, shared by guidance's events and coordination's meetings (the server side
// of both speaks the same JSON; wadah/lib/checkin.py holds what they share in Python). The list of people is
// cached in localStorage; every check-in (QR scan, tick, typed code, walk-in) is queued there with a
// client-generated id and sent when the network allows. The server applies each id once, so a queue sent twice
// (a dropped answer, two tabs) counts every person once. With the service worker (docs/decisions/0010) the page
// itself also reloads without signal.
// Without JavaScript the page still works: the tick buttons and the code form post one check-in at a time.
// The page: <div id="checkin" data-store-key data-roster-url data-sync-url data-msg-…>; the roster JSON is
// {participants: [{id, code, name, organisation, position, walk_in, checked_in}]}.
(function () {
  "use strict";
  var root = document.getElementById("checkin");
  if (!root) { return; }
  var msg = root.dataset;
  var store = root.dataset.storeKey || ("wadah.checkin." + root.dataset.event);
  var keys = {
    roster: store + ".roster",
    queue: store + ".queue",
    problems: store + ".problems"
  };
  var csrf = (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  var QR_PREFIX = "WADAH-HADIR:";
  var syncing = false;
  var qrEngine = null;

  function load(key, fallback) {
    try { var v = JSON.parse(localStorage.getItem(key)); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function save(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function hhmm(date) {
    return ("0" + date.getHours()).slice(-2) + "." + ("0" + date.getMinutes()).slice(-2);
  }

  var roster = load(keys.roster, null);
  var queue = load(keys.queue, []);

  function pendingFor(id) {
    return queue.some(function (item) { return String(item.participant) === String(id); });
  }
  function byCode(code) {
    var list = (roster && roster.participants) || [];
    for (var i = 0; i < list.length; i++) { if (list[i].code === code) { return list[i]; } }
    return null;
  }

  function show(text, kind) {
    var box = document.getElementById("scan-result");
    box.className = "alert alert-" + (kind || "info");
    box.textContent = text;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function render() {
    var list = document.getElementById("roster");
    if (!roster) { return; }
    var people = roster.participants.slice();
    queue.forEach(function (item) {
      if (item.kind === "walk_in") {
        people.push({ id: "w-" + item.client_id, name: item.name, organisation: item.organisation, position: item.position, walk_in: true, checked_in: "", pending: true });
      }
    });
    list.textContent = "";
    var present = 0;
    people.forEach(function (p) {
      var li = el("li", "list-group-item d-flex justify-content-between align-items-center gap-2");
      li.dataset.id = p.id;
      var who = el("div");
      who.appendChild(el("strong", "", p.name));
      if (p.walk_in) { who.appendChild(document.createTextNode(" ")); who.appendChild(el("span", "badge bg-azure-lt", msg.msgWalkin)); }
      who.appendChild(el("br"));
      who.appendChild(el("small", "text-secondary", (p.organisation || "") + (p.position ? " · " + p.position : "")));
      li.appendChild(who);
      var pending = p.pending || pendingFor(p.id);
      if (p.checked_in) {
        present++;
        li.appendChild(el("span", "badge bg-green-lt", msg.msgPresent + " " + p.checked_in));
      } else if (pending) {
        present++;
        li.appendChild(el("span", "badge bg-orange-lt", msg.msgPending));
      } else {
        var button = el("button", "btn btn-sm js-tick", msg.msgTick);
        button.type = "button";
        button.dataset.participant = p.id;
        li.appendChild(button);
      }
      list.appendChild(li);
    });
    document.getElementById("present-count").textContent = present;
    document.getElementById("roster-count").textContent = people.length;
    document.getElementById("pending-count").textContent = queue.length;
    if (roster.saved_at) { document.getElementById("cache-note").textContent = msg.msgListCached + " " + roster.saved_at; }
    renderProblems();
  }

  function renderProblems() {
    var problems = load(keys.problems, []);
    var card = document.getElementById("problems-card");
    var list = document.getElementById("problems");
    list.textContent = "";
    card.classList.toggle("d-none", problems.length === 0);
    problems.forEach(function (p) { list.appendChild(el("li", "list-group-item", p)); });
  }

  function setOnline(online) {
    var badge = document.getElementById("net-status");
    badge.className = "badge text-wrap text-start " + (online ? "bg-green-lt" : "bg-orange-lt");
    badge.textContent = online ? msg.msgOnline : msg.msgOffline;
  }

  function enqueue(item) {
    item.client_id = uuid();
    item.at = new Date().toISOString();
    queue.push(item);
    save(keys.queue, queue);
    render();
    sync();
  }

  function checkInCode(raw) {
    var code = String(raw || "").trim();
    if (code.indexOf(QR_PREFIX) === 0) { code = code.slice(QR_PREFIX.length); }
    // A typed code may carry the spaces it is printed with (coordination's passes group theirs by four).
    code = code.replace(/\s+/g, "");
    var lower = code.toLowerCase();
    if (!byCode(code) && lower !== code && byCode(lower)) { code = lower; }
    if (!code) { return; }
    var person = byCode(code);
    if (person && (person.checked_in || pendingFor(person.id))) {
      show(msg.msgAlready + " " + person.name + (person.checked_in ? " (" + person.checked_in + ")" : ""), "warning");
      return;
    }
    if (person) {
      enqueue({ kind: "checkin", participant: person.id, code: code });
      show(msg.msgQueued + " " + person.name, "success");
    } else {
      enqueue({ kind: "checkin", code: code });
      show(msg.msgUnknownLocal, "warning");
    }
  }

  function fetchRoster() {
    return fetch(root.dataset.rosterUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        data.saved_at = hhmm(new Date());
        roster = data;
        save(keys.roster, roster);
        setOnline(true);
        render();
      })
      .catch(function () { setOnline(false); render(); });
  }

  function sync() {
    if (syncing || queue.length === 0) { return Promise.resolve(); }
    syncing = true;
    var batch = queue.slice();
    return fetch(root.dataset.syncUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ items: batch })
    })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        var done = {};
        var problems = load(keys.problems, []);
        data.results.forEach(function (result) {
          done[result.client_id] = true;
          if (!result.ok) { problems.push(result.message); }
        });
        save(keys.problems, problems);
        queue = queue.filter(function (item) { return !done[item.client_id]; });
        save(keys.queue, queue);
        var bad = data.results.filter(function (r) { return !r.ok; });
        if (bad.length) { show(bad[bad.length - 1].message, "danger"); } else if (!queue.length) { show(msg.msgSynced, "success"); }
        syncing = false;
        return fetchRoster();
      })
      .catch(function () { syncing = false; setOnline(false); render(); });
  }

  // Ticks, typed codes and walk-ins are queued instead of posted.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".js-tick") : null;
    if (button) {
      var person = ((roster && roster.participants) || []).filter(function (p) { return String(p.id) === button.dataset.participant; })[0];
      enqueue({ kind: "checkin", participant: button.dataset.participant });
      show(msg.msgQueued + " " + (person ? person.name : ""), "success");
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList.contains("tick-form")) {
      event.preventDefault();
      enqueue({ kind: "checkin", participant: form.querySelector("[name=participant]").value });
    } else if (form.id === "code-form") {
      event.preventDefault();
      var input = document.getElementById("code-input");
      checkInCode(input.value);
      input.value = "";
    } else if (form.id === "walkin-form") {
      event.preventDefault();
      var data = new FormData(form);
      if (!String(data.get("name") || "").trim()) { return; }
      enqueue({ kind: "walk_in", name: data.get("name"), organisation: data.get("organisation"), position: data.get("position"), phone: data.get("phone") });
      show(msg.msgQueued + " " + data.get("name"), "success");
      form.reset();
    }
  });

  // QR scanning with qr-scanner (served from node_modules). The decoding engine is loaded at once, so that a
  // scan still works after the signal is gone.
  function engine() {
    if (!qrEngine && window.QrScanner) { qrEngine = window.QrScanner.createQrEngine(); }
    return qrEngine;
  }
  var scanner = null;
  document.getElementById("scan-start").addEventListener("click", function () {
    var video = document.getElementById("scan-video");
    if (!window.QrScanner) { show(msg.msgNoCamera, "warning"); return; }
    if (scanner) { scanner.stop(); scanner = null; video.classList.add("d-none"); return; }
    video.classList.remove("d-none");
    var last = "";
    scanner = new window.QrScanner(video, function (result) {
      if (result.data && result.data !== last) { last = result.data; checkInCode(result.data); }
    }, { returnDetailedScanResult: true, preferredCamera: "environment", highlightScanRegion: true });
    scanner.start().catch(function () { show(msg.msgNoCamera, "warning"); video.classList.add("d-none"); scanner = null; });
  });
  document.getElementById("scan-file").addEventListener("change", function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file || !window.QrScanner) { return; }
    window.QrScanner.scanImage(file, { returnDetailedScanResult: true, qrEngine: engine() })
      .then(function (result) { checkInCode(result.data); })
      .catch(function () { show(msg.msgUnreadable, "warning"); })
      .then(function () { event.target.value = ""; });
  });

  document.getElementById("sync-now").addEventListener("click", function () { sync().then(fetchRoster); });
  window.addEventListener("online", function () { setOnline(true); sync(); });
  window.addEventListener("offline", function () { setOnline(false); });
  setInterval(function () { if (queue.length) { sync(); } }, 10000);

  render();
  fetchRoster().then(sync);
  if (window.QrScanner) { engine(); } else { window.addEventListener("load", engine); }
})();
