"""What the own-kind wizard tests share: an office's reports written from one template for two
years, learned as an own kind, drafted by Enter through; and an answers file rendered again
with this period's figures filled in."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.cli import run
from drafter.learning.own import run_learn_own
from drafter.library.outline import load_library
from drafter.wizard.wizard import run_wizard
from tests.scripted import ENTER, Scripted


def enter_through(factory: pytest.TempPathFactory, template: str, kind: str) -> tuple[Path, Path]:
    """The 2024 and 2025 reports of `template` ({year} in it) learned as `kind` into a library of
    its own, and the draft Enter through gives: (the library's home, the draft's .md)."""
    reports = factory.mktemp("reports")
    paths = []
    for year in (2024, 2025):
        paths.append(reports / f"{year}年度党建工作总结.txt")
        paths[-1].write_text(template.format(year=year), encoding="utf-8")
    home = factory.mktemp("home")
    run_learn_own(paths, kind, library_root=home / "kinds")
    out = factory.mktemp("draft") / "总结.md"
    run_wizard(load_library(own=home / "kinds"), output=out, prompter=Scripted(rest=ENTER))
    return home, out


def render_with(draft: Path, part: int, numbers: dict[str, int], monkeypatch: pytest.MonkeyPatch, home: Path) -> str:
    """The draft's answers rendered again with `numbers` filled in its part `part` (0-based),
    the library of `home` in use; the rendered Markdown, which `drafter check` passes."""
    answers = draft.with_name("总结.answers.yaml")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    data["sections"][part]["numbers"].update(numbers)
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    rendered = draft.with_name("本期.md")
    assert run(["render", str(answers), "-o", str(rendered)]) == 0
    assert run(["check", str(rendered)]) == 0
    return rendered.read_text(encoding="utf-8")
