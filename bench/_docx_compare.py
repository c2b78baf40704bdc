"""Is a baseline's .docx the same document as drafter's? Compares what a reader sees.

Two .docx files can say the same thing in different XML: fonts in a style or on each run, a
paragraph's spacing inherited from docDefaults or set on its style. So both files are resolved
to *effective* formatting (docDefaults → paragraph style chain → character style chain → direct
formatting, attribute by attribute) before they are compared:

- every body paragraph: its text; spacing (before, after, line, rule); indents (left, right,
  first line); alignment; outline level, keep-with-next, snap-to-grid;
- every run, adjacent runs of equal formatting merged: East Asian and Latin font, size, bold,
  character spacing, and the East Asian hint where the run has punctuation Word shares between
  Latin and CJK fonts (elsewhere the hint changes nothing);
- page size, margins and line grid; the odd/even-footer setting; each footer's paragraphs in
  the same terms, a field shown as {PAGE}.

`differences(a, b)` lists what differs, in words; an empty list is "same document".
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, fields
from pathlib import Path

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_AMBIGUOUS = re.compile("[“”‘’—–…·‧ˉˇ¨〃§№°±×÷]")
_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_FALSE = {"0", "false", "off"}

Props = dict[str, str]


@dataclass(frozen=True)
class RunFormat:
    east_asia: str
    latin: str
    size: str  # half-points
    bold: bool
    tracking: str
    hint: str  # only where the text has shared punctuation


@dataclass(frozen=True)
class Paragraph:
    text: str
    spacing: tuple[str, str, str, str]  # before, after, line, lineRule
    indent: tuple[str, str, str]  # left, right, firstLine (negative: hanging)
    align: str
    outline: str
    keep_next: bool
    snap: bool
    runs: tuple[tuple[str, RunFormat], ...]


@dataclass(frozen=True)
class Layout:
    """The parts of a .docx that `differences` compares."""

    body: list[Paragraph]
    page: dict[str, Props]
    odd_even: bool
    footers: dict[str, list[Paragraph]]


def _on(el: etree._Element) -> bool:
    return el.get(f"{_W}val", "1") not in _FALSE


def _ppr_props(ppr: etree._Element | None) -> Props:
    """The paragraph properties this pPr sets, one key per attribute (they inherit one by one)."""
    out: Props = {}
    if ppr is None:
        return out
    for child in ppr:
        name = etree.QName(child).localname
        if name == "spacing":
            for attr in ("before", "after", "line", "lineRule"):
                if (v := child.get(f"{_W}{attr}")) is not None:
                    out[f"spacing.{attr}"] = v
        elif name == "ind":
            for attr, key in (
                ("left", "left"),
                ("start", "left"),
                ("right", "right"),
                ("end", "right"),
                ("firstLine", "firstLine"),
            ):
                if (v := child.get(f"{_W}{attr}")) is not None:
                    out[f"ind.{key}"] = v
            if (v := child.get(f"{_W}hanging")) is not None:
                out["ind.firstLine"] = str(-int(v))
        elif name in ("jc", "outlineLvl"):
            out[name] = child.get(f"{_W}val", "")
        elif name in ("keepNext", "snapToGrid"):
            out[name] = "1" if _on(child) else "0"
    return out


def _rpr_props(rpr: etree._Element | None) -> Props:
    """The run properties this rPr sets; a theme font slot reads as theme:NAME."""
    out: Props = {}
    if rpr is None:
        return out
    for child in rpr:
        name = etree.QName(child).localname
        if name == "rFonts":
            for slot in _FONT_SLOTS:
                theme = child.get(f"{_W}{slot}Theme" if slot != "cs" else f"{_W}cstheme")
                value = child.get(f"{_W}{slot}")
                if theme is not None:
                    out[f"font.{slot}"] = f"theme:{theme}"
                elif value is not None:
                    out[f"font.{slot}"] = value
            if (hint := child.get(f"{_W}hint")) is not None:
                out["font.hint"] = hint
        elif name == "sz":
            out["sz"] = child.get(f"{_W}val", "")
        elif name == "b":
            out["b"] = "1" if _on(child) else "0"
        elif name == "spacing":
            out["tracking"] = child.get(f"{_W}val", "0")
    return out


@dataclass
class _Styles:
    """styles.xml resolved enough to walk basedOn chains."""

    by_id: dict[str, etree._Element]
    default_para: str
    doc_ppr: Props
    doc_rpr: Props

    @classmethod
    def parse(cls, xml: bytes | None) -> _Styles:
        if xml is None:
            return cls({}, "", {}, {})
        root = etree.fromstring(xml)
        by_id = {s.get(f"{_W}styleId", ""): s for s in root.iter(f"{_W}style")}
        default_para = next(
            (
                i
                for i, s in by_id.items()
                if s.get(f"{_W}type") == "paragraph" and s.get(f"{_W}default") in ("1", "true")
            ),
            "",
        )
        return cls(
            by_id,
            default_para,
            _ppr_props(root.find(f"{_W}docDefaults/{_W}pPrDefault/{_W}pPr")),
            _rpr_props(root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")),
        )

    def chain(self, style_id: str) -> list[etree._Element]:
        """The style and its bases, base first (cycles and missing ids end the chain)."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val", "") if based is not None else ""
        return out[::-1]


