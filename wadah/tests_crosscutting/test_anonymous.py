"""Every URL outside the public portal and the login pages refuses an anonymous visitor."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern

# Public by design: the portal, the login pages, and the language switch.
PUBLIC_NAMES = {
    "accounts:login",
    "admin:login",
    "set_language",
    # The service worker script (docs/decisions/0010): code only, no data.
    "service-worker",
    # Ormas self-registration: an applicant has no account yet; the Ormas search shows public facts only.
    "ormas_accounts:register",
    "ormas_accounts:register-search",
    "ormas_accounts:register-done",
    # Password reset by e-mail: for people who cannot log in.
    "accounts:password-reset",
    "accounts:password-reset-done",
    "accounts:password-reset-confirm",
    "accounts:password-reset-complete",
}
PUBLIC_NAMESPACES = ("portal", "api")
# Inside the public namespaces all the same: an Ormas account's and the officers' withholding pages, and the
# partner endpoints of the API (a token; 401 without).
PROTECTED_IN_PUBLIC = {
    "portal:withholding-new",
    "portal:withholding-withdraw",
    "portal:withholding-list",
    "portal:withholding-decide",
    "api:partner_status",
}
# Allowed to redirect somewhere other than a login page (and never show data).
REDIRECT_ELSEWHERE = {"admin:logout": "/kelola/", "accounts:logout": "/akun/masuk/"}
LOGIN_PREFIXES = ("/akun/masuk/", "/kelola/login/")

_CONVERTER_SAMPLES = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x/1",
    "uuid": "12345678-1234-5678-1234-567812345678",
}


def _fill(pattern) -> str:
    """Fill a route's <converter:name> parameters, or a regex's named groups, with dummy values."""
    route = str(pattern)
    if isinstance(pattern, RegexPattern):
        # The admin's app index and catch-all: the first alternative of a choice, or a dummy.
        def group(m: re.Match[str]) -> str:
            body = m.group(1)
            if re.fullmatch(r"[\w|]+", body):
                return body.split("|")[0]
            return "1" if "\\d" in body else "x"

        route = re.sub(r"\(\?P<\w+>((?:[^()]|\([^()]*\))*)\)", group, route)
        return route.lstrip("^").rstrip("$").replace("\\", "")
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: _CONVERTER_SAMPLES.get(m.group(1) or "str", "1"), route)


def _walk(patterns, prefix: str = "", namespace: str | None = None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            if pattern.namespace and namespace and pattern.namespace != namespace:
                ns = f"{namespace}:{pattern.namespace}"
            yield from _walk(pattern.url_patterns, prefix + _fill(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            yield name, "/" + prefix + _fill(pattern.pattern), namespace


def _protected_urls() -> list[tuple[str, str]]:
    urls: dict[str, str] = {}
    for name, path, namespace in _walk(get_resolver().url_patterns):
        public = (namespace or "").split(":")[0] in PUBLIC_NAMESPACES or name in PUBLIC_NAMES
        if public and name not in PROTECTED_IN_PUBLIC:
            continue
        urls.setdefault(path, name or path)
    return sorted((name, path) for path, name in urls.items())


PROTECTED = _protected_urls()


def test_it_finds_every_part_of_the_site():
    paths = [p for _, p in PROTECTED]
    assert any(p.startswith("/registri/") for p in paths)
    assert any(p.startswith("/kelola/") for p in paths)
    assert any(p.startswith("/akun/verifikasi/") for p in paths)
    assert len(PROTECTED) > 30


@pytest.mark.parametrize(("name", "path"), PROTECTED, ids=[f"{n} {p}" for n, p in PROTECTED])
def test_it_generates_a_path_that_resolves(name, path):
    try:
        resolve(path)
    except Resolver404:  # pragma: no cover - the dummy filler failed for this pattern
        pytest.fail(f"{name}: dummy path {path} does not resolve")


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "path"), PROTECTED, ids=[f"{n} {p}" for n, p in PROTECTED])
def test_it_refuses_anonymous_visitors(client, name, path, method):
    response = getattr(client, method)(path)
    assert not 200 <= response.status_code < 300, f"{method.upper()} {path} ({name}) is open to anonymous users"
    assert response.status_code in (301, 302, 401, 403, 404, 405), response.status_code
    if response.status_code in (301, 302):
        location = response["Location"]
        if name in REDIRECT_ELSEWHERE:
            assert location.startswith(REDIRECT_ELSEWHERE[name]) or location.startswith(LOGIN_PREFIXES), location
        else:
            assert location.startswith(LOGIN_PREFIXES) or location.endswith("/"), location
            # A trailing-slash redirect (APPEND_SLASH) must itself lead to a login page.
            if not location.startswith(LOGIN_PREFIXES):
                follow = getattr(client, method)(location)
                assert follow.status_code != 200 and (
                    follow.status_code not in (301, 302) or follow["Location"].startswith(LOGIN_PREFIXES)
                ), location
