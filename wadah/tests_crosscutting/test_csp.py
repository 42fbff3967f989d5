"""A strict Content Security Policy, and templates that need no exception to it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
TEMPLATE_FILES = sorted(p for p in TEMPLATES_DIR.rglob("*") if p.is_file())


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["accounts:login", "portal:home", "registry:ormas-list"])
def test_it_sends_a_csp_without_unsafe_inline(client, province_officer, url):
    client.force_login(province_officer)
    response = client.get(reverse(url))
    policy = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_it_has_templates_to_check():
    assert len(TEMPLATE_FILES) > 10


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: str(p.relative_to(TEMPLATES_DIR)))
def test_it_keeps_scripts_and_styles_out_of_the_html(path):
    text = path.read_text(encoding="utf-8")
    inline_scripts = [tag for tag in re.findall(r"<script\b[^>]*>", text, re.I) if not re.search(r"\bsrc=", tag)]
    assert not inline_scripts, f"inline <script> in {path.name}: {inline_scripts}"
    assert not re.search(r"\bstyle\s*=\s*[\"']", text, re.I), f"style= attribute in {path.name}"
    assert not re.search(r"<style\b", text, re.I), f"<style> element in {path.name}"
    assert not re.search(r"\son[a-z]+\s*=\s*[\"']", text, re.I), f"inline event handler in {path.name}"
