"""The bounds of a sandboxed template render: time, size of what it builds, counts.

A few bytes of Jinja can loop for hours ({% for %} in {% for %}), build gigabytes
("a"*10**9, "x"|center(10**9), a block captured in a loop) or compute numbers with millions
of digits (2**10**8). The sandbox of `jinja_templates` calls the checks here from its hooks:

- time: RENDER_SECONDS per render and DOCUMENT_SECONDS per document (`time_budget`), checked
  by `tick` on every loop iteration, call, attribute access, operator and filter;
- size: MAX_TEXT characters for any one string, list or render output, checked *before*
  anything bigger is built (repetition, padding, replacement, joining, formatting), and
  MAX_WORK characters for everything one render builds (`checked`);
- counts: MAX_ITEMS items for range() and the filters that make lists; MAX_INT_BITS for
  integers.

Every refusal is a TemplateRefused (a jinja2 SecurityError) with a Chinese message.
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized, ValuesView
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.utils import Namespace

RENDER_SECONDS = 0.5
DOCUMENT_SECONDS = 5.0
MAX_TEXT = 1_000_000  # characters in one string, list or render output
MAX_WORK = 20_000_000  # characters (and items) built by one render in all
MAX_ITEMS = 100_000  # range(), batch(), slice()
MAX_WIDTH = 1_000  # a width or precision in a format: "%1000d", "{:>1000}"
MAX_INT_BITS = 10_000  # about 3,000 digits
# A template's source: drafter's own are under 1,000 characters; compiling 20,000 takes ~0.3 s.
MAX_TEMPLATE_CHARS = 20_000

_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBER = re.compile(r"\d+")
_SIMPLE = (str, int, float, bool, type(None))
# str/bytes methods that build text much larger than their input and have no bounded form here.
UNSAFE_METHODS = frozenset({"translate", "maketrans"})


class TemplateRefused(SecurityError):
    """A sandboxed template broke a bound or failed; the message is Chinese and says which."""


# --- budget --------------------------------------------------------------------------------


@dataclass
class _Budget:
    """The time and work one render may spend. Time is the process's CPU time: a template's
    work is what the limit bounds, and a busy machine must not make a good template fail."""

    deadline: float
    why: str  # what the deadline is, for the message
    work: int = 0

    def tick(self) -> None:
        if time.process_time() > self.deadline:
            raise TemplateRefused(f"模板运行超过{self.why}，已停止（循环或递归太多？）。")

    def charge(self, size: int) -> None:
        self.work += size
        if self.work > MAX_WORK:
            raise TemplateRefused(f"模板生成的内容累计超过 {MAX_WORK:,} 个字符，已停止。")


_BUDGET: ContextVar[_Budget | None] = ContextVar("drafter_template_budget", default=None)
_DOCUMENT_DEADLINE: ContextVar[float | None] = ContextVar("drafter_document_deadline", default=None)


@contextmanager
def time_budget() -> Iterator[None]:
    """Bound the total template time of everything rendered inside (one document)."""
    if _DOCUMENT_DEADLINE.get() is not None:
        yield
        return
    token = _DOCUMENT_DEADLINE.set(time.process_time() + DOCUMENT_SECONDS)
    try:
        yield
    finally:
        _DOCUMENT_DEADLINE.reset(token)


@contextmanager
def render_budget() -> Iterator[None]:
    """The budget of one render: RENDER_SECONDS (or what is left of the document's) and MAX_WORK."""
    if _BUDGET.get() is not None:  # a render inside a render shares its budget
        yield
        return
    deadline, why = time.process_time() + RENDER_SECONDS, f" {RENDER_SECONDS:g} 秒"
    document = _DOCUMENT_DEADLINE.get()
    if document is not None and document < deadline:
        deadline, why = document, f"整份文档的 {DOCUMENT_SECONDS:g} 秒"
    token = _BUDGET.set(_Budget(deadline, why))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def tick() -> None:
    """Stop the render once its time is up (called from every hook of the sandbox)."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()


def checked(value: Any) -> Any:
    """A value a template built: refused when too large, else charged to the render's work."""
    if isinstance(value, (str, bytes, list, tuple, dict, AbstractSet)):
        size = len(value)
        if size > MAX_TEXT:
            raise TemplateRefused(f"模板生成的文本或列表超过 {MAX_TEXT:,} 个字符（项），已停止。")
        budget = _BUDGET.get()
        if budget is not None:
            budget.charge(size)
    elif (
        isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS
    ):
        raise TemplateRefused("模板算出的数字太大，已停止。")
    return value


def text_size(value: Any, limit: int = MAX_TEXT) -> int:
    """How many characters str(value) has at most; counting stops once past `limit`.

    Walks containers without recursion, so a list of a thousand references to one long
    string is seen for what its text would be before anything converts it.
    """
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, (str, bytes)):
            total += len(item) + 3
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, Mapping):
            total += 2 + 4 * len(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, Namespace):
            stack.append(getattr(item, "_Namespace__attrs", {}))
        elif isinstance(item, (list, tuple, AbstractSet, ValuesView)):
            total += 2 + 2 * len(item)
            stack.extend(item)
        else:
            total += 40  # numbers, dates, undefined values, generators: short reprs
    return total


