"""The outputs that a refactoring must leave byte for byte as they were (see test_golden.py).

`outputs(workdir)` runs drafter's own command line, in-process, on everything shipped: every
example rendered as .docx, Markdown and text; every example's .docx imported back to an answers
file; the Enter-through wizard draft (and its answers file) of each shipped kind for three
organisations; and, when the seed
reports are present, their outline trees as JSON and the outlines learned from them. It returns
{name: SHA-256 of the bytes}. `python -m tests.golden` writes that table to
tests/fixtures/golden.json: run it before a change that must not alter behaviour, and again
(committing the new table) when a change alters drafts on purpose.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from drafter.cli import run
from drafter.library.outline import load_library
from drafter.wizard.wizard import run_wizard
from tests.scripted import ENTER, Scripted, choose

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.answers.yaml"))
SEEDS = REPO.parent / "shared" / "seeds"
TABLE = REPO / "tests" / "fixtures" / "golden.json"
# A fixed sign-off date for the files that have none (they are otherwise signed on the day).
DATE = "2026-12-07"
ORGANISATIONS = ("党支部", "党总支", "党组")
UNIT = "某某县统计局"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cli(*argv: str) -> bytes:
    """drafter's command line in-process; its standard output as bytes (it must succeed)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = run(list(argv), out, err)
    if code not in (0, 1):
        raise AssertionError(f"drafter {' '.join(argv)} → {code}: {err.getvalue()}")
    return out.getvalue().encode("utf-8")


@contextlib.contextmanager
def _today(day: dt.date) -> Iterator[None]:
    """The wizard's today (the year and date it offers) fixed, so its drafts do not move."""
    import drafter.wizard.wizard

    class Fixed(dt.date):
        @classmethod
        def today(cls) -> Fixed:
            return cls(day.year, day.month, day.day)

    saved = drafter.wizard.wizard.dt
    drafter.wizard.wizard.dt = type("dt", (), {"date": Fixed})  # type: ignore[assignment]
    try:
        yield
    finally:
        drafter.wizard.wizard.dt = saved


def _dated(source: Path, workdir: Path) -> Path:
    text = source.read_text(encoding="utf-8")
    if "\ndate:" not in text:
        text += f"date: {DATE}\n"
    target = workdir / source.name
    target.write_text(text, encoding="utf-8")
    return target


def outputs(workdir: Path) -> dict[str, str]:
    """{output name: SHA-256} for everything listed in the module docstring."""
    table: dict[str, str] = {}
    for example in EXAMPLES:
        answers = _dated(example, workdir)
        stem = example.name.removesuffix(".answers.yaml")
        for fmt in ("docx", "md", "txt"):
            target = workdir / f"{stem}.{fmt}"
            _cli("render", str(answers), "-o", str(target), "--force")
            table[f"render/{target.name}"] = _digest(target.read_bytes())
        imported = workdir / f"{stem}.imported.answers.yaml"
        _cli("import", str(workdir / f"{stem}.docx"), "-o", str(imported), "--force")
        table[f"import/{imported.name}"] = _digest(imported.read_bytes())
    for organisation in ORGANISATIONS:
        for outline in sorted(load_library().outlines.values(), key=lambda o: o.id):
            target = workdir / f"{outline.id}-{organisation}.docx"
            prompter = Scripted(choose(organisation), choose(outline.kind), UNIT, rest=ENTER)
            with _today(dt.date(2026, 12, 7)):
                run_wizard(load_library(), output=target, prompter=prompter, force=True)
            table[f"defaults/{target.name}"] = _digest(target.read_bytes())
            answers = target.with_name(target.stem + ".answers.yaml")
            table[f"defaults/{answers.name}"] = _digest(answers.read_bytes())
    seeds = sorted(SEEDS.glob("*.txt"))
    with contextlib.chdir(SEEDS if seeds else workdir):  # the JSON names its source as given
        for seed in seeds:
            table[f"outline/{seed.stem}.json"] = _digest(_cli("outline", seed.name, "--json"))
    if seeds:
        learned = workdir / "learned"
        _cli("learn", *map(str, seeds), "-o", str(learned))
        for path in sorted(learned.iterdir()):
            table[f"learn/{path.name}"] = _digest(path.read_bytes())
    return table


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        table = outputs(Path(tmp))
    TABLE.write_text(json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                     encoding="utf-8")
    print(f"{len(table)} outputs → {TABLE}", file=sys.stderr)
