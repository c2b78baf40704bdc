"""A reference .docx (`--reference-docx`): its styles, theme and page setup under drafter's parts.

The file is untrusted: its package is checked (sizes, DTDs, encryption) before any part is
read, its XML is parsed without entities or network, and what it gives is cached per content.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
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
    """Read styles, theme and page setup from a reference .docx (its bytes key the cache)."""
    from lxml import etree

    from drafter.reading import check_docx_package

    check_docx_package(path, data)  # size limits, DTDs and encryption, before any part is read

    not_word = "不是 Word 文档（.docx）。"
    hint = "请用 Word 或 WPS 打开该文件并另存为 .docx 后再试。"
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # the file is untrusted
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())

            def part(name: str) -> _Element | None:
                if name not in names:
                    return None
                try:
                    return etree.fromstring(zf.read(name), parser)
                except etree.XMLSyntaxError as exc:
                    raise InputFileError(
                        path, f"参考文档中的 {name} 已损坏（第{exc.lineno}行的 XML 无法解析）。", hint=hint
                    ) from exc

            main_name = _rel_target(part("_rels/.rels"), "", "/officeDocument")
            main = part(main_name) if main_name else None
            if main_name is None or main is None or main.tag != f"{{{W}}}document":
                raise InputFileError(path, not_word, hint=hint)
            base, main_file = posixpath.split(main_name)
            doc_rels = part(posixpath.join(base, "_rels", f"{main_file}.rels"))
            styles_name = _rel_target(doc_rels, base, "/styles")
            theme_name = _rel_target(doc_rels, base, "/theme")
            styles = part(styles_name) if styles_name else None
            theme = zf.read(theme_name) if theme_name in names else None
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise InputFileError(path, not_word + "无法作为 zip 包打开。", hint=hint) from None
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


