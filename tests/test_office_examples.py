"""examples/office/ holds the fictional office's reports exactly as tests/office.py makes them."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.office import FILES, write_reports

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "office"


def test_the_examples_are_the_offices_reports(tmp_path: Path) -> None:
    made = write_reports(tmp_path)
    assert sorted(p.name for p in EXAMPLES.iterdir() if p.name != "README.md") == sorted(FILES)
    for path in made:
        shipped = EXAMPLES / path.name
        if path.suffix == ".docx":
            parts = [zipfile.ZipFile(p).read(name) for p in (path, shipped) for name in ("word/document.xml", "word/numbering.xml")]
            assert parts[:2] == parts[2:], f"{shipped} is stale: run python -m tests.office examples/office"
        else:
            assert shipped.read_bytes() == path.read_bytes(), f"{shipped} is stale: run python -m tests.office examples/office"