def refuse_larger(size: int, what: str) -> None:
    """Refuse to build text of `size` characters when that is more than MAX_TEXT."""
    if size > MAX_TEXT:
        raise TemplateRefused(f"{what}会生成超过 {MAX_TEXT:,} 个字符的文本，已停止。")


# --- checks before building ---------------------------------------------------------------


def _check_width(width: Any, what: str) -> None:
    if isinstance(width, int) and width > MAX_TEXT:
        raise TemplateRefused(f"{what}的宽度 {width} 太大，已停止。")


def check_repeat(left: Any, right: Any) -> None:
    """`*` on text, lists or large integers."""
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, bytes, list, tuple)) and isinstance(times, int) and times > 0:
            size = len(seq) if isinstance(seq, (str, bytes)) else text_size(seq)
            refuse_larger(size * times, "重复（*）")
    both_ints = isinstance(left, int) and isinstance(right, int)
    if both_ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise TemplateRefused("模板算出的数字太大，已停止。")


def check_power(base: Any, exponent: Any) -> None:
    """`**` on integers: refused when the result would have more than MAX_INT_BITS bits."""
    if not (isinstance(base, int) and isinstance(exponent, int)) or exponent <= 0 or abs(base) <= 1:
        return
    if base.bit_length() * exponent > MAX_INT_BITS:
        raise TemplateRefused("模板算出的数字太大（**），已停止。")


def check_add(left: Any, right: Any) -> None:
    """`+` on text or lists: refused when the result would be longer than MAX_TEXT."""
    if not isinstance(left, (int, float)) or not isinstance(right, (int, float)):
        refuse_larger(text_size(left) + text_size(right), "相加（+）")


def check_printf(template: Any, args: Any) -> None:
    """`"%5d" % n` and the format filter: widths bounded, and the result estimated first."""
    if not isinstance(template, (str, bytes)):
        return
    text = template.decode("utf-8", "replace") if isinstance(template, bytes) else template
    fields = 0
    for match in _PRINTF_FIELD.finditer(text):
        fields += 1
        for number in match.groups():
            if number == "*" or (number and int(number) > MAX_WIDTH):
                raise TemplateRefused(f"格式“{match.group()[:20]}”的宽度或精度太大，已停止。")
    refuse_larger(len(text) + fields * (MAX_WIDTH + text_size(args)), "格式化（%）")


