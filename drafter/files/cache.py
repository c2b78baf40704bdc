"""The user cache: drafter's own shipped outlines, parsed and checked once per content.

Parsing the shipped outlines, kinds, topics, questions and knowledge (~50 K characters of YAML)
and checking them against their schemas and wording rules on every run costs more than writing
the document. Their parsed data is kept in the user's cache folder under a key of the file's
bytes, so an entry can never be stale (changed bytes are another key), and a check that passed
on files of given keys leaves an empty marker so it is not run again on the same bytes.
Deleting the folder is always safe. Entries are JSON (data only, never code); anything
unusual — a folder that cannot be written, a damaged entry — means the file is simply parsed
and checked again.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter import __version__

CACHE_ENV = "DRAFTER_CACHE_DIR"


def cache_dir() -> Path:
    """Where drafter keeps its cache: $DRAFTER_CACHE_DIR, else `cache` in $DRAFTER_HOME (a portable
    copy keeps everything in its one folder), else the platform's user cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if os.environ.get("DRAFTER_HOME", "").strip():
        return Path(os.environ["DRAFTER_HOME"].strip()).expanduser() / "cache"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "drafter" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "drafter"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"


# The modules whose code decides what a parse or a check gives: an entry made by other code
# (another release, or an edited installation) is another key.
_RULE_MODULES = (
    "files/yamlio.py", "files/schema.py", "library/outline.py", "library/schemas.py",
    "library/knowledge.py", "library/knowledge_files.py", "library/points.py",
)


@lru_cache(maxsize=1)
def _code() -> str:
    """drafter's version and the size and modification time of the modules in _RULE_MODULES."""
    here = Path(__file__).parents[1]  # drafter/
    parts = [__version__]
    for name in _RULE_MODULES:
        try:
            info = os.stat(here / name)
        except OSError:
            parts.append(name)
            continue
        parts.append(f"{info.st_size}:{info.st_mtime_ns}")
    joined = "|".join(parts).encode()
    return f"{__version__}-{zlib.crc32(joined):08x}"


def key_of(raw: bytes) -> str:
    """The cache key of a file's bytes: the code that parses and checks it (`_code`), the
    length and two checksums of the bytes (CRC-32 and Adler-32).

    Checksums rather than a cryptographic hash: they tell edited bytes from the same bytes,
    which is all a cache of drafter's own files needs (whoever can write those files can change
    drafter itself), and zlib is loaded for writing the .docx anyway, where hashlib would cost
    every run a few milliseconds to load.
    """
    return f"{_code()}-{len(raw)}-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


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


def checked(what: str, keys: Sequence[str | None]) -> bool:
    """Whether the check `what` has passed on files of exactly these keys (a file without a
    key, one that is not drafter's own, is never taken as checked)."""
    name = _checked_name(what, keys)
    return name is not None and (cache_dir() / name).is_file()


def mark_checked(what: str, keys: Sequence[str | None]) -> None:
    """Remember that the check `what` passed on files of these keys; a failure only means the
    check runs again next time."""
    name = _checked_name(what, keys)
    if name is None:
        return
    with contextlib.suppress(OSError):
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).touch()


def _checked_name(what: str, keys: Sequence[str | None]) -> str | None:
    if not keys or any(key is None for key in keys):
        return None
    joined = "|".join([what, *(key or "" for key in keys)]).encode()
    return f"checked-{what}-{zlib.crc32(joined):08x}{zlib.adler32(joined):08x}"
