"""The fixed parts of drafter's .docx: layout facts, styles, settings, footers, font table, and
the package template they make — shared by the writer and the reference-docx reader.

Layout facts (page, grid, fonts, page numbers, signature) follow docs/gongwen-format.md.
`default_template()` is drafter's own package; `build_template` assembles one around another
styles.xml (a `--reference-docx`'s, merged by drafter.writers.docx_reference). The writer
(drafter.writers.docx_writer) adds each document's document.xml and core.xml.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

# --- layout facts (twips = 1/20 pt, sizes in half-points) -------------------------------------
LATIN = "Times New Roman"
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"

SIZE_ER = 44  # 二号 22 pt
SIZE_SAN = 32  # 三号 16 pt
SIZE_SI = 28  # 四号 14 pt
LINE = 579  # exact line pitch 28.95 pt, 22 lines in the 225 mm text block
INDENT = 640  # two 三号 characters
FOOTER_INDENT = 280  # one 四号 character
# 28 三号 characters (448 pt) are wider than the 156 mm (442 pt) text block; tightening each by
# 0.25 pt (-5 twips) gives the standard's 28 per line, as Word's character grid would, without a
# character grid (with one LibreOffice halves the characters per line).
TRACKING = -5

PAGE_SETUP = {  # sectPr children in schema order; a reference .docx may replace each
    "pgSz": '<w:pgSz w:w="11906" w:h="16838"/>',
    # footer 22 mm from the edge: the page number sits about 7 mm below the text block
    "pgMar": '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"'
    ' w:header="851" w:footer="1247" w:gutter="0"/>',
    # type "lines": with characters on the grid LibreOffice halves the characters per line
    "docGrid": f'<w:docGrid w:type="lines" w:linePitch="{LINE}"/>',
}

# Style ids this writer emits; a reference .docx must end up defining all of them.
TITLE = "GongwenTitle"
BODY = "GongwenBody"
BODY_CHAR = "GongwenBodyChar"
SIGNATURE = "GongwenSignature"
FOOTER = "GongwenFooter"
HEADING_FONTS = {1: HEITI, 2: KAITI, 3: FANGSONG, 4: FANGSONG}


def heading_style(level: int) -> str:
    """The paragraph style id of a heading level (1..4)."""
    if level not in HEADING_FONTS:
        raise ValueError(f"heading level must be 1..4, got {level}")
    return f"GongwenHeading{level}"


# --- package plumbing ---------------------------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS = f'xmlns:w="{W}" xmlns:r="{R}"'
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
THEME_CT = "application/vnd.openxmlformats-officedocument.theme+xml"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so equal documents give equal bytes


def escape(text: str) -> str:
    """Character data as XML needs it: &, < and > as entities (> so "]]>" cannot occur).

    Our own, not xml.sax.saxutils.escape: importing that pulls in urllib, http.client and email
    (about 20 ms and 3 MB at every start) for three replacements.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(value: str) -> str:
    """An attribute value for use between double quotes: also ", and tab/newline kept as such."""
    return (
        escape(value)
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
    )


# --- styles -------------------------------------------------------------------------------------
_LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _fonts(east_asia: str, latin: str = LATIN) -> str:
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'
    )


def _rpr(
    east_asia: str,
    size: int,
    *,
    latin: str = LATIN,
    not_bold: bool = False,
    tracking: int | None = None,
) -> str:
    """Run properties in schema order: fonts, not bold, character spacing, size, language."""
    bold = '<w:b w:val="0"/><w:bCs w:val="0"/>' if not_bold else ""
    spacing = f'<w:spacing w:val="{tracking}"/>' if tracking is not None else ""
    return f"<w:rPr>{_fonts(east_asia, latin)}{bold}{spacing}{_size(size)}{_LANG}</w:rPr>"


