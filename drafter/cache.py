"""The user cache: drafter's own shipped outlines, parsed once per content, as JSON.

Parsing the shipped outlines, kinds, topics, questions and knowledge (~50 K characters of YAML)
on every run costs more than writing the document. Their parsed data is kept in the user's
cache folder under the SHA-256 of the file's bytes, so an entry can never be stale (changed
bytes are another key) and deleting the folder is always safe. Entries are JSON (data only,
never code); anything unusual — a folder that cannot be written, a damaged entry — means the
file is simply parsed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from drafter import __version__

CACHE_ENV = "DRAFTER_CACHE_DIR"


def cache_dir() -> Path:
    """Where drafter keeps its cache: $DRAFTER_CACHE_DIR, else the platform's user cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "drafter" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "drafter"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"


def key_of(raw: bytes) -> str:
    """The cache key of a file's bytes (drafter's version included: the parser may change)."""
    return hashlib.sha256(__version__.encode() + b"\0" + raw).hexdigest()


def load(key: str) -> Any | None:
    """The data cached under `key`, or None when there is none (or it cannot be read)."""
    try:
        with open(cache_dir() / f"yaml-{key}.json", encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def store(key: str, data: Any) -> None:
    """Keep `data` under `key` when it is plain JSON data; a failure only means no cache."""
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return  # dates and other YAML-only types: not cached
    folder = cache_dir()
    temporary = folder / f".yaml-{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, folder / f"yaml-{key}.json")
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
