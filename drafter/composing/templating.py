"""A library's wording templates, rendered plainly when they only substitute, else by Jinja.

A library's templates are drafter's own (trusted) or data from elsewhere (an outside outlines
folder: rendered in the bounded sandbox of `jinja_templates`, always). drafter's own templates
that stay within the part of the language `plain_templates` knows are rendered without Jinja:
importing and compiling it would cost a render more than all its other work. Anything else —
a construct outside that part, a name the context lacks — goes to Jinja, which renders it or
reports. Errors are UserErrors (模板错误, exit 2) naming the outline piece.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.composing.plain_templates import PlainTemplate, Unsupported, parse
from drafter.errors import InputFileError
from drafter.files import read_input

if TYPE_CHECKING:
    import jinja2

FILTERS = tuple[tuple[str, Callable[..., Any]], ...]
# Names of drafter's own template files: one plain file name (others are left to Jinja's loader).
_FILE_NAME = re.compile(r"[A-Za-z0-9_-]+\.j2")
_MAX_TEMPLATE_BYTES = 80_000  # drafter's own templates are a few hundred bytes


class Templates:
    """The templates of one outlines folder, with the filters they may use; `trusted` for
    drafter's own outlines/ (no sandbox, and plain rendering where it can)."""

    __slots__ = ("_filter_map", "filters", "folder", "trusted")

    def __init__(self, folder: Path, *, trusted: bool, filters: FILTERS) -> None:
        self.folder = folder
        self.trusted = trusted
        self.filters = filters
        self._filter_map: Mapping[str, Callable[..., Any]] = dict(filters)

    def render_string(self, source: str, context: Mapping[str, Any], where: str) -> str:
        """Render a template string (a kind's title, opening, closing or framing form)."""
        if self.trusted:
            text = _plain_render(_plain(source), context, self._filter_map)
            if text is not None:
                return text
        from drafter.composing import jinja_templates

        return jinja_templates.render_string(self.environment(), source, context, where)

    def render_file(self, name: str, context: Mapping[str, Any], where: str) -> str:
        """Render a template file of the folder; errors name the file and line."""
        if self.trusted:
            text = _plain_render(_plain_file(self.folder, name), context, self._filter_map)
            if text is not None:
                return text
        from drafter.composing import jinja_templates

        return jinja_templates.render_file(self.environment(), name, context, where)

    def environment(self) -> jinja2.Environment:
        """The Jinja environment of the folder (imported and built on first need)."""
        from drafter.composing.jinja_templates import environment

        return environment(self.folder, sandboxed=not self.trusted, filters=self.filters)

    @contextlib.contextmanager
    def document_budget(self) -> Iterator[None]:
        """One time budget for everything a document renders (outside templates only)."""
        if self.trusted:
            yield
            return
        from drafter.composing.template_limits import time_budget

        with time_budget():
            yield


def _plain_render(
    template: PlainTemplate | None, context: Mapping[str, Any], filters: Mapping[str, Callable[..., Any]]
) -> str | None:
    if template is None:
        return None
    try:
        return template.render(context, filters)
    except Unsupported:
        return None


@lru_cache(maxsize=128)
def _plain(source: str) -> PlainTemplate | None:
    """Parsed once: a kind's forms are rendered again and again."""
    return parse(source)


@lru_cache(maxsize=64)
def _plain_file(folder: Path, name: str) -> PlainTemplate | None:
    """A trusted folder's template file parsed once (shipped files do not change while running);
    None for anything unusual, which Jinja's loader then reports."""
    if not _FILE_NAME.fullmatch(name):
        return None
    try:
        raw = read_input(folder / name, "模板文件", limit=_MAX_TEMPLATE_BYTES, allow_empty=True)
        return parse(raw.decode("utf-8-sig"))
    except (InputFileError, UnicodeDecodeError):
        return None
