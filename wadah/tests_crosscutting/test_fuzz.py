"""No hostile query or form value makes any page answer 5xx, for any role.

Generated from the URL map: every pattern of get_resolver() (the admin's included) is filled with real objects
of the demo dataset, found by crawling the pages each role can reach (links and form actions), and with dummy
values where no page links to it. Each concrete URL is then sent GET requests whose query parameters (the names its
forms and links use, plus common ones) carry hostile values, and POST requests whose form fields (the names of the
forms on its page, or posting to it) do: huge and negative numbers, text where numbers go, NUL bytes, 10 kB strings,
right-to-left marks and emoji, impossible dates, path traversal, several values for one name.
"""

import html.parser
import itertools
import logging
import time
import urllib.parse
from collections import defaultdict

import pytest
from django.core.management import call_command
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import Resolver404, get_resolver, resolve

from accounts.models import User
from complaints import abuse
from wadah.tests_crosscutting.helpers import login_verified
from wadah.tests_crosscutting.test_anonymous import _walk

HOSTILE = [
    "99999999999999999999",
    "-1",
    "abc",
    "1\x00",
    "x" * 10_000,
    "ü💥\u202egnp.exe",
    "1e309",
    "2026-02-30",
    "../../../etc/passwd",
    "' OR '1'='1",
    "0x1F",
    "",
]
# Names many views read from the query string, tried on every GET besides the names the page itself uses.
COMMON_PARAMS = ["page", "q", "status", "sort", "order", "into", "next", "region", "office", "year", "kind", "type"]
# Never fuzzed: ending the session would leave the rest of the run anonymous.
SKIP_NAMES = {"accounts:logout", "admin:logout", "set_language", "accounts:otp-verify", "accounts:otp-setup"}
ROLES = [None, "petugas.provinsi", "pimpinan", "polda", "sekretariat", "admin", "mitra.csr"]
PAGES_PER_ROLE = 120
VARIANTS_PER_URL = 3


