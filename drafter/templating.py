"""Jinja for drafter's wording templates: the environments, and renders that cannot run away.

drafter's own templates (outlines/ shipped with it) are trusted and render in a plain
environment. Any other outlines folder is data from elsewhere: its templates render in a
sandbox that also bounds the work of every render, because a few bytes of Jinja can loop
for hours ({% for %} in {% for %}), build gigabytes ("a"*10**9, "x"|center(10**9)),
recurse (a macro calling itself, a template including itself) or read files outside the
folder (a symbolic link). The bounds:

- time: RENDER_SECONDS per render and DOCUMENT_SECONDS per document (`time_budget`),
  checked on every loop iteration, call, attribute access and operator;
- size: MAX_TEXT characters for any one string, list or render output, checked *before*
  anything bigger is built (repetition, padding, replacement, joining, formatting), and
  MAX_WORK characters for everything one render builds;
- ranges and counts: MAX_ITEMS items for range() and the filters that make lists;
- recursion: Python's limit, reported as a template error;
- files: templates are regular files inside the templates folder (no "..", no links out).

Every failure of an outside template, whatever Python raised, is a jinja2.TemplateError;
`render_string` and `render_file` turn it into a UserError (模板错误, exit 2) naming the
outline piece.
"""

from __future__ import annotations

import os
import re
import string
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized, ValuesView
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from drafter.errors import InputFileError, UserError
from drafter.fsutil import read_input

RENDER_SECONDS = 0.5
DOCUMENT_SECONDS = 5.0
MAX_TEXT = 1_000_000  # characters in one string, list or render output
MAX_WORK = 20_000_000  # characters (and items) built by one render in all
MAX_ITEMS = 100_000  # range(), batch(), slice()
MAX_WIDTH = 1_000  # a width or precision in a format: "%1000d", "{:>1000}"
MAX_INT_BITS = 10_000  # about 3,000 digits
# A template's source: drafter's own are under 1,000 characters; compiling 20,000 takes ~0.3 s.
MAX_TEMPLATE_CHARS = 20_000
FILTERS = tuple[tuple[str, Callable[..., Any]], ...]

_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBER = re.compile(r"\d+")
_SIMPLE = (str, int, float, bool, type(None))
# str/bytes methods that build text much larger than their input and have no bounded form here.
_UNSAFE_METHODS = frozenset({"translate", "maketrans"})


class TemplateRefused(SecurityError):
    """A sandboxed template broke a bound or failed; the message is Chinese and says which."""


# --- budget --------------------------------------------------------------------------------


@dataclass
class _Budget:
    """The time and work one render may spend."""

    deadline: float
    why: str  # what the deadline is, for the message
    work: int = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
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
    token = _DOCUMENT_DEADLINE.set(time.monotonic() + DOCUMENT_SECONDS)
    try:
        yield
    finally:
        _DOCUMENT_DEADLINE.reset(token)


@contextmanager
def _render_budget() -> Iterator[None]:
    if _BUDGET.get() is not None:  # a render inside a render shares its budget
        yield
        return
    deadline, why = time.monotonic() + RENDER_SECONDS, f" {RENDER_SECONDS:g} 秒"
    document = _DOCUMENT_DEADLINE.get()
    if document is not None and document < deadline:
        deadline, why = document, f"整份文档的 {DOCUMENT_SECONDS:g} 秒"
    token = _BUDGET.set(_Budget(deadline, why))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _tick() -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()


def _checked(value: Any) -> Any:
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


def _text_size(value: Any, limit: int = MAX_TEXT) -> int:
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


def _refuse_larger(size: int, what: str) -> None:
    if size > MAX_TEXT:
        raise TemplateRefused(f"{what}会生成超过 {MAX_TEXT:,} 个字符的文本，已停止。")


# --- checks before building ---------------------------------------------------------------


