"""Drops text that is not part of the report: page and site furniture, paywall markers, ads.

Reports are mostly copied from download sites and web pages, which leave their own lines
behind: publish times and view counts, source/author/editor lines, 上一篇/下一篇, share,
print and download buttons, paywall markers, and page headers, footers and numbers repeated
at page breaks. The rules describe what makes a line such furniture, never a particular
site's wording, and each dropped line keeps a Chinese reason so the user can check nothing
real was lost. Report prose is protected: a long sentence ending in 。 is only dropped on
hard evidence (contact details), and a line is never dropped merely because it repeats — a
report may well use the same label or sentence in two sections. A repeated short line goes
only when it sits where pages break (next to a page number, or cutting a sentence in two)
or names a website. What follows the sign-off under a label 附件 standing alone (an
attachment on its own page: a table, a list) is another document, dropped as well
(`without_annexes`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from drafter.domain import parse_date
from drafter.structure.report import Noise
from drafter.structure.wrapping import Para

_ANNEX_LABEL = re.compile(r"^\s*附件\s*\d*\s*$")  # the label atop an attachment's own page
ANNEX_REASON = "成文日期之后的附件，不是报告正文"
_ENDS_DATED = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*$")  # a sign-off run into its date

# Paywall / download-section markers such as ##paidbegin## and ##paidend##.
_MARKER = re.compile(r"##[A-Za-z_]{2,30}##")
# What download sites print around a document; never found in a report itself.
_FURNITURE = re.compile(
    r"下载文档|免费下载|点击下载|立即下载|下载全文|全文下载|本文档由|用户上传|全文共\s*\d+\s*字"
    r"|未完[，,]?\s*待续|点击查看|查看全文|展开全文|阅读全文|原文链接|原文地址|如有侵权|侵权请"
    r"|版权归|付费阅读|开通会员|责任编辑|扫一扫"
    r"|(?:开通|成为|购买|升级|充值)\s*(?:S?VIP|s?vip)|(?:S?VIP|s?vip)\s*(?:会员|专享|下载|免费|可读|阅读)"
)
# A web page's information bar, navigation and buttons; only looked for in short lines.
_BUTTON_END = r"(?:\s*[：:|｜]|\s|$)"
_WEB_FURNITURE = re.compile(
    r"(?:发布|发表|更新|上传|录入)(?:时间|日期)\s*[：:]"
    r"|(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*[：:]\s*\d+\s*次?(?=\s|$|[【\[|｜])"
    r"|^[【\[]?\s*(?:来源|信息来源|文章来源|稿件来源|作者|编辑|编审|审核|审校|校对|摄影|供稿|撰稿"
    r"|通讯员|发布者|发布人|发布机构|发布单位)\s*[：:]"
    r"|^[【\[]?\s*(?:上一篇|下一篇|上一条|下一条|上一页|下一页)" + _BUTTON_END
    + r"|^(?:当前位置|您的位置|您现在的位置|所在位置)\s*[：:]|(?:首页|网站首页)\s*[>＞»›]"
    r"|[【\[]\s*(?:打印|关闭|关闭窗口|打印本页|打印此页|收藏|分享|返回顶部|字体|字号)"
    r"[^】\]]{0,8}[】\]]"
    r"|^分享到|^(?:分享|打印本页|打印此页|关闭窗口|关闭本页|返回顶部|返回列表|返回首页|收藏本页"
    r"|加入收藏)" + _BUTTON_END
    + r"|(?:字号|字体)\s*[：:]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中"
    r"|版权所有|Copyright|©|ICP备|公网安备|网站标识码|网站地图|技术支持\s*[：:]"
    r"|剩余\s*\d+\s*%|试读结束|余下全文"
)
WEB_LINE_MAX_CHARS = 80
# A line naming a website (a watermark when repeated): an address or a name ending in 网.
_SITE = re.compile(r"www\.|https?://|\.(?:com|cn|net|org)\b|文库|\S{2,8}网$")
_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$|第\s*\d+\s*页\s*[/，,]?\s*共\s*\d+\s*页")
# A contact solicitation: a contact channel closely followed by ：/: and an ID or number,
# or a channel followed directly by a long number. Literal alternatives keep the scan fast.
_CHANNEL = re.compile("联系|客服|微信|公众号|扫码|添加|加群|群号|QQ|qq|VX|vx|Vx|V信|威信|电话|手机")
_CONTACT = re.compile(
    r"(?:联系|客服|微信|公众号|扫码|添加|加群|群号|QQ|qq|VX|vx|Vx|V信|威信)[^，。；！\n]{0,8}?[：:]\s*[\w\u4e00-\u9fff]"
    r"|(?:QQ|qq|微信|VX|vx|Vx|电话|手机)\s*[：:]?\s*\d[\d\s-]{4,}"
)
_PROMO = re.compile(
    "素材|代笔|代写|润笔|接单|好评|一键|每天更新|每日更新|谨防假冒|唯一平台|网盘|文库|小伙伴|欢迎加入"
    "|会员|SVIP|svip|VIP|vip|下载|免费|原创|万字|关注|扫码|客服|范文|资料库|付费|优惠|限时|公众号|加群"
)
_BRACKET_AD = re.compile(r"^【[^】]{1,12}】")
# A numbered line (heading or enumeration) may legitimately repeat in different sections.
_NUMBERED = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十百千零〇两\d]{1,8}[）)、.．]|[一二三四五六七八九十]{1,3}是|——)"
)
# A line that ends a sentence or clause: the break after it may be a paragraph's.
_ENDS_CLAUSE = re.compile(r"[。！？!?；;：:…][”’」』）)】》]*$")
# Report paragraphs end in 。; ads favour ！ and trailing contact details.
_PROSE_END = re.compile(r"。[”’）)]*$")

AD_THRESHOLD = 3  # promotional words + 【】 prefix + contact details (2) needed for an ad
PROSE_MIN_CHARS = 40  # a line this long ending in 。 reads like report prose
MAX_NOISE_LINE_CHARS = 300  # ads and furniture are shorter; a longer line is report text
WATERMARK_MAX_CHARS = 20
WATERMARK_MIN_REPEATS = 3
RUNNING_HEAD_MAX_CHARS = 40  # a page header or footer line
MIN_PAGE_BREAKS = 2  # occurrences at page breaks that make a repeated line a header/footer
MIN_BROKEN_LINE_CHARS = 15  # a line cut off by a page break is a body line, not a label
RUNNING_HEAD_SHARE = 0.8  # a header between two halves of a sentence is shorter than they are
FRAGMENT_REACH = 2  # lines above a bare ad fragment searched for promotional evidence
PAGE_NUMBER_REASON = "页码"


@dataclass
class CleanText:
    """The lines that remain (with their 1-based source line numbers) and what was dropped."""

    kept: list[tuple[int, str]] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)


@dataclass(frozen=True)
class _Evidence:
    """What one line shows of being an ad, and the strongest single-line reason if any."""

    score: int
    reason: str | None


def remove_noise(lines: Sequence[str], *, exempt: Collection[int] = ()) -> CleanText:
    """Split `lines` into report lines (blank lines kept) and dropped noise, in source order.

    `exempt` holds 1-based lines (table cells of a Word document) that may be short numbers
    or repeated labels by nature: neither page numbers nor page headers are looked for there.
    """
    stripped = [line.strip() for line in lines]
    evidence = [_line_evidence(line, paged=i + 1 not in exempt) for i, line in enumerate(stripped)]
    reasons: dict[int, str] = {i: e.reason for i, e in enumerate(evidence) if e.reason}
    _mark_repeats(stripped, reasons, {i - 1 for i in exempt})
    _mark_trailing_block(stripped, evidence, reasons)
    result = CleanText()
    for i, line in enumerate(lines):
        text = stripped[i]
        if i in reasons:
            result.noise.append(Noise(i + 1, text, reasons[i]))
        elif _MARKER.search(text):
            result.noise.extend(Noise(i + 1, m, "网站付费/下载标记") for m in _MARKER.findall(text))
            result.kept.append((i + 1, _MARKER.sub("", line)))
        else:
            result.kept.append((i + 1, line))
    return result


def _line_evidence(line: str, *, paged: bool = True) -> _Evidence:
    """Score one line on its own and give the reason when the line alone is clearly noise.

    Report prose (long, ending in 。) is only noise when it gives contact details; checking
    that first also keeps the scan of long paragraphs cheap. `paged` is False for a table
    cell, where a bare number is data, not a page number.
    """
    if not line:
        return _Evidence(0, None)
    if "##" in line and not _MARKER.sub("", line).strip():
        return _Evidence(AD_THRESHOLD, "网站付费/下载标记")
    if len(line) > MAX_NOISE_LINE_CHARS:
        return _Evidence(0, None)  # a whole report that lost its line breaks, ads and all
    contact = _has_contact(line)
    if _is_prose(line) and not contact:
        return _Evidence(0, None)
    if paged and len(line) <= WATERMARK_MAX_CHARS and _PAGE_NUMBER.search(line):
        return _Evidence(AD_THRESHOLD, PAGE_NUMBER_REASON)
    ad = _ad_evidence(line, contact)
    if ad.reason or _NUMBERED.match(line):  # a numbered line is a heading or an item
        return ad
    if furniture := _FURNITURE.search(line):
        return _Evidence(AD_THRESHOLD, f"网站附带内容：含“{furniture.group()}”")
    short = len(line) <= WEB_LINE_MAX_CHARS and not _PROSE_END.search(line)
    if short and (web := _WEB_FURNITURE.search(line)):
        return _Evidence(AD_THRESHOLD, f"网页信息栏或按钮：含“{web.group().strip()}”")
    return ad


def _has_contact(line: str) -> bool:
    channel = _CHANNEL.search(line)
    return channel is not None and _CONTACT.search(line, channel.start()) is not None


def _ad_evidence(line: str, contact: bool) -> _Evidence:
    """Advertising: promotional vocabulary, a 【】 brand prefix and contact details add up."""
    first = _PROMO.search(line)
    words = [] if first is None else list(dict.fromkeys(m.group() for m in _PROMO.finditer(line)))
    score = len(words) + (2 if contact else 0) + (1 if words and _BRACKET_AD.match(line) else 0)
    if score < AD_THRESHOLD:
        return _Evidence(score, None)
    shown = "、".join(words[:4])
    if contact:
        reason = f"广告：含联系方式与推广用语（{shown}）" if words else "广告：含联系方式"
    else:
        reason = f"广告：推广用语（{shown}）"
    return _Evidence(score, reason)


def _is_prose(line: str) -> bool:
    return len(line) >= PROSE_MIN_CHARS and _PROSE_END.search(line) is not None


def _mark_repeats(lines: list[str], reasons: dict[int, str], exempt: Collection[int]) -> None:
    """Page headers and footers, and watermarks naming a website: short repeated lines.

    A short line (not numbered, not a sentence) that repeats is furniture when at least
    `MIN_PAGE_BREAKS` of its copies sit where pages break, or when it names a website and
    appears `WATERMARK_MIN_REPEATS` times; then every copy goes but a first-line title.
    Anything else that repeats — a label such as 主要成效 in each section, a sentence used
    twice — is the report's own.
    """
    candidates = [
        i for i, line in enumerate(lines)
        if line and i not in reasons and i not in exempt and len(line) <= RUNNING_HEAD_MAX_CHARS
        and not _NUMBERED.match(line) and not _PROSE_END.search(line)
    ]
    counts = Counter(lines[i] for i in candidates)
    at_breaks: Counter[str] = Counter()
    for i in candidates:
        if counts[lines[i]] >= 2 and _at_page_break(lines, i, reasons):
            at_breaks[lines[i]] += 1
    title = next((i for i, line in enumerate(lines) if line), -1)
    for i in candidates:
        line, count = lines[i], counts[lines[i]]
        if i == title:
            continue
        if at_breaks[line] >= MIN_PAGE_BREAKS:
            reasons[i] = f"页眉页脚：在分页处重复出现（共{count}次）"
        elif count >= WATERMARK_MIN_REPEATS and len(line) <= WATERMARK_MAX_CHARS and _SITE.search(line):
            reasons[i] = f"水印：网站名称重复出现{count}次"


def _at_page_break(lines: list[str], index: int, reasons: dict[int, str]) -> bool:
    """Whether line `index` sits where a page breaks: beside a page number, or between the
    two halves of a sentence (a long line that stops mid-clause, then more text) while being
    clearly shorter than that line — the middle line of a wrapped sentence is not."""
    before = list(itertools.islice(_non_blank(lines, index, -1), FRAGMENT_REACH))
    after = list(itertools.islice(_non_blank(lines, index, 1), FRAGMENT_REACH))
    if any(reasons.get(i) == PAGE_NUMBER_REASON for i in (*before[:1], *after[:1])):
        return True
    if not before or not after:
        return False
    line, previous, following = lines[index], lines[before[0]], lines[after[0]]
    cut_off = len(previous) >= MIN_BROKEN_LINE_CHARS and not _ENDS_CLAUSE.search(previous)
    # A wrapped sentence's middle line is as long as the line before it; a header is shorter.
    shorter = len(line) < RUNNING_HEAD_SHARE * len(previous)
    return cut_off and shorter and not _NUMBERED.match(previous) and not _NUMBERED.match(following)


def _non_blank(lines: list[str], index: int, step: int) -> Iterator[int]:
    """Indexes of the non-blank lines from `index` (excluded) going up (-1) or down (1)."""
    i = index + step
    while 0 <= i < len(lines):
        if lines[i]:
            yield i
        i += step


def _mark_trailing_block(
    lines: list[str], evidence: list[_Evidence], reasons: dict[int, str]
) -> None:
    """After the body, weaker lines next to proven noise belong to the same ad block.

    Walk up from the end over blank lines and noise; once the block holds a noise line, the
    walk goes on through lines that `_in_trailing_block` accepts and stops at the first other.
    """
    block_has_noise = False
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i]:
            continue
        if i in reasons:
            block_has_noise = True
        elif block_has_noise and _in_trailing_block(lines, evidence, i, reasons):
            reasons[i] = "文末附加内容：正文之后的广告区块"
        else:
            return


def _in_trailing_block(
    lines: list[str], evidence: list[_Evidence], index: int, reasons: dict[int, str]
) -> bool:
    """A line of an ad block: not report prose, and either promotional itself or a fragment
    (of a wrapped ad, such as a bare contact number) close below a suspect line. A line
    ending in 。 is taken only on its own evidence: the report's last sentence ends so.
    """
    line = lines[index]
    if _is_prose(line) or len(line) > MAX_NOISE_LINE_CHARS:
        return False
    if evidence[index].score > 0:
        return True
    if _PROSE_END.search(line):
        return False
    above = itertools.islice(_non_blank(lines, index, -1), FRAGMENT_REACH)
    return any(i in reasons or evidence[i].score > 0 for i in above)


def without_annexes(paras: list[Para]) -> tuple[list[Para], list[Noise]]:
    """The report without the attachments printed after its sign-off: from a line 附件 (附件1)
    standing alone after the report's date on, the text is another document (a table, a list)
    and is dropped as noise."""
    dated = False
    for index, para in enumerate(paras):
        if dated and _ANNEX_LABEL.match(para.text):
            dropped = [Noise(p.line, p.text, ANNEX_REASON) for p in paras[index:]]
            return paras[:index], dropped
        dated = dated or parse_date(para.text.strip()) is not None or _ENDS_DATED.search(para.text) is not None
    return paras, []
