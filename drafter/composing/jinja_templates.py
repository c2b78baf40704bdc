"""Jinja for drafter's wording templates: the environments, and renders that cannot run away.

drafter's own templates (outlines/ shipped with it) are trusted and render in a plain
environment, when `drafter.composing.templating` cannot render them without Jinja. Any other outlines
folder is data from elsewhere: its templates render in a sandbox whose hooks bound the work of
every render (see `template_limits`: time, size, counts), whose loops and `~` joins are
compiled to check the budget too, where recursion (a macro calling itself, a template including
itself) is reported, and whose templates are regular files inside the templates folder (no
"..", no symbolic link out of it).

Every failure of an outside template, whatever Python raised, is a jinja2.TemplateError;
`render_string` and `render_file` turn it into a UserError (模板错误, exit 2) naming the
outline piece. Imported only when a template needs Jinja (see drafter.composing.templating).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter.composing import template_limits as limits
from drafter.errors import InputFileError, UserError
from drafter.files import read_input

FILTERS = tuple[tuple[str, Callable[..., Any]], ...]


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
        with limits.render_budget():
            try:
                return super().render(*args, **kwargs)
            except jinja2.TemplateError:
                raise
            except RecursionError:
                raise limits.TemplateRefused(
                    "模板递归太深（宏调用自身，或模板包含自身？），已停止。"
                ) from None
            except MemoryError:
                raise limits.TemplateRefused("模板占用的内存太多，已停止。") from None
            except Exception as exc:  # an outside template's code may raise anything
                raise limits.TemplateRefused(f"{type(exc).__name__}：{exc}") from exc


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The environment of templates that do not come with drafter (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator
    template_class = _BoundedTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=limits.checked_output, **options)
        self.globals["range"] = limits.bounded_range
        self.globals.pop("lipsum", None)  # random filler text has no place in a report

    def add_filters(self, filters: FILTERS) -> None:
        """Register drafter's filters and bound every filter."""
        self.filters.update(dict(filters))
        self.filters = {name: limits.bounded_filter(name, f) for name, f in self.filters.items()}

    def compile(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(source, str) and len(source) > limits.MAX_TEMPLATE_CHARS:
            raise limits.TemplateRefused(
                f"模板太长（{len(source):,} 个字符，最多 {limits.MAX_TEMPLATE_CHARS:,}）。"
            )
        try:
            return super().compile(source, *args, **kwargs)
        except RecursionError:
            raise limits.TemplateRefused("模板的表达式嵌套太深。") from None

    # hooks called by sandboxed code

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        limits.tick()
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, (str, bytes)):
            args = limits.checked_method_args(owner, getattr(obj, "__name__", ""), args, kwargs)
        return limits.checked(super().call(context, obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        limits.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        limits.tick()
        return super().getitem(obj, argument)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        limits.tick()
        if operator == "*":
            limits.check_repeat(left, right)
        elif operator == "**":
            limits.check_power(left, right)
        elif operator == "+":
            limits.check_add(left, right)
        elif operator == "%":
            limits.check_printf(left, right)
        return limits.checked(super().call_binop(context, operator, left, right))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, (str, bytes)) and attr in limits.UNSAFE_METHODS:
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
            limits.tick()
            mapping = args[0] if is_map and args and isinstance(args[0], Mapping) else kwargs
            limits.check_format_method(template, () if is_map else args, mapping)
            return str(limits.checked(wrapper(*args, **kwargs)))

        return bounded

    # helpers the generated code calls

    def bounded_iter(self, items: Iterable[Any]) -> limits.TickingIterable:
        return limits.TickingIterable(items)

    def bounded_join(self, parts: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`: the joined text is measured before it is built."""
        limits.refuse_larger(sum(limits.text_size(p) for p in parts), "连接（~）")
        return str(limits.checked("".join(map(str, parts))))

    def concat(self, parts: Iterable[str]) -> str:
        """Output of a render, macro or block: stops as soon as it grows past limits.MAX_TEXT."""
        pieces, size = [], 0
        for piece in parts:
            size += len(piece)
            if size > limits.MAX_TEXT:
                raise limits.TemplateRefused(f"模板输出超过 {limits.MAX_TEXT:,} 个字符，已停止。")
            pieces.append(piece)
        return str(limits.checked("".join(pieces)))


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
            raw = read_input(
                path, "模板文件", limit=limits.MAX_TEMPLATE_CHARS * 4, allow_empty=True
            )
        except InputFileError as exc:
            if not path.exists():
                raise jinja2.TemplateNotFound(template) from None
            raise limits.TemplateRefused(exc.problem) from None
        try:
            source = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise limits.TemplateRefused(f"模板 {template} 不是 UTF-8 编码的文本。") from None
        mtime = _mtime(path)
        return source, str(path), lambda: _mtime(path) == mtime

    def _path(self, name: str) -> Path:
        parts = name.split("/")
        if any(p in ("", ".", "..") or "\\" in p or ":" in p or "\0" in p for p in parts):
            raise jinja2.TemplateNotFound(name)
        root = os.path.realpath(self.folder)
        real = os.path.realpath(os.path.join(root, *parts))
        if os.path.commonpath([root, real]) != root:
            raise limits.TemplateRefused(f"模板 {name} 指向模板目录之外（符号链接？），不能使用。")
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


def question_environment() -> jinja2.Environment:
    """The bounded sandbox for questions.yaml's prompts, defaults and conditions (no loader):
    an outside outlines folder's questions are as untrusted as its templates."""
    sandbox = _BoundedSandbox(undefined=jinja2.StrictUndefined, autoescape=False)
    sandbox.add_filters(())
    return sandbox


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
