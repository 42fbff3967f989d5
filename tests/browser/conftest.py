"""Playwright (sync API) against pytest-django's live_server, driving Debian's Chromium — never a downloaded one."""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from wadah.testing import pass_second_factor

# Playwright's sync API runs an asyncio loop in this thread; Django would otherwise refuse ORM calls in tests.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BASE_DIR = Path(__file__).resolve().parents[2]

# Records a CSP violation in the page; init scripts come from the browser itself, so CSP does not block this one.
_CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + e.blockedURI);
});
"""


def pytest_collection_modifyitems(items):
    """Browser tests see what users see: the product's default language."""
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.indonesian)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Data migrations whose rows a transactional test's flush removes (document types, service types, periods …).
DATA_MIGRATIONS = [
    ("registry.migrations.0003_reference_data", "load"),
    ("registry.migrations.0005_reserved_names", "load"),
    ("workdays.migrations.0002_reference_data", "load"),
    ("services.migrations.0002_service_types", "load"),
    ("complaints.migrations.0003_triage_period", "add_period"),
    ("supervision.migrations.0002_step_authorities", "seed"),
    ("registry.migrations.0007_name_terms_seed", "seed"),
    ("coordination.migrations.0002_action_item_period", "add_period"),
    ("grants.migrations.0002_rules", "forwards"),
    ("grants.migrations.0003_rule_descriptions_id", "forwards"),
    ("supervision.migrations.0004_due_process_data", "seed"),
    ("guidance.migrations.0002_reference_data", "load"),
    ("registry.migrations.0013_registration_rules_and_name_hints", "seed"),
    ("workdays.migrations.0003_service_periods", "load"),
    ("services.migrations.0005_due_process_services", "load"),
    ("letters.migrations.0003_classification_codes", "load"),
]


def _restore_migration_data() -> None:
    import importlib

    from django.apps import apps

    from registry.models import DocumentType

    if DocumentType.objects.exists():
        return
    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    """Regions, offices and agencies. A transactional test flushes the database afterwards, so load them again."""
    from accounts.models import Office
    from regions.models import Region

    quiet = io.StringIO()
    _restore_migration_data()
    if not Region.objects.exists():
        call_command("load_regions", BASE_DIR / "data" / "wilayah_kalteng.csv", stdout=quiet)
    if not Office.objects.exists():
        call_command("setup_offices", stdout=quiet)


class PageProblems(list):
    """Console errors, uncaught exceptions and CSP violations seen in a page during one test."""

    def __init__(self) -> None:
        super().__init__()
        self.allowed: list[str] = []

    def unexpected(self) -> list[str]:
        return [p for p in self if not any(re.search(a, p) for a in self.allowed)]


@pytest.fixture
def problems() -> PageProblems:
    return PageProblems()


def _attach(page, problems: PageProblems) -> None:
    page.on("console", lambda msg: problems.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))


@pytest.fixture
def new_page(browser, live_server, problems):
    """new_page(user=None, viewport=None) → a page whose base URL is the live server, logged in as user if given."""
    contexts = []

    def make(user=None, *, viewport=None):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport or {"width": 1280, "height": 900},
            accept_downloads=True,
            locale="id-ID",
        )
        context.add_init_script(_CSP_LISTENER)
        if user is not None:
            client = Client()
            client.force_login(user)
            # Admin, Pimpinan and officers must pass two-step verification: a paired device in the session.
            pass_second_factor(client, user)
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
            )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        _attach(page, problems)
        return page

    yield make
    for context in contexts:
        context.close()
    unexpected = problems.unexpected()
    assert not unexpected, "console errors / CSP violations:\n" + "\n".join(unexpected)
