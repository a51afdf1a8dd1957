import io
import sys

import pytest


@pytest.fixture
def stdin(monkeypatch):
    """stdin("text") makes the command read ``text`` from a pipe; stdin("") an empty pipe."""

    def pipe(text: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))

    return pipe
