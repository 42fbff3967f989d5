// Wadah's service worker: the field pages work after a reload without signal (docs/decisions/0010).
//
// Served by wadah.views.service_worker at /sw.js (scope "/"), which puts `self.WADAH_OFFLINE = {version, static}`
// in front of this file. The version changes with every deploy that changes this file or the static manifest, so
// the browser installs the new worker and the old caches are dropped.
//
// What it keeps, and nothing else:
// - the HTML of the pages whose response says `X-Wadah-Offline: keep` (the guidance check-in, the live minutes,
//   the field report form — each opted in by its view with wadah.lib.offline.offline_page), as the server last
//   sent it to this signed-in user, at most KEEP_DAYS days;
// - the static files (/static/…) those pages load.
// Every other page goes to the network as if there were no worker, and is never stored. A kept page is fetched
// from the network first; only when that fails (or takes longer than NETWORK_WAIT_MS) is the kept copy shown.
// A kept page that now answers anything but 200 + keep (signed out, 404, not allowed any more) is forgotten, and
// offline.js forgets them all on any page seen signed out.
/* global self, caches, fetch, Headers, Response, URL */
"use strict";

var CONFIG = self.WADAH_OFFLINE || { version: "dev", static: "/static/" };
var PAGES = "wadah-pages-" + CONFIG.version;
var STATIC = "wadah-static-" + CONFIG.version;
var KEEP_HEADER = "X-Wadah-Offline";
var KEPT_AT = "X-Wadah-Kept-At";
var KEEP_DAYS = 7;
var NETWORK_WAIT_MS = 6000;
// A file name with a content hash (ManifestStaticFilesStorage, DEBUG=0) never changes: cache first. Others
// (DEBUG, or the qr-scanner worker that its script imports by its plain name) are served from the cache and
// refreshed behind it.
var HASHED = /\.[0-9a-f]{12}\.[A-Za-z0-9]+$/;

function isStatic(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(CONFIG.static) === 0;
}

function keepable(response) {
  return response && response.status === 200 && !response.redirected &&
    response.type === "basic" && response.headers.get(KEEP_HEADER) === "keep";
}

// The static files a kept page names: any quoted attribute value under STATIC_URL (scripts, styles, icons, and
// data-offline-asset for files a script loads itself).
function assetsOf(html) {
  var found = {};
  var pattern = /=\s*"([^"]+)"/g;
  var match;
  while ((match = pattern.exec(html)) !== null) {
    var value = match[1].replace(/&amp;/g, "&");
    if (value.indexOf(CONFIG.static) === 0) { found[new URL(value, self.location.origin).href] = true; }
  }
  return Object.keys(found);
}

// A copy of the response with the time it was kept, so that an old copy can be refused.
function stamped(response) {
  return response.clone().text().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set(KEPT_AT, String(Date.now()));
    return { body: body, response: new Response(body, { status: 200, statusText: "OK", headers: headers }) };
  });
}

function cacheAssets(urls, fallback) {
  return caches.open(STATIC).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return cache.match(url).then(function (have) {
        if (have && HASHED.test(new URL(url).pathname)) { return null; }
        return fetch(url, { credentials: "same-origin" }).then(function (response) {
          if (response.ok) { return cache.put(url, response); }
          throw new Error(String(response.status));
        }).catch(function () {
          // No network: carry the file over from the previous version's cache, if it has it.
          return fallback ? fallback.match(url).then(function (old) { return old ? cache.put(url, old) : null; }) : null;
        });
      });
    }));
  });
}

// Store (or forget) the page that answered `response` for `url`; then make sure its static files are kept too.
function remember(url, response, fallback) {
  return caches.open(PAGES).then(function (cache) {
    // A server error or a proxy's 502 says nothing about the page: keep the copy. Any other answer (signed out,
    // 403, 404, a page that no longer asks to be kept) forgets it.
    if (!keepable(response)) { return response.status >= 500 ? null : cache.delete(url); }
    return stamped(response).then(function (copy) {
      return cache.put(url, copy.response).then(function () { return cacheAssets(assetsOf(copy.body), fallback); });
    });
  });
}

function fresh(response) {
  var at = Number(response.headers.get(KEPT_AT) || 0);
  return Date.now() - at < KEEP_DAYS * 86400 * 1000;
}

