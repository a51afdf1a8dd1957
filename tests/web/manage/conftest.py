"""Fixtures of the administration pages: an administrator and a direct post nobody there
may read."""

from __future__ import annotations

import pytest


@pytest.fixture
def root(make_user):
    return make_user("root", name="Root Admin", admin=True)


@pytest.fixture
def as_admin(root, signed_in):
    return signed_in(root)
