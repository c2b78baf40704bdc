"""The parse cache of shipped outlines: same data as a fresh parse, keyed by content, safe to lose."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from drafter.errors import UserError
from drafter.files import cache
from drafter.files.yamlio import load_yaml, parse_yaml
from drafter.library.outline import load_library
from drafter.library.schemas import default_outlines_dir


def test_shipped_files_come_back_equal_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    path = default_outlines_dir() / "learned" / "general.yaml"
    fresh = parse_yaml(path.read_text(encoding="utf-8"), path).data
    first = load_yaml(path)
    assert first.root is not None and first.data == fresh  # parsed, then stored
    assert len(list((tmp_path / "c").glob("yaml-*.json"))) == 1
    second = load_yaml(path)
    assert second.root is None and second.data == fresh  # from the cache
    assert second.mark(("sections", 0, "id")) == first.mark(("sections", 0, "id"))  # lines on demand
    assert load_library().outlines["general"].sections[0].id == "politics"


def test_a_damaged_or_missing_cache_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    path = default_outlines_dir() / "authored" / "kinds.yaml"
    load_yaml(path)
    for entry in (tmp_path / "c").glob("yaml-*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert load_yaml(path).data["kinds"]
    shutil.rmtree(tmp_path / "c")
    assert load_yaml(path).data["kinds"]


def test_other_files_are_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    mine = tmp_path / "x.yaml"
    mine.write_text("a: 1\n", encoding="utf-8")
    assert load_yaml(mine).data == {"a": 1}
    assert not (tmp_path / "c").exists()


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "sub"))
    assert load_yaml(default_outlines_dir() / "authored" / "kinds.yaml").data["kinds"]
    assert os.path.isfile(blocker)


def test_checks_run_once_per_content_and_again_when_the_bytes_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of the shipped folder stands in for drafter's own: its schema and wording checks
    pass once and are remembered; an edited file has new bytes, so its checks run again."""
    from drafter.files import yamlio
    from drafter.library import knowledge_files

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    own = tmp_path / "own"
    shutil.copytree(default_outlines_dir(), own)
    monkeypatch.setattr(yamlio, "shipped_outlines_dir", own.resolve)
    monkeypatch.setattr(knowledge_files, "default_outlines_dir", own.resolve)
    knowledge_files._load.cache_clear()
    assert load_library(own).knowledge.measures
    markers = sorted(p.name.split("-")[1] for p in (tmp_path / "c").glob("checked-*"))
    assert markers == ["kinds.yaml", "knowledge", *["outline"] * 5, "questions.yaml", "topics.yaml"]

    def refuse(*args: object) -> None:
        raise AssertionError("checked again")

    with monkeypatch.context() as patched:
        patched.setattr("drafter.files.schema.validate", refuse)
        patched.setattr(knowledge_files, "validate", refuse)
        knowledge_files._load.cache_clear()
        assert load_library(own).knowledge.measures  # same bytes: no check runs
    measures = own / "authored" / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    measures.write_text(text.replace("- text: ", "- text: 2025年", 1), encoding="utf-8")
    knowledge_files._load.cache_clear()
    with pytest.raises(UserError, match="不宜作为条目"):
        assert load_library(own).knowledge
    knowledge_files._load.cache_clear()
