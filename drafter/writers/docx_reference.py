"""A reference .docx (`--reference-docx`): its styles, theme and page setup under drafter's parts.

The file is untrusted: it is opened and its parts read through drafter.reading's guarded
path, as a report is (sizes, DTDs whatever the encoding, encryption; no entities, no network),
and what it gives is cached per content.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import InputFileError, os_reason
from drafter.files import read_input
from drafter.writers.docx_layout import (
    PAGE_SETUP,
    PKG_RELS,
    Template,
    W,
    build_template,
    escape_attr,
    styles_xml,
)

if TYPE_CHECKING:
    from lxml.etree import _Element


def reference_template(path: Path) -> Template:
    """The template for a reference .docx; cached per file content, errors as InputFileError."""
    return _load_reference(path, read_input(path, "参考 .docx 文件"))


@lru_cache(maxsize=4)
def _load_reference(path: Path, data: bytes) -> Template:
    """Read styles, theme and page setup from a reference .docx (its bytes key the cache).

    The package goes through reading's one guarded path: sizes, encryption and every XML
    part's prolog checked before any part is inflated (`check_docx_package`), then each part
    read with `parse_part` / `read_xml_part` (no DTDs, entities or network).
    """
    from drafter.reading import check_docx_package, open_package, parse_part, read_xml_part

    check_docx_package(path, data)
    not_word = "不是 Word 文档（.docx）。"
    hint = "请用 Word 或 WPS 打开该文件并另存为 .docx 后再试。"
    try:
        with open_package(path, data) as zf:
            names = set(zf.namelist())

            def part(name: str) -> _Element | None:
                return parse_part(path, zf, name) if name in names else None

            main_name = _rel_target(part("_rels/.rels"), "", "/officeDocument")
            main = part(main_name) if main_name else None
            if main_name is None or main is None or main.tag != f"{{{W}}}document":
                raise InputFileError(path, not_word, hint=hint)
            base, main_file = posixpath.split(main_name)
            doc_rels = part(posixpath.join(base, "_rels", f"{main_file}.rels"))
            styles_name = _rel_target(doc_rels, base, "/styles")
            theme_name = _rel_target(doc_rels, base, "/theme")
            styles = part(styles_name) if styles_name else None
            theme = read_xml_part(path, zf, theme_name) if theme_name in names else None
    except OSError as exc:
        raise InputFileError(path, f"无法读取参考文档（{os_reason(exc)}）。") from exc
    merged = _merge_styles(styles) if styles is not None else styles_xml().encode()
    return build_template(merged, _page_setup(main), theme)


def _rel_target(rels: _Element | None, base: str, type_suffix: str) -> str | None:
    """The zip name a relationship of the given type points at, resolved against `base`."""
    if rels is None:
        return None
    for rel in rels.iter(f"{{{PKG_RELS}}}Relationship"):
        if rel.get("Type", "").endswith(type_suffix) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            return posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            )
    return None


def _merge_styles(styles: _Element) -> bytes:
    """The reference's styles.xml plus those of our styles it does not define (theirs win).

    Only our own `Gongwen*` ids are added: a reference from a Chinese Word names its Normal
    style "a", and a second style called Normal would clash with it.
    """
    from lxml import etree

    have = {s.get(f"{{{W}}}styleId") for s in styles.iter(f"{{{W}}}style")}
    ours = etree.fromstring(styles_xml().encode())
    for style in list(ours.iter(f"{{{W}}}style")):
        style_id = style.get(f"{{{W}}}styleId", "")
        if style_id.startswith("Gongwen") and style_id not in have:
            styles.append(style)
    merged: bytes = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    return merged


def _page_setup(main: _Element) -> str:
    """pgSz, pgMar and docGrid of the reference's last section, ours for whatever it lacks."""
    sect = main.find(f"{{{W}}}body/{{{W}}}sectPr")
    out = []
    for tag, default in PAGE_SETUP.items():
        el = sect.find(f"{{{W}}}{tag}") if sect is not None else None
        if el is None:
            out.append(default)
            continue
        attrs = "".join(
            f' w:{name.rpartition("}")[2]}="{escape_attr(value)}"'
            for name, value in el.attrib.items()
            if name.startswith(f"{{{W}}}")
        )
        out.append(f"<w:{tag}{attrs}/>")
    return "".join(out)