def check_format_method(template: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """`"{:>5}".format(x)`: no nested or oversized widths, and the result estimated first."""
    fields = 0
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return  # str.format itself will report the malformed format
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        fields += 1
        if spec and ("{" in spec or any(int(n) > MAX_WIDTH for n in _NUMBER.findall(spec))):
            raise TemplateRefused(f"格式“{{{name}:{spec[:20]}}}”的宽度太大或嵌套，已停止。")
    size = text_size(args) + text_size(dict(kwargs))
    refuse_larger(len(template) + fields * (MAX_WIDTH + size), "格式化（format）")


def _check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    if (
        isinstance(text, (str, bytes))
        and isinstance(old, type(text))
        and isinstance(new, type(text))
    ):
        times: int = text.count(old) if old else len(text) + 1  # type: ignore[arg-type]
        if isinstance(count, int) and count >= 0:
            times = min(times, count)
        refuse_larger(len(text) + times * len(new), "替换（replace）")


def _join_items(separator: Any, items: Any) -> list[Any]:
    """The items of a join, made a list, after checking the joined text would not be too long."""
    listed = list(items)
    size = sum(text_size(item) for item in listed) + len(str(separator)) * len(listed)
    refuse_larger(size, "连接（join）")
    return listed


def _check_indent(text: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    step = width if isinstance(width, int) else len(str(width))
    body = str(text) if isinstance(text, str) else ""
    refuse_larger(len(body) + (body.count("\n") + 1) * max(step, 0), "缩进（indent）")


def _check_wordwrap(
    text: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None, *_: Any
) -> None:
    body = text if isinstance(text, str) else ""
    wrap = len(wrapstring) if isinstance(wrapstring, str) else 2
    lines = len(body) // max(width if isinstance(width, int) else 1, 1) + body.count("\n") + 1
    refuse_larger(len(body) + lines * wrap, "折行（wordwrap）")


def _check_count(count: Any, what: str) -> None:
    if isinstance(count, int) and count > MAX_ITEMS:
        raise TemplateRefused(f"{what}的数目 {count} 太大（最多 {MAX_ITEMS:,}），已停止。")


def _check_batch(value: Any, linecount: Any = 0, fill_with: Any = None, *_: Any) -> None:
    _check_count(linecount, "分组（batch）")
    if fill_with is not None and isinstance(linecount, int):
        refuse_larger(text_size(fill_with) * linecount, "分组（batch）")


def _check_sum(iterable: Any, attribute: Any = None, start: Any = 0, *_: Any) -> None:
    if not isinstance(start, (int, float)):
        raise TemplateRefused("sum 只能用于数字。")


_FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": lambda value, width=80, *_, **__: _check_width(width, "居中（center）"),
    "indent": _check_indent,
    "replace": lambda value, old="", new="", count=None, *_: _check_replace(
        str(value), str(old), str(new), -1 if count is None else count
    ),
    "wordwrap": _check_wordwrap,
    "format": lambda value, *args, **kwargs: check_printf(value, (args, kwargs)),
    "batch": _check_batch,
    "slice": lambda value, slices=0, *_, **__: _check_count(slices, "分栏（slice）"),
    "sum": _check_sum,
}


def bounded_range(*args: int) -> range:
    """range() as templates get it: at most MAX_ITEMS numbers."""
    rng = range(*args)
    try:
        size = len(rng)
    except OverflowError:
        size = MAX_ITEMS + 1
    _check_count(size, "range()")
    return rng


def bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that ticks the clock, checks its arguments before it runs and its result after."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0
    check = _FILTER_CHECKS.get(name)

    @wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        tick()
        values = args[skip:]
        for value in (*values, *kwargs.values()):
            if not isinstance(value, _SIMPLE):
                refuse_larger(text_size(value), f"过滤器 {name} 的参数")
        if name == "join" and values:
            separator = kwargs.get("d", values[1] if len(values) > 1 else "")
            args = (*args[:skip], _join_items(separator, values[0]), *values[1:])
        elif check is not None:
            check(*values, **kwargs)
        return checked(func(*args, **kwargs))

    return bounded


class TickingIterable:
    """What a {% for %} loop of a sandboxed template iterates: the clock is checked per item."""

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self._items = items

    def __iter__(self) -> Iterator[Any]:
        budget = _BUDGET.get()
        for item in self._items:
            if budget is not None:
                budget.tick()
            yield item

    def __len__(self) -> int:
        if not isinstance(self._items, Sized):
            raise TypeError("no length")  # LoopContext then counts by iterating
        return len(self._items)


def checked_output(value: Any) -> Any:
    """What {{ … }} prints: measured before it is turned into text (finalize hook)."""
    if not isinstance(value, str):
        refuse_larger(text_size(value), "输出")
    return value


def checked_method_args(
    owner: str | bytes, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> tuple[Any, ...]:
    """Bound the str/bytes methods that build more text than they are given."""
    if name == "join" and args:
        return (_join_items(owner, args[0]), *args[1:])
    if name == "replace" and len(args) >= 2:
        _check_replace(
            owner, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count", -1)
        )
    elif name in ("center", "ljust", "rjust", "zfill") and args:
        _check_width(args[0], name)
    elif name == "expandtabs":
        tab = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(tab, int):
            refuse_larger(len(owner) * max(tab, 1), "expandtabs")
    return args
