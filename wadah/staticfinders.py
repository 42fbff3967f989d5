"""Collect only the vendor files the pages load, not the whole npm package.

Tabler's dist/ holds RTL, payment, flag and marketing stylesheets that reference images the package does not ship;
the hashed (manifest) storage of production refuses to collect a stylesheet whose url() points nowhere, so collecting
the whole folder made `collectstatic` fail and every page a 500 under DEBUG=0. Each file named here is used by a
template (templates/base.html, templates/500.html); its source map is named too because the manifest storage
rewrites the sourceMappingURL comment and needs the target.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage


class VendorFileFinder(BaseFinder):
    """Serve and collect the files in settings.VENDOR_STATIC_FILES: {"url/path": absolute source path}."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.files: dict[str, Path] = {url: Path(src) for url, src in settings.VENDOR_STATIC_FILES.items()}

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        # Missing only when `npm ci` has not run; say so instead of failing later with a 404 or a collectstatic error.
        return [
            Error(f"Vendor static file {src} is missing (run `npm ci`).", id="wadah.E001")
            for src in self.files.values()
            if not src.is_file()
        ]

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:  # str, or a list when find_all
        src = self.files.get(path)
        if src is None or not src.is_file():
            # None, not "": django.contrib.staticfiles.finders.find() would wrap "" in a list and serve it.
            return [] if find_all else None
        return [str(src)] if find_all else str(src)

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for url, src in self.files.items():
            if src.is_file():
                storage = FileSystemStorage(location=str(src.parent))
                # collectstatic joins storage.prefix and the listed name into the collected path.
                storage.prefix = str(Path(url).parent)  # type: ignore[attr-defined]
                yield src.name, storage
