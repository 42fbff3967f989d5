import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are asserted in the source language; the Indonesian catalogue is tested in wadah/tests_i18n."""
    settings.LANGUAGE_CODE = "en"