def _run_text(run: etree._Element, in_result: bool) -> str:
    out = []
    for child in run:
        name = etree.QName(child).localname
        if name == "instrText":
            out.append("{" + (child.text or "").strip() + "}")
        elif in_result:
            continue  # a field's cached result is not compared, its instruction is
        elif name == "t":
            out.append(child.text or "")
        elif name == "tab":
            out.append("\t")
        elif name in ("br", "cr"):
            out.append("\n")
    return "".join(out)


def _paragraph(p: etree._Element, styles: _Styles) -> Paragraph:
    """A paragraph with its effective formatting."""
    ppr = p.find(f"{_W}pPr")
    style_el = ppr.find(f"{_W}pStyle") if ppr is not None else None
    style_id = style_el.get(f"{_W}val", "") if style_el is not None else styles.default_para
    pchain = styles.chain(style_id)
    pprops = dict(styles.doc_ppr)
    rbase = dict(styles.doc_rpr)
    for s in pchain:
        pprops.update(_ppr_props(s.find(f"{_W}pPr")))
        rbase.update(_rpr_props(s.find(f"{_W}rPr")))
    pprops.update(_ppr_props(ppr))

    runs: list[tuple[str, RunFormat]] = []
    in_result = False
    for r in p.iter(f"{_W}r"):
        fld = r.find(f"{_W}fldChar")
        if fld is not None:
            kind = fld.get(f"{_W}fldCharType")
            in_result = kind == "separate" or (in_result and kind != "end")
            continue
        text = _run_text(r, in_result)
        if not text:
            continue
        rpr = r.find(f"{_W}rPr")
        rprops = dict(rbase)
        rstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
        if rstyle is not None:
            for s in styles.chain(rstyle.get(f"{_W}val", "")):
                rprops.update(_rpr_props(s.find(f"{_W}rPr")))
        rprops.update(_rpr_props(rpr))
        fmt = RunFormat(
            east_asia=rprops.get("font.eastAsia", ""),
            latin=rprops.get("font.ascii", ""),
            size=rprops.get("sz", ""),
            bold=rprops.get("b", "0") == "1",
            tracking=rprops.get("tracking", "0"),
            hint=rprops.get("font.hint", "") if _AMBIGUOUS.search(text) else "",
        )
        if runs and runs[-1][1] == fmt:
            runs[-1] = (runs[-1][0] + text, fmt)
        else:
            runs.append((text, fmt))
    return Paragraph(
        text="".join(t for t, _ in runs),
        spacing=tuple(
            pprops.get(f"spacing.{a}", d)
            for a, d in (("before", "0"), ("after", "0"), ("line", "240"), ("lineRule", "auto"))  # type: ignore[arg-type]
        ),
        indent=tuple(pprops.get(f"ind.{a}", "0") for a in ("left", "right", "firstLine")),  # type: ignore[arg-type]
        align={"both": "both", "distribute": "both", "start": "left", "end": "right"}.get(
            pprops.get("jc", "left"), pprops.get("jc", "left")
        ),
        outline=pprops.get("outlineLvl", "9"),
        keep_next=pprops.get("keepNext", "0") == "1",
        snap=pprops.get("snapToGrid", "1") == "1",
        runs=tuple(runs),
    )


