"""``python -m essaim``: the same as the ``essaim`` command."""

import sys

from essaim.cli import main

sys.exit(main())