def _check_width(width: Any, what: str) -> None:
    if isinstance(width, int) and width > MAX_TEXT:
        raise TemplateRefused(f"{what}的宽度 {width} 太大，已停止。")


def _check_repeat(left: Any, right: Any) -> None:
    """`*` on text, lists or large integers."""
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, bytes, list, tuple)) and isinstance(times, int) and times > 0:
            size = len(seq) if isinstance(seq, (str, bytes)) else _text_size(seq)
            _refuse_larger(size * times, "重复（*）")
    both_ints = isinstance(left, int) and isinstance(right, int)
    if both_ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise TemplateRefused("模板算出的数字太大，已停止。")


def _check_power(base: Any, exponent: Any) -> None:
    if not (isinstance(base, int) and isinstance(exponent, int)) or exponent <= 0 or abs(base) <= 1:
        return
    if base.bit_length() * exponent > MAX_INT_BITS:
        raise TemplateRefused("模板算出的数字太大（**），已停止。")


def _check_add(left: Any, right: Any) -> None:
    if not isinstance(left, (int, float)) or not isinstance(right, (int, float)):
        _refuse_larger(_text_size(left) + _text_size(right), "相加（+）")


def _check_printf(template: Any, args: Any) -> None:
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
    _refuse_larger(len(text) + fields * (MAX_WIDTH + _text_size(args)), "格式化（%）")


