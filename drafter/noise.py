"""Drops text that is not part of the report: site furniture, paywall markers, ads, watermarks.

Reports are mostly copied from download sites, which leave their own lines behind. The rules
describe what makes a line noise, never a particular site's wording, and each dropped line
keeps a Chinese reason so the user can check nothing real was lost. Report prose is
protected: a long sentence ending in 。 is only dropped on hard evidence (contact details).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.report import Noise

# Paywall / download-section markers such as ##paidbegin## and ##paidend##.
_MARKER = re.compile(r"##[A-Za-z_]{2,30}##")
# What download sites print around a document; never found in a report itself.
_FURNITURE = re.compile(
    r"下载文档|免费下载|点击下载|立即下载|下载全文|全文下载|本文档由|用户上传|全文共\s*\d+\s*字"
    r"|未完[，,]?\s*待续|点击查看|查看全文|展开全文|阅读全文|原文链接|原文地址|如有侵权|侵权请"
    r"|版权归|付费阅读|开通会员|责任编辑|扫一扫|VIP|vip"
)
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
_NUMBERED = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]|[一二三四五六七八九十]{1,3}是|——)")
# Report paragraphs end in 。; ads favour ！ and trailing contact details.
_PROSE_END = re.compile(r"。[”’）)]*$")
_WHOLE_PARAGRAPH = re.compile(r"[。！？!?][”’）)]*$")

AD_THRESHOLD = 3  # promotional words + 【】 prefix + contact details (2) needed for an ad
PROSE_MIN_CHARS = 40  # a line this long ending in 。 reads like report prose
WATERMARK_MAX_CHARS = 20
WATERMARK_MIN_REPEATS = 3
FRAGMENT_REACH = 2  # lines above a bare ad fragment searched for promotional evidence


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


def remove_noise(lines: Sequence[str]) -> CleanText:
    """Split `lines` into report lines (blank lines kept) and dropped noise, in source order."""
    stripped = [line.strip() for line in lines]
    evidence = [_line_evidence(line) for line in stripped]
    reasons: dict[int, str] = {i: e.reason for i, e in enumerate(evidence) if e.reason}
    _mark_repeats(stripped, reasons)
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


def _line_evidence(line: str) -> _Evidence:
    """Score one line on its own and give the reason when the line alone is clearly noise.

    Report prose (long, ending in 。) is only noise when it gives contact details; checking
    that first also keeps the scan of long paragraphs cheap.
    """
    if not line:
        return _Evidence(0, None)
    if "##" in line and not _MARKER.sub("", line).strip():
        return _Evidence(AD_THRESHOLD, "网站付费/下载标记")
    contact = _has_contact(line)
    if _is_prose(line) and not contact:
        return _Evidence(0, None)
    if len(line) <= WATERMARK_MAX_CHARS and _PAGE_NUMBER.search(line):
        return _Evidence(AD_THRESHOLD, "页码")
    ad = _ad_evidence(line, contact)
    furniture = None if ad.reason else _FURNITURE.search(line)
    if furniture:
        return _Evidence(AD_THRESHOLD, f"网站附带内容：含“{furniture.group()}”")
    return ad


def _has_contact(line: str) -> bool:
    channel = _CHANNEL.search(line)
    return channel is not None and _CONTACT.search(line, channel.start()) is not None


def _ad_evidence(line: str, contact: bool) -> _Evidence:
    """Advertising: promotional vocabulary, a 【】 brand prefix and contact details add up."""
    words = list(dict.fromkeys(m.group() for m in _PROMO.finditer(line)))
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


def _mark_repeats(lines: list[str], reasons: dict[int, str]) -> None:
    """Watermarks and later copies of a repeated long line.

    A watermark is a short label (not a sentence ending in 。) printed three times or more.
    A repeated line counts only when it is a whole paragraph (ends a sentence): pieces of
    hard-wrapped text may repeat by chance where a report repeats a phrase.
    """
    counts = Counter(line for line in lines if line and not _NUMBERED.match(line))
    first_at: dict[str, int] = {}
    for i, line in enumerate(lines):
        if i in reasons or counts[line] < 2:
            continue
        if len(line) <= WATERMARK_MAX_CHARS:
            if counts[line] >= WATERMARK_MIN_REPEATS and not _PROSE_END.search(line):
                reasons[i] = f"水印：同一短行出现{counts[line]}次"
        elif line in first_at:
            reasons[i] = f"重复：与第{first_at[line] + 1}行完全相同"
        elif _WHOLE_PARAGRAPH.search(line):
            first_at[line] = i


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
    if _is_prose(line):
        return False
    if evidence[index].score > 0:
        return True
    if _PROSE_END.search(line):
        return False
    above = [i for i in range(index - 1, -1, -1) if lines[i]][:FRAGMENT_REACH]
    return any(i in reasons or evidence[i].score > 0 for i in above)
