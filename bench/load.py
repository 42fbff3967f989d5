"""A bounded real-server load test: gunicorn (production settings, DEBUG=0) on loopback, driven from a second process
by a small keep-alive HTTP client, a few seconds per URL. Reports requests/s and errors per page beside a trivial
view measured on the same server in the same run.

No third-party load tool is needed (wrk is not installed here; locust would add a large dependency tree): each
client process runs a few threads, each with one persistent HTTP/1.1 connection, until the deadline.
"""

import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "5"))
CLIENT_PROCESSES = 2
THREADS = 4
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", "2"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _client(port: int, path: str, seconds: float, out: "multiprocessing.Queue[tuple[int, int]]") -> None:
    counts = [0, 0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def run() -> None:
        ok = bad = 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            try:
                conn.request("GET", path, headers={"Host": "127.0.0.1"})
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    ok += 1
                else:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        with lock:
            counts[0] += ok
            counts[1] += bad

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put((counts[0], counts[1]))


def measure(port: int, path: str, seconds: float = SECONDS) -> tuple[float, int]:
    """(requests per second, errors) for `path` over `seconds`, from CLIENT_PROCESSES separate processes."""
    queue: multiprocessing.Queue[tuple[int, int]] = multiprocessing.Queue()
    procs = [
        multiprocessing.Process(target=_client, args=(port, path, seconds, queue)) for _ in range(CLIENT_PROCESSES)
    ]
    started = time.monotonic()
    for p in procs:
        p.start()
    results = [queue.get(timeout=seconds + 30) for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - started
    ok = sum(r[0] for r in results)
    return ok / elapsed, sum(r[1] for r in results)


def serve(database_url: str) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "WARNING",
    }
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    proc = subprocess.Popen(
        [gunicorn, "wadah.wsgi:application", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.2)
    return proc, port


def load_rows(database_url: str, pages: list[tuple[str, str]]) -> list[dict]:
    """One row per page: requests/s beside the trivial view's on the same server (as a share), and errors."""
    proc, port = serve(database_url)
    try:
        for _label, path in [("warm-up", "/__bench__/"), *pages]:
            measure(port, path, seconds=1)
        trivial, trivial_errors = measure(port, "/__bench__/")
        rows = []
        for label, path in pages:
            rate, errors = measure(port, path)
            rows.append(
                {
                    "row": f"{label} — {rate:,.0f} req/s = {100 * rate / trivial:.0f}% of trivial, {errors} errors",
                    "rate": rate,
                    "share": rate / trivial,
                    "errors": errors,
                    "trivial": trivial,
                    "trivial_errors": trivial_errors,
                }
            )
            print(f"  load {label}: {rate:,.0f} req/s ({100 * rate / trivial:.0f}% of trivial)", file=sys.stderr)
        return rows
    finally:
        proc.terminate()
        proc.wait(timeout=20)
