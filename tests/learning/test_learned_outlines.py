"""The shipped outlines/learned/ is exactly what the learner makes of the seed reports, and loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.learning.learn import detect_kind, load_kinds_and_topics, run_learn
from drafter.library.outline import load_library
from drafter.reading.reader import read_report
from drafter.structure.structure import parse_report
from tests.helpers import SHIPPED

LEARNED = SHIPPED / "learned"


def test_learned_outlines_are_regenerated_byte_for_byte(seeds: list[Path], tmp_path: Path) -> None:
    run_learn(seeds, tmp_path)
    made = sorted(p.name for p in tmp_path.glob("*.yaml"))
    shipped = sorted(p.name for p in LEARNED.glob("*.yaml"))
    assert made == shipped
    for name in made:
        assert (tmp_path / name).read_bytes() == (LEARNED / name).read_bytes(), (
            f"outlines/learned/{name} is stale: run "
            "`drafter learn ../shared/seeds/*.txt -o outlines/learned`"
        )


def test_every_shipped_outline_loads() -> None:
    if not (SHIPPED / "authored" / "questions.yaml").exists():
        pytest.skip("outlines/authored/questions.yaml is not written yet; load_library needs it")
    library = load_library()
    assert set(library.outlines) == {"general", "annual", "half_year", "measures", "duty_report"}
    kind_ids = {k["id"] for k in library.kinds}
    assert set(library.outlines) - {"general"} <= kind_ids
    topic_ids = {t["id"] for t in library.topics}
    general = library.outlines["general"]
    assert [s.id for s in general.sections if s.id not in topic_ids] == []


def test_authored_kinds_and_topics_validate() -> None:
    kinds, topics = load_kinds_and_topics(SHIPPED)
    assert [k["id"] for k in kinds] == ["duty_report", "half_year", "measures", "annual"]
    assert "detect" not in kinds[-1]  # the fallback
    assert [t["id"] for t in topics] == [
        "politics", "organization", "members", "integrity", "ideology",
        "conduct", "mass", "integration", "problems", "next_steps",
    ]
    assert not any(t.get("bank") for t in topics)  # the banks live in measures.yaml


EXPECTED_KINDS = {"000": "annual", "001": "annual", "002": "measures", "003": "half_year", "004": "duty_report"}


def test_each_seed_lands_in_its_kind(seeds: list[Path]) -> None:
    kinds, _ = load_kinds_and_topics(SHIPPED)
    found = {
        path.name[:3]: detect_kind(parse_report(read_report(path), path.name), kinds)["id"]
        for path in seeds
    }
    assert found == EXPECTED_KINDS
