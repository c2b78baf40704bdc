"""Real reports learned as an office's own kind: the draft Enter through gives is one its reader
can hand in — 核稿 (`drafter check`) finds nothing in it.

Each seed is one office's report, messy as offices have them (placeholders left in, a quotation
cut by a comma, figures that were that year's, a slip of 的/得). Whatever of its own text the
draft says again must have been cleaned of all that: a clause dropped for its figure takes with
it what cannot stand without it (……，通过活动的开展。), a quote is never cut, a lone * is a
placeholder, and a sentence whose terms the organisation cannot say is not said.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.checking.check import check_path
from drafter.learning.own import run_learn_own
from drafter.library.outline import load_library
from drafter.wizard.wizard import run_wizard
from tests.scripted import ENTER, Scripted

# The office each seed speaks for, as its user would type it (the seeds write XX for names).
UNITS = (
    "某某市一体化发展事务中心机关党支部",
    "某某市发展和改革委员会机关党委",
    "某某市人力资源和社会保障局机关党支部",
    "某某区市政服务中心机关党支部",
    "某某市政府投资项目建设中心机关党支部",
)


@pytest.mark.parametrize("index", range(len(UNITS)))
def test_a_seed_learned_as_the_offices_own_kind_drafts_with_nothing_for_check(
    index: int, seeds: list[Path], tmp_path: Path
) -> None:
    run_learn_own([seeds[index]], "本单位总结", library_root=tmp_path / "kinds")
    out = tmp_path / "总结.md"
    prompter = Scripted(rest=ENTER, by_message={"单位名称": UNITS[index]})
    run_wizard(load_library(own=tmp_path / "kinds"), output=out, prompter=prompter)
    library = load_library(own=tmp_path / "kinds")
    _, findings = check_path(out, library)
    assert [f"{f.rule}: {f.message}" for f in findings] == []
