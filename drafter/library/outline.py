"""Outlines: the learned section structure of a report kind, and the hand-written parts beside it.

`Outline` mirrors `outlines/learned/<id>.yaml` (see docs/formats.md); `Library` gathers every
learned outline with the authored kinds, topics, questions and templates of an outlines folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import UserError
from drafter.files import YamlDoc, excerpt, load_yaml, validate_once
from drafter.library.own import MAX_KINDS, SUFFIX, Broken, own_root
from drafter.library.schemas import AUTHORED_SCHEMAS, OUTLINE_SCHEMA, default_outlines_dir

if TYPE_CHECKING:
    from drafter.library.knowledge import Knowledge

SCHEMA_VERSION = 1
# The topic of a learned section that no topic's keywords name, and its name.
OTHER = "other"
OTHER_NAME = "其他"
LEARNED_HEADER = "# 由 drafter learn 生成，请勿手工修改；问题措辞与模板见 outlines/authored/。\n"

@dataclass
class Sourced:
    """A text seen in the corpus, with the reports it came from. A point learned from an
    office's own reports keeps how that office said it (`detail`, cleaned; "" otherwise) and
    the counts it stated there (`counts`: their keys, as the section's facts name them): this
    period's figures of those counts are that point's."""

    text: str
    sources: list[str]
    detail: str = ""
    counts: list[str] = field(default_factory=list)


@dataclass
class Fact:
    """A countable activity seen in the corpus: 集中学习 … 次."""

    key: str
    unit: str
    sources: list[str]
    example: int | None = None


@dataclass
class OutlineSection:
    """One learned section: its topic, level, heading variants, phrase bank and facts."""

    id: str
    topic: str
    level: int
    share: float
    run_in: bool
    titles: list[Sourced] = field(default_factory=list)
    points: list[Sourced] = field(default_factory=list)  # text = the lead clause
    facts: list[Fact] = field(default_factory=list)
    children: list[OutlineSection] = field(default_factory=list)
    # An own kind's: the paragraphs the office wrote besides its 一是……二是…… (its prose, a
    # 成效 sentence), cleaned of last period's figures — the part's text this period by default.
    text: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "level": self.level,
            "share": round(self.share, 3),
            "run_in": self.run_in,
            "titles": [{"text": t.text, "sources": t.sources} for t in self.titles],
            "points": [_point_dict(p) for p in self.points],
            "facts": [_fact_dict(f) for f in self.facts],
            "children": [c.to_dict() for c in self.children],
            **({"text": self.text} if self.text else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OutlineSection:
        return cls(
            id=d["id"],
            topic=d["topic"],
            level=d["level"],
            share=float(d["share"]),
            run_in=d["run_in"],
            titles=[Sourced(t["text"], t["sources"]) for t in d.get("titles") or []],
            points=[
                Sourced(p["lead"], p["sources"], p.get("detail") or "", list(p.get("counts") or []))
                for p in d.get("points") or []
            ],
            facts=[
                Fact(f["key"], f["unit"], f["sources"], f.get("example"))
                for f in d.get("facts") or []
            ],
            children=[cls.from_dict(c) for c in d.get("children") or []],
            text=list(d.get("text") or []),
        )

    def walk(self) -> list[OutlineSection]:
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out


def _point_dict(p: Sourced) -> dict[str, Any]:
    d: dict[str, Any] = {"lead": p.text}
    if p.detail:
        d["detail"] = p.detail
    if p.counts:
        d["counts"] = p.counts
    d["sources"] = p.sources
    return d


def _fact_dict(f: Fact) -> dict[str, Any]:
    d: dict[str, Any] = {"key": f.key, "unit": f.unit}
    if f.example is not None:
        d["example"] = f.example
    d["sources"] = f.sources
    return d


@dataclass(frozen=True)
class OwnKind:
    """What an own kind (learned by `drafter learn --name` from one office's reports) adds to
    its outline: the shipped kind its reports are (`base`: titles and closings are that
    kind's), the names the reports give the office (titles and sign-offs), and the opening of
    its newest report (`opening`, its paragraphs without last period's figures) with the year
    and period that report covers (`year`, `period`: the opening is said again for a report of
    that period, its years moved to the report's)."""

    base: str
    units: tuple[str, ...]
    opening: tuple[str, ...] = ()
    year: int | None = None
    period: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"base": self.base, "units": list(self.units)}
        if self.opening:
            d["opening"] = list(self.opening)
        if self.year is not None:
            d["year"] = self.year
        if self.period is not None:
            d["period"] = self.period
        return d


@dataclass
class Outline:
    """A learned outline of one report kind (or the general outline); `own` for one learned from
    an office's own reports (drafter.library.own)."""

    id: str
    kind: str
    description: str
    sources: list[str]
    sections: list[OutlineSection]
    titles: list[Sourced] = field(default_factory=list)
    opening: list[Sourced] = field(default_factory=list)
    closing: list[Sourced] = field(default_factory=list)
    path: Path | None = None
    own: OwnKind | None = None

    def to_dict(self) -> dict[str, Any]:
        def sourced(items: list[Sourced]) -> list[dict[str, Any]]:
            return [{"text": s.text, "sources": s.sources} for s in items]

        head: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "kind": self.kind,
            "description": self.description,
        }
        if self.own is not None:
            head["own"] = self.own.to_dict()
        return {
            **head,
            "sources": self.sources,
            "titles": sourced(self.titles),
            "opening": sourced(self.opening),
            "closing": sourced(self.closing),
            "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_doc(cls, doc: YamlDoc) -> Outline:
        """Build an outline from a loaded YAML document, validating it first."""
        validate_once(doc, OUTLINE_SCHEMA, "outline")
        d = doc.data
        if d["schema"] != SCHEMA_VERSION:
            raise doc.error(("schema",), f"不支持的大纲版本 {d['schema']}（应为 {SCHEMA_VERSION}）。")

        def sourced(key: str) -> list[Sourced]:
            return [Sourced(s["text"], s["sources"]) for s in d.get(key) or []]

        own = d.get("own")
        return cls(
            id=d["id"],
            kind=d["kind"],
            description=d.get("description") or "",
            sources=d["sources"],
            sections=[OutlineSection.from_dict(s) for s in d["sections"]],
            titles=sourced("titles"),
            opening=sourced("opening"),
            closing=sourced("closing"),
            path=doc.path,
            own=None if own is None else OwnKind(
                own["base"], tuple(own["units"]), tuple(own.get("opening") or ()), own.get("year"),
                own.get("period"),
            ),
        )

    def find(self, section_id: str) -> OutlineSection | None:
        """The section with this id anywhere in the tree."""
        for top in self.sections:
            for s in top.walk():
                if s.id == section_id:
                    return s
        return None


def load_outline(path: Path) -> Outline:
    """Load and validate one learned outline file."""
    return Outline.from_doc(load_yaml(path))


@dataclass
class Library:
    """Every outline of an outlines folder with its authored kinds, topics, questions, templates."""

    root: Path
    outlines: dict[str, Outline]
    kinds: list[dict[str, Any]]
    topics: list[dict[str, Any]]
    verbs: dict[str, list[str]]  # verb → endings of the count nouns it governs: 召开 → [会]
    questions: dict[str, Any]
    shipped: bool  # True for drafter's own outlines/; others render in a Jinja sandbox
    # Words that mark a learned part as one region's, sector's or campaign's (民族团结, 乡村振兴):
    # such a part is offered, never ticked for the user (topics.yaml `specific`).
    specific: tuple[str, ...] = ()
    # Files of the own library that did not load (drafter.library.own), for `drafter kinds`.
    broken: tuple[Broken, ...] = ()

    @property
    def templates_dir(self) -> Path:
        return self.root / "authored" / "templates"

    @cached_property
    def knowledge(self) -> Knowledge:
        """Organisations, count catalogue and phrase banks of this folder (drafter.library.knowledge),
        loaded the first time they are needed and kept with the library."""
        from drafter.library.knowledge_files import load_knowledge

        return load_knowledge(self.root)

    def outline(self, outline_id: str) -> Outline:
        """One of the library's outlines by id (answers files resolve theirs in drafter.answers.answers)."""
        if outline_id in self.outlines:
            return self.outlines[outline_id]
        known = "、".join(self.outlines)
        raise UserError(f"未知的大纲“{outline_id}”。", hint=f"可用的大纲：{known}")

    def topic_ids(self) -> set[str]:
        """The ids of every authored topic."""
        return {t["id"] for t in self.topics}

    def kind(self, outline_id: str) -> dict[str, Any]:
        """The authored kind of an outline id; the last kind (the fallback) for the general outline."""
        return self.authored_kind(outline_id) or self.kinds[-1]

    def kind_of(self, outline: Outline) -> dict[str, Any]:
        """The authored kind an outline is written as: an own kind's base kind (its reports'),
        else the kind of its id (`kind`)."""
        if outline.own is not None:
            return self.kind(outline.own.base)
        return self.kind(outline.id)

    def kind_id(self, outline: Outline) -> str:
        """The id that questions and templates test (`kind`): an own kind's base kind, a
        shipped outline's own id (general stays general)."""
        return outline.own.base if outline.own is not None else outline.id

    def authored_kind(self, outline_id: str) -> dict[str, Any] | None:
        """The authored kind with exactly this id, None for the general or an imported outline."""
        return next((k for k in self.kinds if k["id"] == outline_id), None)

    @property
    def own_outlines(self) -> list[Outline]:
        """The own kinds (learned from the office's reports), in the order they are offered."""
        return [o for o in self.outlines.values() if o.own is not None]

    def office_for(self, names: Iterable[str]) -> tuple[str, ...]:
        """The names an own kind's reports give the office that one of `names` (the unit of a
        draft: its answer, title, sign-off) is; () when no own kind is that office's."""
        from drafter.domain import Office

        wanted = [n for n in names if n.strip()]
        for outline in self.own_outlines:
            assert outline.own is not None
            office = Office.of(outline.own.units)
            if any(office.names_it(name) for name in wanted):
                return office.names
        return ()

    def reserved_names(self) -> tuple[str, ...]:
        """The ids and kind names of the shipped outlines: no own kind may take them."""
        shipped = [o for o in self.outlines.values() if o.own is None]
        return tuple(dict.fromkeys([*(o.id for o in shipped), *(o.kind for o in shipped)]))

    def topic(self, topic_id: str) -> dict[str, Any] | None:
        for t in self.topics:
            if t["id"] == topic_id:
                return t
        return None


def load_authored(root: Path) -> dict[str, Any]:
    """Load and validate authored/kinds.yaml, topics.yaml and questions.yaml of an outlines folder."""
    loaded: dict[str, Any] = {}
    for name, schema in AUTHORED_SCHEMAS.items():
        doc = load_yaml(root / "authored" / name)
        validate_once(doc, schema, name)
        loaded[name] = doc.data
    return loaded


def load_own(root: Path | None = None) -> tuple[list[Outline], list[Broken]]:
    """The own kinds of the library folder (by file name) and the files that did not load.

    A missing folder is an empty library. Only regular `*.yaml` files are read, at most
    MAX_KINDS of them; a file that is not an own kind's outline (no `own:`) is broken too.
    """
    root = root or own_root()
    try:
        paths = sorted(p for p in root.glob(f"*{SUFFIX}") if not p.name.startswith("."))
    except OSError:
        return [], []
    outlines: list[Outline] = []
    broken: list[Broken] = []
    for path in paths[:MAX_KINDS]:
        try:
            outline = load_outline(path)
        except UserError as exc:
            broken.append(Broken(path, exc.message))
            continue
        if outline.own is None:
            broken.append(Broken(path, "不是由 drafter learn --name 学到的报告类型。"))
        elif outline.id != path.name.removesuffix(SUFFIX):
            broken.append(Broken(path, f"文件中的名称“{excerpt(outline.id)}”与文件名不符。"))
        else:
            outlines.append(outline)
    return outlines, broken


def load_library(root: Path | None = None, own: Path | None = None) -> Library:
    """Load an outlines folder (default: the shipped one) and, after its outlines, the own kinds
    of the user's library (`own`, default: drafter.library.own.own_root()); an own kind never
    replaces an outline of the folder."""
    shipped_root = default_outlines_dir()
    root = root or shipped_root
    authored = load_authored(root)
    outlines = {}
    for path in sorted((root / "learned").glob("*.yaml")):
        outline = load_outline(path)
        outlines[outline.id] = outline
    owned, broken = load_own(own)
    for outline in owned:
        if outline.id in outlines:
            broken.append(Broken(outline.path or Path(outline.id), "与自带的大纲同名，未使用。"))
        else:
            outlines[outline.id] = outline
    return Library(
        root=root,
        outlines=outlines,
        kinds=authored["kinds.yaml"]["kinds"],
        topics=authored["topics.yaml"]["topics"],
        verbs=authored["topics.yaml"].get("verbs") or {},
        specific=tuple(authored["topics.yaml"].get("specific") or ()),
        questions=authored["questions.yaml"],
        shipped=root.resolve() == shipped_root.resolve(),
        broken=tuple(broken),
    )