def read_layout(path: Path) -> Layout:
    """Everything `differences` compares, read from a .docx."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())

        def part(name: str) -> bytes | None:
            return zf.read(name) if name in names else None

        rels_xml = part("_rels/.rels")
        main = "word/document.xml"
        if rels_xml is not None:
            for rel in etree.fromstring(rels_xml).iter(f"{_REL}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    main = rel.get("Target", main).lstrip("/")
        base, file = posixpath.split(main)
        targets: dict[str, str] = {}
        doc_rels = part(posixpath.join(base, "_rels", f"{file}.rels"))
        styles_name = ""
        settings_name = ""
        if doc_rels is not None:
            for rel in etree.fromstring(doc_rels).iter(f"{_REL}Relationship"):
                target = posixpath.normpath(posixpath.join(base, rel.get("Target", "")))
                targets[rel.get("Id", "")] = target
                if rel.get("Type", "").endswith("/styles"):
                    styles_name = target
                elif rel.get("Type", "").endswith("/settings"):
                    settings_name = target
        styles = _Styles.parse(part(styles_name))
        root = etree.fromstring(zf.read(main))
        body = root.find(f"{_W}body")
        paragraphs = [_paragraph(p, styles) for p in body.iter(f"{_W}p")]
        sect = body.find(f"{_W}sectPr")
        page = {}
        footers: dict[str, list[Paragraph]] = {}
        if sect is not None:
            for tag in ("pgSz", "pgMar", "docGrid"):
                el = sect.find(f"{_W}{tag}")
                page[tag] = (
                    {etree.QName(k).localname: v for k, v in el.attrib.items()}
                    if (el is not None)
                    else {}
                )
            for ref in sect.iter(f"{_W}footerReference"):
                footer = part(targets.get(ref.get(_R_ID, ""), ""))
                if footer is not None:
                    footers[ref.get(f"{_W}type", "default")] = [
                        _paragraph(p, styles) for p in etree.fromstring(footer).iter(f"{_W}p")
                    ]
        settings = part(settings_name)
        odd_even = False
        if settings is not None:
            el = etree.fromstring(settings).find(f"{_W}evenAndOddHeaders")
            odd_even = el is not None and _on(el)
    return Layout(paragraphs, page, odd_even, footers)


def _para_differences(where: str, a: list[Paragraph], b: list[Paragraph]) -> list[str]:
    out = []
    if len(a) != len(b):
        out.append(f"{where}: {len(a)} paragraphs vs {len(b)}")
    for i, (pa, pb) in enumerate(zip(a, b, strict=False)):
        for f in fields(Paragraph):
            va, vb = getattr(pa, f.name), getattr(pb, f.name)
            if va != vb:
                shown_a, shown_b = (str(va)[:160], str(vb)[:160])
                out.append(f"{where} paragraph {i + 1} {f.name}: {shown_a} vs {shown_b}")
    return out


def differences(a: Path, b: Path) -> list[str]:
    """What differs between two .docx files as a reader sees them (empty: same document)."""
    la, lb = read_layout(a), read_layout(b)
    out = _para_differences("body", la.body, lb.body)
    for tag in sorted(set(la.page) | set(lb.page)):
        pa, pb = la.page.get(tag, {}), lb.page.get(tag, {})
        if tag == "docGrid":  # charSpace only matters for a character grid
            pa = {k: v for k, v in pa.items() if k != "charSpace"}
            pb = {k: v for k, v in pb.items() if k != "charSpace"}
        if pa != pb:
            out.append(f"page {tag}: {pa} vs {pb}")
    if la.odd_even != lb.odd_even:
        out.append(f"different odd and even footers: {la.odd_even} vs {lb.odd_even}")
    for kind in sorted(set(la.footers) | set(lb.footers)):
        out += _para_differences(
            f"footer {kind}", la.footers.get(kind, []), lb.footers.get(kind, [])
        )
    return out
