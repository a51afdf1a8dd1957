"""Static files that come from Python packages rather than from the project's own folders.

Front-end libraries arrive as packages (never copied into the tree): Plotly's JavaScript bundle
ships inside the ``plotly`` package on PyPI, and is served here as ``vendor/plotly.min.js``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage


def _package_file(package: str, relative: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.is_file() else None


# served path -> (package, file inside the package)
PACKAGED = {
    "vendor/plotly.min.js": ("plotly", "package_data/plotly.min.js"),
}


class PackagedStaticFinder(BaseFinder):
    """Finds the files of ``PACKAGED`` inside their installed packages."""

    def _located(self):
        for served, (package, relative) in PACKAGED.items():
            path = _package_file(package, relative)
            if path is not None:
                yield served, path

    def find(self, path, find_all=False, **kwargs):
        for served, real in self._located():
            if served == path:
                return [str(real)] if find_all else str(real)
        return [] if find_all else None

    def list(self, ignore_patterns):
        for served, real in self._located():
            storage = FileSystemStorage(location=str(real.parent))
            storage.prefix = str(Path(served).parent)  # collectstatic copies to ``served``
            yield real.name, storage