def _check_format_method(template: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
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
    size = _text_size(args) + _text_size(dict(kwargs))
    _refuse_larger(len(template) + fields * (MAX_WIDTH + size), "格式化（format）")


def _check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    if (
        isinstance(text, (str, bytes))
        and isinstance(old, type(text))
        and isinstance(new, type(text))
    ):
        times: int = text.count(old) if old else len(text) + 1  # type: ignore[arg-type]
        if isinstance(count, int) and count >= 0:
            times = min(times, count)
        _refuse_larger(len(text) + times * len(new), "替换（replace）")


def _join_items(separator: Any, items: Any) -> list[Any]:
    """The items of a join, made a list, after checking the joined text would not be too long."""
    listed = list(items)
    size = sum(_text_size(item) for item in listed) + len(str(separator)) * len(listed)
    _refuse_larger(size, "连接（join）")
    return listed


def _check_indent(text: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    step = width if isinstance(width, int) else len(str(width))
    body = str(text) if isinstance(text, str) else ""
    _refuse_larger(len(body) + (body.count("\n") + 1) * max(step, 0), "缩进（indent）")


def _check_wordwrap(
    text: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None, *_: Any
) -> None:
    body = text if isinstance(text, str) else ""
    wrap = len(wrapstring) if isinstance(wrapstring, str) else 2
    lines = len(body) // max(width if isinstance(width, int) else 1, 1) + body.count("\n") + 1
    _refuse_larger(len(body) + lines * wrap, "折行（wordwrap）")


def _check_count(count: Any, what: str) -> None:
    if isinstance(count, int) and count > MAX_ITEMS:
        raise TemplateRefused(f"{what}的数目 {count} 太大（最多 {MAX_ITEMS:,}），已停止。")


def _check_batch(value: Any, linecount: Any = 0, fill_with: Any = None, *_: Any) -> None:
    _check_count(linecount, "分组（batch）")
    if fill_with is not None and isinstance(linecount, int):
        _refuse_larger(_text_size(fill_with) * linecount, "分组（batch）")


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
    "format": lambda value, *args, **kwargs: _check_printf(value, (args, kwargs)),
    "batch": _check_batch,
    "slice": lambda value, slices=0, *_, **__: _check_count(slices, "分栏（slice）"),
    "sum": _check_sum,
}


def _bounded_range(*args: int) -> range:
    """range() as templates get it: at most MAX_ITEMS numbers."""
    rng = range(*args)
    try:
        size = len(rng)
    except OverflowError:
        size = MAX_ITEMS + 1
    _check_count(size, "range()")
    return rng


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that ticks the clock, checks its arguments before it runs and its result after."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0
    check = _FILTER_CHECKS.get(name)

    @wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        values = args[skip:]
        for value in (*values, *kwargs.values()):
            if not isinstance(value, _SIMPLE):
                _refuse_larger(_text_size(value), f"过滤器 {name} 的参数")
        if name == "join" and values:
            separator = kwargs.get("d", values[1] if len(values) > 1 else "")
            args = (*args[:skip], _join_items(separator, values[0]), *values[1:])
        elif check is not None:
            check(*values, **kwargs)
        return _checked(func(*args, **kwargs))

    return bounded


class _TickingIterable:
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


# --- the sandbox ---------------------------------------------------------------------------


class _BoundedCodeGenerator(CodeGenerator):
    """Compiles loops to iterate through `bounded_iter` and `~` to go through `bounded_join`."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        wrapped = isinstance(node.iter, nodes.Call) and isinstance(
            node.iter.node, nodes.EnvironmentAttribute
        )
        if not wrapped:
            node.iter = nodes.Call(
                nodes.EnvironmentAttribute("bounded_iter"),
                [node.iter],
                [],
                None,
                None,
                lineno=node.lineno,
            )
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _BoundedTemplate(jinja2.Template):
    """A sandboxed template: each render has a budget, and every failure is a TemplateError."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with _render_budget():
            try:
                return super().render(*args, **kwargs)
            except jinja2.TemplateError:
                raise
            except RecursionError:
                raise TemplateRefused(
                    "模板递归太深（宏调用自身，或模板包含自身？），已停止。"
                ) from None
            except MemoryError:
                raise TemplateRefused("模板占用的内存太多，已停止。") from None
            except Exception as exc:  # an outside template's code may raise anything
                raise TemplateRefused(f"{type(exc).__name__}：{exc}") from exc


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The environment of templates that do not come with drafter (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator
    template_class = _BoundedTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=_checked_output, **options)
        self.globals["range"] = _bounded_range
        self.globals.pop("lipsum", None)  # random filler text has no place in a report

    def add_filters(self, filters: FILTERS) -> None:
        """Register drafter's filters and bound every filter."""
        self.filters.update(dict(filters))
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def compile(self, source: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if isinstance(source, str) and len(source) > MAX_TEMPLATE_CHARS:
            raise TemplateRefused(
                f"模板太长（{len(source):,} 个字符，最多 {MAX_TEMPLATE_CHARS:,}）。"
            )
        try:
            return super().compile(source, *args, **kwargs)
        except RecursionError:
            raise TemplateRefused("模板的表达式嵌套太深。") from None

    # hooks called by sandboxed code

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        _tick()
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, (str, bytes)):
            args = _checked_method_args(owner, getattr(obj, "__name__", ""), args, kwargs)
        return _checked(super().call(context, obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        return super().getitem(obj, argument)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "+":
            _check_add(left, right)
        elif operator == "%":
            _check_printf(left, right)
        return _checked(super().call_binop(context, operator, left, right))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, (str, bytes)) and attr in _UNSAFE_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        template: str = value.__self__
        is_map = value.__name__ == "format_map"

        @wraps(wrapper)
        def bounded(*args: Any, **kwargs: Any) -> str:
            _tick()
            mapping = args[0] if is_map and args and isinstance(args[0], Mapping) else kwargs
            _check_format_method(template, () if is_map else args, mapping)
            return str(_checked(wrapper(*args, **kwargs)))

        return bounded

    # helpers the generated code calls

    def bounded_iter(self, items: Iterable[Any]) -> _TickingIterable:
        return _TickingIterable(items)

    def bounded_join(self, parts: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`: the joined text is measured before it is built."""
        _refuse_larger(sum(_text_size(p) for p in parts), "连接（~）")
        return str(_checked("".join(map(str, parts))))

    def concat(self, parts: Iterable[str]) -> str:  # type: ignore[override]
        """Output of a render, macro or block: stops as soon as it grows past MAX_TEXT."""
        pieces, size = [], 0
        for piece in parts:
            size += len(piece)
            if size > MAX_TEXT:
                raise TemplateRefused(f"模板输出超过 {MAX_TEXT:,} 个字符，已停止。")
            pieces.append(piece)
        return str(_checked("".join(pieces)))


def _checked_output(value: Any) -> Any:
    """What {{ … }} prints: measured before it is turned into text (finalize hook)."""
    if not isinstance(value, str):
        _refuse_larger(_text_size(value), "输出")
    return value


def _checked_method_args(
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
            _refuse_larger(len(owner) * max(tab, 1), "expandtabs")
    return args


# --- files ---------------------------------------------------------------------------------


class FolderLoader(jinja2.BaseLoader):
    """Templates by name from one folder: regular files inside it, nothing through links out."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self._path(template)
        try:
            raw = read_input(path, "模板文件", limit=MAX_TEMPLATE_CHARS * 4, allow_empty=True)
        except InputFileError as exc:
            if not path.exists():
                raise jinja2.TemplateNotFound(template) from None
            raise TemplateRefused(exc.problem) from None
        try:
            source = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TemplateRefused(f"模板 {template} 不是 UTF-8 编码的文本。") from None
        mtime = _mtime(path)
        return source, str(path), lambda: _mtime(path) == mtime

    def _path(self, name: str) -> Path:
        parts = name.split("/")
        if any(p in ("", ".", "..") or "\\" in p or ":" in p or "\0" in p for p in parts):
            raise jinja2.TemplateNotFound(name)
        root = os.path.realpath(self.folder)
        real = os.path.realpath(os.path.join(root, *parts))
        if os.path.commonpath([root, real]) != root:
            raise TemplateRefused(f"模板 {name} 指向模板目录之外（符号链接？），不能使用。")
        return Path(real)


def _mtime(path: Path) -> float | None:
    try:
        return os.path.getmtime(path)
    except OSError:
        return None


# --- environments and rendering ------------------------------------------------------------


@lru_cache(maxsize=8)
def environment(templates_dir: Path, *, sandboxed: bool, filters: FILTERS) -> jinja2.Environment:
    """The Jinja environment of a templates folder; sandboxed and bounded unless drafter's own."""
    options: dict[str, Any] = {
        "loader": FolderLoader(templates_dir),
        "undefined": jinja2.StrictUndefined,
        "autoescape": False,
        "keep_trailing_newline": False,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }
    if sandboxed:
        sandbox = _BoundedSandbox(**options)
        sandbox.add_filters(filters)
        return sandbox
    env = jinja2.Environment(auto_reload=False, **options)
    env.filters.update(dict(filters))
    return env


def render_string(
    env: jinja2.Environment, source: str, context: Mapping[str, Any], where: str
) -> str:
    """Render a template string; errors name the outline piece and the problem."""
    try:
        return _from_string(env, source).render(context)
    except jinja2.TemplateError as exc:
        raise UserError(
            f"模板错误（{where}）：{_one_line(exc)}", hint="请检查大纲模板与答案文件中的字段名。"
        ) from exc


@lru_cache(maxsize=128)
def _from_string(env: jinja2.Environment, source: str) -> jinja2.Template:
    """Compiled once: a kind's title, opening and closing forms are rendered again and again."""
    return env.from_string(source)


def render_file(env: jinja2.Environment, name: str, context: Mapping[str, Any], where: str) -> str:
    """Render a template file of the environment's folder; errors name the file and line."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as exc:
        raise UserError(f"模板错误（{where}）：找不到模板文件 {exc.name}。") from exc
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None)
        at = f"{name} 第{line}行" if line else name
        raise UserError(
            f"模板错误（{where}，{at}）：{_one_line(exc)}", hint="请检查模板与答案中的字段名。"
        ) from exc


def _one_line(exc: Exception, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[:limit] + "…"
