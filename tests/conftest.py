"""Test-wide settings: model caches go to a temporary folder, never to the user's home."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("PRESSESCHAU_CACHE", os.path.join(tempfile.gettempdir(), "presseschau-test-cache"))
