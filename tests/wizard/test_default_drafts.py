"""The Enter-through draft read as a reviewer reads it (issue 19): full enough, every phrase of
the bank said once, offices' drafts differing, nothing that misfits the organisation."""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from drafter.cli import run
from drafter.composing.composer import DEFAULT_FRAMING
from drafter.library import Library, load_library, phrases
from drafter.wizard.wizard import run_wizard
from tests.scripted import ENTER, Scripted, choose

ORGANISATIONS = ("党支部", "党总支", "机关党委", "党委", "党组")
UNITS = ("某某县统计局", "某某市水务局")
MIN_ANNUAL = 1800  # characters of the annual kind's default draft, markup left out


@cache
def library() -> Library:
    return load_library()


@cache
def draft(kind: str, organisation: str, unit: str, folder: Path) -> str:
    """The Markdown of the Enter-through draft (its answers file beside it)."""
    out = folder / f"{kind}-{organisation}-{unit}.md"
    run_wizard(library(), output=out, prompter=Scripted(choose(organisation), choose(kind), unit, rest=ENTER))
    return out.read_text(encoding="utf-8")


def body(markdown: str) -> list[str]:
    """The paragraphs between title and signature, headings left out."""
    paragraphs = [p for p in markdown.split("\n") if p.strip() and not p.startswith("#")]
    return paragraphs[:-2]  # signature, date


def varied_wordings() -> set[str]:
    """Every wording the bank and the kinds vary: details, causes, 成效, and the literal pieces
    of the kinds' openings, closings and framing sentences."""
    lib = library()
    out = {w for m in lib.knowledge.measures for w in (*m.details, *m.causes)}
    out |= {w for _, wordings in lib.knowledge.effects for w in wordings}
    forms = [f for fs in DEFAULT_FRAMING.values() for f in fs]
    for kind in lib.kinds:
        for piece in (kind.get("opening"), kind.get("closing"), *(kind.get("framing") or {}).values()):
            forms += piece if isinstance(piece, list) else [piece] if piece else []
    out |= {p.strip() for f in forms for p in re.split(r"\{\{.*?\}\}|\{%.*?%\}", f) if len(p.strip()) >= 4}
    return out


def kinds() -> list[str]:
    return [o.kind for o in library().outlines.values()]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("drafts")


@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("kind", kinds())
def test_no_phrase_of_the_bank_is_said_twice(kind: str, organisation: str, folder: Path) -> None:
    varied = varied_wordings()
    for unit in UNITS:
        text = "\n".join(body(draft(kind, organisation, unit, folder)))
        used = [w for w in varied if w in text]
        twice = sorted({p for w in used for p in phrases(w) if text.count(p) > 1})
        assert not twice, (unit, twice)
        sentences = [s for s in re.split(r"(?<=[。；：])", text) if len(s.strip()) > 6]
        assert not [s for s, n in Counter(sentences).items() if n > 1], unit


@pytest.mark.parametrize("organisation", ORGANISATIONS)
def test_the_annual_default_is_a_full_draft_that_checks_clean(organisation: str, folder: Path) -> None:
    for unit in UNITS:
        markdown = draft("年度党建工作总结", organisation, unit, folder)
        plain = re.sub(r"[#*>\s]", "", markdown)
        assert len(plain) >= MIN_ANNUAL, (unit, len(plain))
        for path in (folder / f"年度党建工作总结-{organisation}-{unit}.md",
                     folder / f"年度党建工作总结-{organisation}-{unit}.answers.yaml"):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stderr(err):
                assert run(["check", str(path)], out, err) == 0, out.getvalue()
        parts = markdown.split("\n## ")[1:]
        main = [p for p in parts if not re.match(r"[一二三四五六七八九十]+、[^\n]*(问题|下一步|思路)", p)]
        for part in main:
            paragraphs = [p for p in part.split("\n")[1:] if p.strip()]
            assert "三是" in paragraphs[0] and "四是" not in paragraphs[0], part[:40]
            assert len(paragraphs) == 2, part[:40]  # the measures, then the 成效 sentence
        problems = next(p for p in parts if "问题及原因" in p.split("\n")[0])
        assert re.search(r"究其原因|主要是|根源在于|原因在于", problems)


def varied_sentences(markdown: str) -> set[str]:
    """The bank's varied wordings a draft says: details, causes, 成效 sentences."""
    lib = library()
    bank = {w for m in lib.knowledge.measures for w in (*m.details, *m.causes)}
    bank |= {w for _, wordings in lib.knowledge.effects for w in wordings}
    text = "\n".join(body(markdown))
    return {w for w in bank if w in text}


BRANCHES = tuple(f"某某县统计局机关第{n}党支部" for n in "一二三四")  # as many as wordings per item


@pytest.mark.parametrize("organisation", ORGANISATIONS)
@pytest.mark.parametrize("kind", kinds())
def test_the_branches_of_one_body_hand_in_different_sentences(kind: str, organisation: str, folder: Path) -> None:
    """The 机关党委 reads its branches side by side: numbered branches share no varied sentence
    (their numbers are consecutive, so they take every rotation once; a wording skipped for a
    phrase the draft already says would make two of them meet on its fallback)."""
    said = [varied_sentences(draft(kind, organisation, unit, folder)) for unit in BRANCHES]
    assert all(len(s) >= 12 for s in said), [len(s) for s in said]
    for i in range(len(said)):
        for j in range(i):
            assert not said[i] & said[j], (BRANCHES[i], BRANCHES[j], sorted(said[i] & said[j]))


def test_most_pairs_of_offices_share_no_sentence(folder: Path) -> None:
    """Unrelated offices differ everywhere unless their numbers agree modulo the wordings per
    item (about one pair in four): statistical, unlike the branches."""
    units = ["某某县统计局", "某某市水务局", "某某县自然资源局", "某某县人民医院", "某某区教育局",
             "某某县审计局", "某某市财政局", "某某县交通运输局"]
    said = {u: varied_sentences(draft("年度党建工作总结", "党支部", u, folder)) for u in units}
    pairs = [(a, b) for a in units for b in units if a < b]
    apart = [len(said[a] & said[b]) <= 2 for a, b in pairs]  # a phrase clash may make two alike
    assert sum(apart) >= 0.6 * len(pairs), sum(apart)


def test_a_branch_draft_has_no_layers_below_it(folder: Path) -> None:
    for kind in kinds():
        for unit in UNITS:
            text = "\n".join(body(draft(kind, "党支部", unit, folder)))
            for misfit in ("层层", "为基层减负", "中心组", "所属党", "民主生活会"):
                assert misfit not in text, (kind, unit, misfit)


def test_the_same_unit_gets_the_same_draft(tmp_path: Path, folder: Path) -> None:
    again = tmp_path / "again.md"
    run_wizard(library(), output=again, prompter=Scripted(choose("党支部"), choose("年度党建工作总结"), UNITS[0], rest=ENTER))
    assert again.read_text(encoding="utf-8") == draft("年度党建工作总结", "党支部", UNITS[0], folder)
