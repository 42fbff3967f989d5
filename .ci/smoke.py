#!/usr/bin/env python3
"""Production smoke test: deploy as the README's Production section says, then use the site over HTTP.

Builds with DEBUG=0 on a fresh PostgreSQL database (compile_translations, collectstatic, migrate, load_regions,
setup_offices), starts gunicorn on a loopback port, and checks the home page, the login page, a staff login with
two-step verification, one staff page and one static file for 200 and the security headers. Requests carry
X-Forwarded-Proto: https as the README's nginx sends, so the TLS-only settings (secure cookies, HSTS, HTTPS
redirect) are exercised as in production. Standard library only; run it with the project's interpreter:

    .venv/bin/python .ci/smoke.py [--database-url postgres://postgres@127.0.0.1:5432/wadah_smoke]
"""

import argparse
import hashlib
import hmac
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PY = sys.executable
TOTP_KEY = secrets.token_hex(20)
PASSWORD = "Smoke-" + secrets.token_urlsafe(12)


def step(message: str) -> None:
    print(f"smoke: {message}", flush=True)


def fail(message: str) -> None:
    print(f"smoke: FAILED: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def run(env: dict[str, str], *args: str) -> None:
    step("manage.py " + " ".join(args))
    subprocess.run([PY, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def totp(key_hex: str, at: float) -> str:
    """RFC 6238 with django-otp's defaults (SHA-1, 30 s steps, 6 digits)."""
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Browser:
    """Just enough of a browser: cookies (including Secure ones, since the proxy terminates TLS) and CSRF."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> http.client.HTTPResponse:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": f"127.0.0.1:{self.port}", "X-Forwarded-Proto": "https", "User-Agent": "wadah-smoke"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            form = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form}
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.body = response.read()  # type: ignore[attr-defined]
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "expires=Thu, 01 Jan 1970" in header or "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        conn.close()
        return response

    def get(self, path: str) -> http.client.HTTPResponse:
        return self.request("GET", path)

    def post(self, path: str, form: dict[str, str]) -> http.client.HTTPResponse:
        return self.request("POST", path, form)


def expect(response: http.client.HTTPResponse, status: int, what: str) -> None:
    if response.status != status:
        body = response.body[:2000].decode(errors="replace")  # type: ignore[attr-defined]
        fail(f"{what}: HTTP {response.status}, expected {status}\n{dict(response.headers)}\n{body}")
    step(f"{what}: {status}")


def expect_security_headers(response: http.client.HTTPResponse, what: str) -> None:
    h = response.headers
    problems = []
    csp = h.get("Content-Security-Policy", "")
    if "default-src 'self'" not in csp or "script-src 'self'" not in csp:
        problems.append(f"Content-Security-Policy is {csp!r}")
    if "max-age=" not in h.get("Strict-Transport-Security", ""):
        problems.append("no Strict-Transport-Security")
    if h.get("X-Content-Type-Options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if h.get("Referrer-Policy") != "same-origin":
        problems.append(f"Referrer-Policy is {h.get('Referrer-Policy')!r}")
    if h.get("X-Frame-Options") != "DENY":
        problems.append(f"X-Frame-Options is {h.get('X-Frame-Options')!r}")
    if problems:
        fail(f"{what}: " + "; ".join(problems))


def location(response: http.client.HTTPResponse) -> str:
    return urllib.parse.urlsplit(response.headers.get("Location", "")).path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/wadah_smoke")
    args = parser.parse_args()
    db = urllib.parse.urlsplit(args.database_url)
    db_name = db.path.lstrip("/")
    pg = ["-h", db.hostname or "127.0.0.1", "-p", str(db.port or 5432), "-U", db.username or "postgres"]
    step(f"fresh database {db_name}")
    subprocess.run(["dropdb", "--if-exists", *pg, db_name], check=True)
    subprocess.run(["createdb", *pg, db_name], check=True)

    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="wadah-smoke-"))
    static_root = work / "static"
    # The README's production environment; the TLS proxy is simulated by X-Forwarded-Proto.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "WADAH_VAR_DIR"}
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{port}",
        SITE_URL=f"https://127.0.0.1:{port}",
        BEHIND_TLS_PROXY="1",
        DATABASE_URL=args.database_url,
        MEDIA_ROOT=str(work / "private"),
        STATIC_ROOT=str(static_root),
        TASKS_BACKEND="database",
        # Nothing listens there: the smoke sends no mail, and with TASKS_BACKEND=database none is even attempted.
        SMTP_HOST="127.0.0.1",
        SMTP_PORT="2525",
    )
    gunicorn = None
    try:
        run(env, "check", "--deploy", "--fail-level", "WARNING")
        run(env, "compile_translations")
        run(env, "collectstatic", "--noinput", "--verbosity", "0")
        run(env, "migrate", "--noinput", "--verbosity", "0")
        run(env, "load_regions", "data/wilayah_kalteng.csv")
        run(env, "setup_offices")
        step("creating a province officer with a confirmed TOTP device")
        subprocess.run(
            [PY, "manage.py", "shell", "-c", CREATE_STAFF],
            cwd=BASE_DIR,
            env={**env, "SMOKE_PASSWORD": PASSWORD, "SMOKE_TOTP_KEY": TOTP_KEY},
            check=True,
        )

        step(f"gunicorn on 127.0.0.1:{port}")
        gunicorn = subprocess.Popen(
            [
                str(Path(PY).parent / "gunicorn"),
                "wadah.wsgi",
                "-w",
                "2",
                "-k",
                "gthread",
                "--threads",
                "4",
                "-b",
                f"127.0.0.1:{port}",
                "--access-logfile",
                "-",
            ],
            cwd=BASE_DIR,
            env=env,
        )
        for _ in range(60):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if gunicorn.poll() is not None:
                    fail("gunicorn exited")
                time.sleep(0.5)
        else:
            fail("gunicorn did not start listening")

        browser = Browser(port)
        home = browser.get("/")
        expect(home, 200, "home page")
        expect_security_headers(home, "home page")
        if "no-store" in home.headers.get("Cache-Control", ""):
            fail("the anonymous home page should stay cacheable")

        plain = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        plain.request("GET", "/", headers={"Host": f"127.0.0.1:{port}"})
        redirect = plain.getresponse()
        if redirect.status != 301 or not redirect.headers.get("Location", "").startswith("https://"):
            fail(f"plain HTTP should redirect to HTTPS, got {redirect.status}")
        step("plain HTTP: 301 to https")
        plain.close()

        login = browser.get("/akun/masuk/")
        expect(login, 200, "login page")
        expect_security_headers(login, "login page")
        if "csrftoken" not in browser.cookies:
            fail("the login page set no CSRF cookie")
        if "Secure" not in " ".join(login.headers.get_all("Set-Cookie") or []):
            fail("the CSRF cookie is not Secure")

        answer = browser.post("/akun/masuk/", {"username": "smoke.officer", "password": PASSWORD})
        expect(answer, 302, "login")
        answer = browser.get(location(answer))
        if answer.status == 302 and location(answer).startswith("/akun/verifikasi/"):
            verify_url = answer.headers["Location"]
            verify_path = urllib.parse.urlsplit(verify_url).path + "?" + urllib.parse.urlsplit(verify_url).query
            expect(browser.get(verify_path), 200, "two-step verification page")
            # A code from a 30-second step that has just ended is still accepted (django-otp tolerance 1).
            answer = browser.post(verify_path, {"token": totp(TOTP_KEY, time.time())})
            expect(answer, 302, "two-step verification")
            answer = browser.get(location(answer))
        else:
            fail(f"a staff login should ask for the second factor, got {answer.status} {location(answer)}")
        expect(answer, 200, "staff home")

        staff = browser.get("/registri/")
        expect(staff, 200, "staff page (registry)")
        expect_security_headers(staff, "staff page")
        if b"smoke.officer" not in staff.body and b"Smoke" not in staff.body:  # type: ignore[attr-defined]
            fail("the staff page does not show the signed-in officer")
        if "no-store" not in staff.headers.get("Cache-Control", ""):
            fail(f"the staff page has Cache-Control {staff.headers.get('Cache-Control')!r}, expected no-store")

        css = re.search(rb'href="(/static/vendor/tabler/css/tabler\.min\.[0-9a-f]{12}\.css)"', staff.body)  # type: ignore[attr-defined]
        if css is None:
            fail("the page does not link the hashed Tabler stylesheet")
        static = browser.get(css.group(1).decode())
        expect(static, 200, "static file " + css.group(1).decode())
        if "max-age=315360000" not in static.headers.get("Cache-Control", "") and "immutable" not in static.headers.get(
            "Cache-Control", ""
        ):
            fail(f"hashed static files should be cached for long, got {static.headers.get('Cache-Control')!r}")
        if len(static.body) < 10_000 or b".btn" not in static.body:  # type: ignore[attr-defined]
            fail(f"the stylesheet came back with {len(static.body)} bytes")  # type: ignore[attr-defined]
        if static.headers.get("X-Content-Type-Options") != "nosniff":
            fail("static file without nosniff")
        # The service worker that keeps the field pages for an offline reload (ADR 0010) is served at the root,
        # versioned by the hashed static files it names.
        worker = browser.get("/sw.js")
        expect(worker, 200, "service worker /sw.js")
        if "javascript" not in worker.headers.get("Content-Type", "") or b"static/" not in worker.body:  # type: ignore[attr-defined]
            fail(f"/sw.js is not the worker script: {worker.headers.get('Content-Type')!r}")
        # The dashboard's ECharts bundle (npm ci builds it) is collected under its hashed name.
        manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
        if not any(name.startswith("vendor/echarts/echarts.min") for name in manifest.get("paths", {})):
            fail("the ECharts bundle was not collected")
        step("ECharts bundle collected")
        # A 100 MB upload is refused from its Content-Length, before any of the body is read.
        raw = socket.create_connection(("127.0.0.1", port), timeout=30)
        raw.sendall(
            f"POST /pengaduan/baru/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Forwarded-Proto: https\r\n"
            f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {100 * 1024 * 1024}\r\n\r\n--x\r\n".encode()
        )
        started = time.monotonic()
        status_line = raw.recv(200).split(b"\r\n", 1)[0]
        raw.close()
        if b" 413 " not in status_line or time.monotonic() - started > 10:
            fail(f"a 100 MB POST should be refused at once with 413, got {status_line!r}")
        step("100 MB POST: 413 before the body was sent")
        step("all checks passed")
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=20)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        shutil.rmtree(work, ignore_errors=True)
        subprocess.run(["dropdb", "--if-exists", *pg, db_name], check=False)


CREATE_STAFF = """
import os
from accounts.models import Office, Role, User
from django_otp.plugins.otp_totp.models import TOTPDevice
user = User.objects.create_user(
    "smoke.officer", password=os.environ["SMOKE_PASSWORD"], role=Role.OFFICER,
    office=Office.objects.get(region_id="62"), first_name="Smoke", last_name="Officer",
)
TOTPDevice.objects.create(user=user, name="smoke", key=os.environ["SMOKE_TOTP_KEY"], confirmed=True)
"""

if __name__ == "__main__":
    main()
