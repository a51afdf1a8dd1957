"""Settings for the test suite: the embedded default unless ESSAIM_TEST_* say otherwise."""

import os
import tempfile

os.environ.setdefault("ESSAIM_DATA_DIR", tempfile.mkdtemp(prefix="essaim-test-"))
if os.environ.get("ESSAIM_TEST_DATABASE_URL"):
    os.environ["ESSAIM_DATABASE_URL"] = os.environ["ESSAIM_TEST_DATABASE_URL"]
else:
    os.environ.pop("ESSAIM_DATABASE_URL", None)
if os.environ.get("ESSAIM_TEST_REDIS_URL"):
    os.environ["ESSAIM_REDIS_URL"] = os.environ["ESSAIM_TEST_REDIS_URL"]
else:
    os.environ.pop("ESSAIM_REDIS_URL", None)
os.environ["ESSAIM_TASK_BACKEND"] = "immediate"  # tests about the worker choose their own
os.environ.pop("ESSAIM_TIMELINE_STORE", None)  # Redis with ESSAIM_TEST_REDIS_URL, else database

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
ESSAIM_RATE_LOGIN = "1000/60"
ESSAIM_RATE_POST = "1000/60"
ESSAIM_VIEWS_SYNC = True  # internal views are written by tests with impressions.flush()
