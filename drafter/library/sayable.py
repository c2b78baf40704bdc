"""The rules of written Chinese a reader's 核稿 holds any text to, in one home for both sides:
drafter.checking finds their breaches in a draft, and the office's own text learned from its
reports (drafter.library.points) is cleaned by them before it is offered again — so a draft
made of the office's words passes 核稿.

- Clauses and sentences end at ，；。！？ outside quotes and brackets (“按照‘……，……’的原则”
  is one clause): a cut inside a quotation leaves a quote without its partner.
- Quotes and brackets pair up (`first_unpaired`).
- Placeholders: XX, **, a lone * (邀请*院长), ××, 20XX年, blanks and empty brackets.
- 的/得/地 in the common phrases where the wrong one is certain (做的还不到位 → 做得还不到位),
  with the mending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.reading import find_placeholders

PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")
_SAME_BRACKET = {"(": "（", ")": "）"}  # a half-width bracket may close a full-width one
CLAUSE_MARKS = "，；。！？"
SENTENCE_MARKS = "。！？"


def first_unpaired(text: str) -> tuple[int, str] | None:
    """The first bracket or quote without its partner: (index, character), or None."""
    stack: list[tuple[int, str]] = []
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in PAIRS:
            stack.append((i, ch))
        elif stack and _bracket(stack[-1][1]) == _bracket(CLOSERS[ch]):
            stack.pop()
        else:
            return i, ch
    return stack[0] if stack else None


def _bracket(opener: str) -> str:
    """An opening bracket, half-width ( read as full-width （."""
    return _SAME_BRACKET.get(opener, opener)


def split_after(text: str, marks: str) -> list[str]:
    """`text` cut after each of `marks` that stands outside paired quotes and brackets, each
    piece with its mark; empty pieces left out. A quote or bracket without its partner holds
    nothing together: the text is cut as if it were not there."""
    inside = [False] * len(text)
    stack: list[int] = []
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in PAIRS:
            stack.append(i)
        elif stack and _bracket(text[stack[-1]]) == _bracket(CLOSERS[ch]):
            opened = stack.pop()
            if not stack:
                inside[opened:i] = [True] * (i - opened)
        else:
            stack.clear()  # a closer without its opener: what was open is no pair either
    pieces, start = [], 0
    for i, ch in enumerate(text):
        if ch in marks and not inside[i]:
            pieces.append(text[start : i + 1])
            start = i + 1
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def clauses(text: str) -> list[str]:
    """The clauses of `text`, each with its mark (，；。！？), cut outside quotes and brackets."""
    return split_after(text, CLAUSE_MARKS)


def sentences(text: str) -> list[str]:
    """The sentences of `text`, each with its end mark (。！？), cut outside quotes and brackets;
    empty ones left out."""
    return split_after(text, SENTENCE_MARKS)


# --- placeholders --------------------------------------------------------------------------------
# Beyond reader.find_placeholders (XX, **, *, ××): 20XX年, blanks to fill and empty brackets.
MORE_PLACEHOLDERS = re.compile(r"\d{2}[Xx×]{2}(?=年)|_{2,}|＿+|□+|（\s*）|\(\s*\)|“\s*”|《\s*》")


def placeholders(text: str) -> list[str]:
    """The placeholders left in `text` to fill in, in order of their kinds (see the module)."""
    return find_placeholders(text) + [m.group() for m in MORE_PLACEHOLDERS.finditer(text)]


# --- 的/得/地 -----------------------------------------------------------------------------------
_VERBS_DE = (
    "抓|做|学|干|搞|管|讲|写|办|落实|完成|开展|推进|执行|贯彻|结合|融合|发挥|重视|认识|学习|运用"
    "|把握|推动"
)
_ADVERBS = "认真|扎实|积极|深入|切实|全面|大力|主动|严格|广泛|稳步|有序|不断|持续|进一步"
_NOUNS = "成效|成果|效果|进展|成绩"
_ADJECTIVES = "明显|显著|积极|良好|丰硕|长足|重大|突出|较大|较好"


@dataclass(frozen=True)
class Misuse:
    """A phrase where one of 的/得/地 is certainly wrong, and the one that belongs."""

    pattern: re.Pattern[str]
    wrong: str  # the character to replace
    right: str

    def mended(self, phrase: str) -> str:
        """The phrase with the right character."""
        return phrase.replace(self.wrong, self.right, 1)


MISUSES = (
    # 落实的好 · 抓的还不够 · 结合的不够紧密 → 得: a complement after a verb.
    Misuse(re.compile(
        rf"(?:{_VERBS_DE})的(?:还|也|都)?(?:不够|不到位|(?:很|较|比较|非常|十分|不)?(?:好|到位|扎实)"
        r"(?=[，。；、！？）]|$))"
    ), "的", "得"),
    # 明显得成效 → 的: an adjective before a noun.
    Misuse(re.compile(rf"(?:{_ADJECTIVES})得(?:{_NOUNS})"), "得", "的"),
    # 良好地氛围 · 坚实地基础 → 的.
    Misuse(re.compile(
        rf"(?:良好|浓厚|坚实|丰硕|显著|明显)地(?:氛围|基础|局面|态势|{_NOUNS})"
    ), "地", "的"),
    # 认真的学习了 · 扎实的推进各项工作 → 地: an adverb before a verb that takes an object.
    Misuse(re.compile(
        rf"(?<!得到)(?<!受到)(?<!进行)(?<!加以)(?:{_ADVERBS})的"
        r"(?:开展|推进|贯彻|抓好|做好|学习|落实|加强|推动|组织)"
        r"(?=了|“|《|各|全体|党员|习近平|党的|主题|专题|支部|相关)"
    ), "的", "地"),
)


def misused_de(text: str) -> bool:
    """Whether a text has one of the clear 的/得/地 misuses (落实的好, 明显得成效 …)."""
    return any(m.pattern.search(text) for m in MISUSES)


def mend_de(text: str) -> str:
    """`text` with each clear 的/得/地 misuse mended (做的还不到位 → 做得还不到位)."""
    for misuse in MISUSES:
        text = misuse.pattern.sub(lambda m, use=misuse: use.mended(m.group()), text)  # type: ignore[misc]
    return text


_QUOTES = "“”‘’\"'《》「」"
_COMMAS = "、，,"


def loose_pattern(phrase: str) -> re.Pattern[str]:
    """`phrase` as written in a draft: quotes anywhere ignored, 、 and ， taken for each other."""
    parts = []
    for ch in phrase:
        if ch in _QUOTES:
            continue
        parts.append(f"[{_COMMAS}]" if ch in _COMMAS else re.escape(ch))
    quote = f"[{re.escape(_QUOTES)}]?"
    return re.compile(quote + quote.join(parts) + quote)