// On install, the pages kept by the previous version are fetched again for this one (their HTML names the new
// static files); without a network, the old copies and their files are carried over, so a deploy never takes a
// kept page away from an officer in the field.
self.addEventListener("install", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var oldPages = names.filter(function (n) { return n.indexOf("wadah-pages-") === 0 && n !== PAGES; });
    var oldStatic = names.filter(function (n) { return n.indexOf("wadah-static-") === 0 && n !== STATIC; });
    return Promise.all(oldPages.map(function (name) {
      return caches.open(name).then(function (old) {
        return old.keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            return old.match(request).then(function (oldResponse) {
              if (!oldResponse || !fresh(oldResponse)) { return null; }
              var previous = oldStatic.length ? caches.open(oldStatic[0]) : Promise.resolve(null);
              return previous.then(function (oldFiles) {
                return fetch(request.url, { credentials: "same-origin" })
                  .then(function (response) { return remember(request.url, response, oldFiles); })
                  .catch(function () {
                    return oldResponse.clone().text().then(function (body) {
                      return caches.open(PAGES).then(function (cache) { return cache.put(request.url, oldResponse); })
                        .then(function () { return cacheAssets(assetsOf(body), oldFiles); });
                    });
                  });
              });
            });
          }));
        });
      });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return n.indexOf("wadah-") === 0 && n !== PAGES && n !== STATIC;
    }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function navigate(event) {
  var request = event.request;
  var url = request.url;
  return caches.open(PAGES).then(function (cache) {
    return cache.match(url).then(function (kept) {
      if (kept && !fresh(kept)) { cache.delete(url); kept = null; }
      var network = fetch(request).then(function (response) {
        event.waitUntil(remember(url, response.clone()));
        return response;
      });
      if (!kept) { return network; }
      // A kept page: the network's answer if it comes in time, else the kept copy (the answer still updates it).
      var timer;
      var late = new Promise(function (resolve) { timer = setTimeout(function () { resolve(null); }, NETWORK_WAIT_MS); });
      event.waitUntil(network.catch(function () { return null; }));
      return Promise.race([network.catch(function () { return null; }), late]).then(function (response) {
        clearTimeout(timer);
        return response && response.status < 500 ? response : kept;
      });
    });
  });
}

function staticFile(event) {
  var request = event.request;
  return caches.open(STATIC).then(function (cache) {
    return cache.match(request).then(function (kept) {
      if (!kept) { return fetch(request); } // not a kept page's file: the network, and nothing stored
      if (HASHED.test(new URL(request.url).pathname)) { return kept; }
      var refresh = fetch(request).then(function (response) {
        if (response.ok) { return cache.put(request, response.clone()).then(function () { return response; }); }
        return response;
      }).catch(function () { return null; });
      event.waitUntil(refresh);
      return kept;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") { event.respondWith(navigate(event)); return; }
  if (isStatic(url)) { event.respondWith(staticFile(event)); }
});

// From offline.js: "keep" — a kept page was just shown (perhaps before this worker controlled it): make sure it
// and its files are stored; "forget" — the browser is signed out: drop every kept page.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  function reply(message) { if (port) { port.postMessage(message); } }
  if (data.type === "keep" && typeof data.url === "string") {
    var url = new URL(data.url, self.location.origin);
    if (url.origin !== self.location.origin) { return; }
    url.hash = "";
    var extra = Array.isArray(data.assets) ? data.assets.filter(function (a) {
      return typeof a === "string" && isStatic(new URL(a, self.location.origin));
    }).map(function (a) { return new URL(a, self.location.origin).href; }) : [];
    event.waitUntil(caches.open(PAGES).then(function (cache) {
      return cache.match(url.href).then(function (kept) {
        var page = kept && fresh(kept) ? kept.clone().text().then(function (body) { return cacheAssets(assetsOf(body)); })
          : fetch(url.href, { credentials: "same-origin" }).then(function (response) { return remember(url.href, response); });
        return page.then(function () { return cacheAssets(extra); });
      });
    }).then(function () {
      return caches.open(PAGES).then(function (cache) { return cache.match(url.href); });
    }).then(function (kept) { reply({ kept: !!kept }); }, function () { reply({ kept: false }); }));
  } else if (data.type === "forget") {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("wadah-pages-") === 0; })
        .map(function (n) { return caches.delete(n); }));
    }).then(function () { reply({ forgotten: true }); }));
  }
});