def _style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str = "",
    link: str = "",
    next_: str = "",
    ppr: str = "",
    rpr: str = "",
) -> str:
    """One `w:style` element, children in schema order."""
    parts = [
        f'<w:style w:type="{kind}" w:customStyle="1" w:styleId="{style_id}">',
        f'<w:name w:val="{name}"/>',
    ]
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_:
        parts.append(f'<w:next w:val="{next_}"/>')
    if link:
        parts.append(f'<w:link w:val="{link}"/>')
    parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    parts.append(rpr)
    parts.append("</w:style>")
    return "".join(parts)


_GRID_SPACING = f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'


def _our_styles() -> list[str]:
    """Every style drafter emits, as `w:style` elements.

    Headings, title and signature are based on the body style, so a unit's reference body
    style carries through; each still names its own font and size.
    """
    cn = {1: "一", 2: "二", 3: "三", 4: "四"}
    styles = [
        _style(
            "paragraph",
            BODY,
            "公文正文",
            link=BODY_CHAR,
            ppr=f'<w:widowControl w:val="0"/>{_GRID_SPACING}<w:ind w:firstLine="{INDENT}"/>'
            '<w:jc w:val="both"/>',
            rpr=_rpr(FANGSONG, SIZE_SAN, tracking=TRACKING),
        ),
        _style("character", BODY_CHAR, "公文正文字符", link=BODY, rpr=_rpr(FANGSONG, SIZE_SAN)),
        _style(
            "paragraph",
            TITLE,
            "公文标题",
            based_on=BODY,
            next_=BODY,
            # Off the grid: LibreOffice would give each 二号 line two grid lines of 28.95 pt.
            ppr='<w:snapToGrid w:val="0"/><w:ind w:left="0" w:right="0" w:firstLine="0"/>'
            '<w:jc w:val="center"/>',
            rpr=_rpr(XIAOBIAOSONG, SIZE_ER, not_bold=True, tracking=0),
        ),
        _style(
            "paragraph",
            SIGNATURE,
            "公文署名日期",
            based_on=BODY,
            ppr=f'<w:ind w:left="0" w:right="{INDENT}" w:firstLine="0"/><w:jc w:val="right"/>',
            rpr=_rpr(FANGSONG, SIZE_SAN),
        ),
        _style(
            "paragraph",
            FOOTER,
            "公文页码",
            ppr='<w:snapToGrid w:val="0"/>'
            '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:firstLine="0"/>',
            rpr=_rpr(SONGTI, SIZE_SI, latin=SONGTI),
        ),
    ]
    for level, font in HEADING_FONTS.items():
        para, char = heading_style(level), heading_style(level) + "Char"
        styles.append(
            _style(
                "paragraph",
                para,
                f"公文{cn[level]}级标题",
                based_on=BODY,
                next_=BODY,
                link=char,
                ppr=f'<w:keepNext/><w:outlineLvl w:val="{level - 1}"/>',
                rpr=_rpr(font, SIZE_SAN, not_bold=True),
            )
        )
        styles.append(
            _style(
                "character",
                char,
                f"公文{cn[level]}级标题字符",
                link=para,
                rpr=_rpr(font, SIZE_SAN, not_bold=True),
            )
        )
    return styles


@cache
def styles_xml() -> str:
    """Our whole styles.xml: explicit fonts in docDefaults (no theme fonts), Normal, our styles."""
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{_fonts(FANGSONG)}<w:kern w:val="2"/>{_size(SIZE_SAN)}'
        f"{_LANG}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        f'<w:widowControl w:val="0"/>{_GRID_SPACING}<w:jc w:val="both"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    builtin = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:qFormat/></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
    )
    return f"{XML_HEAD}<w:styles {NS}>{defaults}{builtin}{''.join(_our_styles())}</w:styles>"


# --- fixed parts ------------------------------------------------------------------------------
def _footer_xml(jc: str, indent: str) -> str:
    """A footer holding "— PAGE —".

    The field carries a cached result, so viewers that do not update fields still show a number.
    """
    dash_run = (
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    )
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return (
        f'{XML_HEAD}<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val="{FOOTER}"/>'
        f'<w:ind {indent}/><w:jc w:val="{jc}"/></w:pPr>'
        f"{dash_run.format('— ')}{field}{dash_run.format(' —')}</w:p></w:ftr>"
    )