class Forms(html.parser.HTMLParser):
    """The links' query names and every form's method, action and field names on one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: set[str] = set()
        self.forms: list[dict] = []
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.add(a["href"])
        elif tag in ("form",):
            self._form = {"method": (a.get("method") or "get").lower(), "action": a.get("action"), "fields": set()}
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea", "button") and a.get("name"):
            if a.get("hx-get"):
                self.links.add(a["hx-get"])
            if self._form is not None and a.get("type") != "file" and a["name"] != "csrfmiddlewaretoken":
                self._form["fields"].add(a["name"])
        for attr in ("hx-get", "hx-post"):
            if a.get(attr):
                self.links.add(a[attr])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _pattern_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route if match.route else match.view_name


def _same_site(url: str, base: str) -> str | None:
    parts = urllib.parse.urlsplit(urllib.parse.urljoin(base, url))
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/") or parts.path.startswith("/static/"):
        return None
    return parts.path


def _hostile_query(names, round_, variant):
    """Each name twice: views reading one value take the last, so the last is a huge number, then text where a
    number goes, then the rest in turn; the first rotates through every hostile value for views reading all."""
    others = HOSTILE[2:]
    first = HOSTILE[(round_ + variant) % len(HOSTILE)]
    last = HOSTILE[variant] if variant < 2 else others[round_ % len(others)]
    return [(name, value) for name in sorted(names) for value in (first, last)]


# One test per role, so that a parallel run (make test uses pytest-xdist) spreads the ~3,000 requests over its workers.
@pytest.mark.django_db(transaction=False)
@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
def test_no_hostile_input_makes_any_page_fail(settings, monkeypatch, role):
    monkeypatch.setattr(abuse, "LOOKUP_FLOOR_SECONDS", 0)
    call_command("seed_demo", count=400, stdout=open("/dev/null", "w"))  # noqa: SIM115
    errors: list[str] = []
    last_exception: list[BaseException] = []

    def remember(sender, request=None, **kwargs):
        import sys

        last_exception.append(sys.exc_info()[1])

    got_request_exception.connect(remember)
    # Thousands of refused requests would each log a warning (and 5xx a traceback); the failures are listed below.
    logging.disable(logging.CRITICAL)
    started = time.monotonic()
    sent = 0
    slow = []
    patterns = {p for _, p, _ in _walk(get_resolver().url_patterns)}
    reached: dict[str, set[str]] = defaultdict(set)

    def send(client, role, method, path, data):
        nonlocal sent
        sent += 1
        last_exception.clear()
        t0 = time.monotonic()
        try:
            response = client.get(path, data) if method == "get" else client.post(path, data)
            slow.append((time.monotonic() - t0, role, method, path[:80]))
        except Exception as error:  # the test client re-raised a view exception
            errors.append(f"{role} {method.upper()} {path} {str(data)[:200]}: {error!r}")
            return None
        if response.status_code >= 500:
            errors.append(
                f"{role} {method.upper()} {path} {str(data)[:200]}: {response.status_code} {last_exception!r}"
            )
        return response

    try:
        client = Client(raise_request_exception=False)
        if role:
            login_verified(client, User.objects.get(username=role))
        # Crawl: one page per URL pattern, in the order the role's links lead there.
        queue = [
            "/",
            "/akun/masuk/",
            "/registri/",
            "/layanan/",
            "/layanan/saya/",
            "/pengaduan/daftar/",
            "/pengawasan/",
            "/laporan-lapangan/",
            "/surat/",
            "/impor/",
            "/akun/permintaan/",
            "/kelola/",
            "/pengaduan/",
            "/pengaduan/baru/",
            "/pengaduan/status/",
            "/verifikasi/",
            "/akun/daftar/",
        ]
        seen_patterns: set[str] = set()
        pages: list[tuple[str, Forms]] = []
        while queue and len(pages) < PAGES_PER_ROLE:
            path = queue.pop(0)
            pattern = _pattern_of(path)
            if pattern is None or pattern in seen_patterns or (resolve(path).view_name in SKIP_NAMES):
                continue
            seen_patterns.add(pattern)
            response = send(client, role, "get", path, {})
            if response is None or response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                pages.append((path, Forms()))
                continue
            parser = Forms()
            parser.feed(response.content.decode(errors="replace"))
            pages.append((path, parser))
            for link in itertools.chain(parser.links, (f["action"] or path for f in parser.forms)):
                target = _same_site(link, path)
                if target and target not in queue:
                    queue.append(target)
        # Patterns no page of this role links to: dummy values (their answer is 404, 403 or 405 — never 5xx).
        crawled = len(pages)
        for _, path, namespace in _walk(get_resolver().url_patterns):
            if namespace == "admin" and role != "admin":
                continue  # all of it redirects to the admin's login page
            pattern = _pattern_of(path)
            if pattern and pattern not in seen_patterns and resolve(path).view_name not in SKIP_NAMES:
                seen_patterns.add(pattern)
                pages.append((path, Forms()))
        for round_, (path, parser) in enumerate(pages):
            # Dummy-filled paths answer 404 before reading anything; exports rebuild a workbook each time.
            variants = 1 if round_ >= crawled or path.rstrip("/").endswith(("unduh", "ekspor")) else VARIANTS_PER_URL
            reached[role or "anonymous"].add(path)
            get_names = set(COMMON_PARAMS)
            for link in parser.links:
                parts = urllib.parse.urlsplit(link)
                if _same_site(link, path) == path:
                    get_names |= set(urllib.parse.parse_qs(parts.query, keep_blank_values=True))
            post_targets: dict[str, set[str]] = defaultdict(set)
            for form in parser.forms:
                target = _same_site(form["action"] or path, path) or path
                if form["method"] == "get" and target == path:
                    get_names |= form["fields"]
                elif form["method"] == "post" and resolve(target).view_name not in SKIP_NAMES:
                    post_targets[target] |= form["fields"]
            post_targets.setdefault(path, {"id", "pk", "name", "into", "status", "reason"})
            for variant in range(variants):
                send(
                    client,
                    role,
                    "get",
                    path + "?" + urllib.parse.urlencode(_hostile_query(get_names, round_, variant)),
                    {},
                )
            for target, fields in post_targets.items():
                for variant in range(variants):
                    data: dict[str, list[str]] = defaultdict(list)
                    for name, value in _hostile_query(fields | {"pk"}, round_, variant):
                        data[name].append(value)
                    send(client, role, "post", target, dict(data))
    finally:
        logging.disable(logging.NOTSET)
        got_request_exception.disconnect(remember)
    elapsed = time.monotonic() - started
    covered = {p for urls in reached.values() for u in urls if (p := _pattern_of(u))}
    print(
        f"fuzz: {sent} requests in {elapsed:.0f} s over {len(covered)} URL patterns of {len(patterns)}; "
        f"{len(errors)} answered 5xx"
    )
    by_path = defaultdict(float)
    for t, _r, m, pth in slow:
        by_path[(m, _pattern_of(pth.split("?")[0]))] += t
    for k, t in sorted(by_path.items(), key=lambda kv: -kv[1])[:8]:
        print("fuzz slow:", f"{t:.1f}", k)
    for error in errors:
        print("fuzz 5xx:", error[:600])
    assert not errors, "\n".join(errors[:40])