_SETTINGS_XML = (
    f"{XML_HEAD}<w:settings {NS}>"
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
    '<w:characterSpacingControl w:val="compressPunctuation"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode"'
    ' w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    "</w:settings>"
)


def _font_table_xml() -> str:
    """The font table: the 公文 fonts with their GB2312 charset.

    With the charset and an alternative name, Word/WPS pick a Chinese substitute on a PC that
    lacks one of them.
    """
    chinese = {
        FANGSONG: "仿宋",
        KAITI: "楷体",
        HEITI: "SimHei",
        XIAOBIAOSONG: "宋体",
        SONGTI: "SimSun",
    }
    fonts = [
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        for name, alt in chinese.items()
    ]
    fonts.append(
        f'<w:font w:name="{LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/>'
        '<w:pitch w:val="variable"/></w:font>'
    )
    return f"{XML_HEAD}<w:fonts {NS}>{''.join(fonts)}</w:fonts>"


class Template(NamedTuple):
    """Everything of a package except document.xml and core.xml, ready to zip."""

    parts: tuple[tuple[str, bytes], ...]
    sect_pr: str


def build_template(styles: bytes, page_setup: str, theme: bytes | None) -> Template:
    """Assemble the fixed parts around a styles.xml (ours or a merged reference one)."""
    overrides = {
        "/word/document.xml": f"{WML_CT}.document.main+xml",
        "/word/styles.xml": f"{WML_CT}.styles+xml",
        "/word/settings.xml": f"{WML_CT}.settings+xml",
        "/word/fontTable.xml": f"{WML_CT}.fontTable+xml",
        "/word/footer1.xml": f"{WML_CT}.footer+xml",
        "/word/footer2.xml": f"{WML_CT}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    }
    rels = {"styles": "styles.xml", "settings": "settings.xml", "fontTable": "fontTable.xml"}
    if theme is not None:
        overrides["/word/theme/theme1.xml"] = THEME_CT
        rels["theme"] = "theme/theme1.xml"
    content_types = (
        f'{XML_HEAD}<Types xmlns="{CT}">'
        '<Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Override PartName="{name}" ContentType="{ct}"/>' for name, ct in overrides.items()
        )
        + "</Types>"
    )
    package_rels = (
        f'{XML_HEAD}<Relationships xmlns="{PKG_RELS}">'
        f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
        'metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    rel_items = [*rels.items(), ("footer", "footer1.xml"), ("footer", "footer2.xml")]
    document_rels = (
        f'{XML_HEAD}<Relationships xmlns="{PKG_RELS}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{R}/{kind}" Target="{target}"/>'
            for i, (kind, target) in enumerate(rel_items, 1)
        )
        + "</Relationships>"
    )
    odd_id, even_id = len(rel_items) - 1, len(rel_items)
    sect_pr = (
        f'<w:sectPr><w:footerReference w:type="default" r:id="rId{odd_id}"/>'
        f'<w:footerReference w:type="even" r:id="rId{even_id}"/>{page_setup}</w:sectPr>'
    )
    parts = [
        ("[Content_Types].xml", content_types.encode()),
        ("_rels/.rels", package_rels.encode()),
        ("word/_rels/document.xml.rels", document_rels.encode()),
        ("word/styles.xml", styles),
        ("word/settings.xml", _SETTINGS_XML.encode()),
        ("word/fontTable.xml", _font_table_xml().encode()),
        (
            "word/footer1.xml",
            _footer_xml("right", f'w:left="0" w:right="{FOOTER_INDENT}"').encode(),
        ),
        ("word/footer2.xml", _footer_xml("left", f'w:left="{FOOTER_INDENT}" w:right="0"').encode()),
    ]
    if theme is not None:
        parts.append(("word/theme/theme1.xml", theme))
    return Template(tuple(parts), sect_pr)


@cache
def default_template() -> Template:
    """The package with drafter's own styles, built on first use and kept for the process."""
    return build_template(styles_xml().encode(), "".join(PAGE_SETUP.values()), None)
