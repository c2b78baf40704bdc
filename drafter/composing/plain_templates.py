"""Templates that only substitute, rendered without Jinja: drafter's own wording forms.

drafter's shipped templates (the kinds' titles, openings, closings, framing sentences and the
section body) are text with `{{ name }}` substitutions, a loop over a list and now and then an
`{% if %}`: a small part of Jinja whose meaning is plain. Importing and compiling Jinja for them
cost a render more than all its other work. `parse` reads a template written in that part of
the language into a few nodes, and returns None for anything else, which the caller then gives
to Jinja. The part understood:

    text, {# comments #}, {{ expr }}, {% for name in expr %}…{% endfor %},
    {% if cond %}…{% elif cond %}…{% else %}…{% endif %}, whitespace control (- and +)
    expr: name(.attribute | .method('text', …))* (| filter | filter(argument, …))*
    cond: [not …] expr;  argument: 'text' or an expr

Rendering gives exactly what Jinja gives with drafter's trusted settings (StrictUndefined, no
autoescape, trim_blocks, lstrip_blocks, the trailing newline dropped): the lexing below follows
Jinja's lexer rule by rule, and a differential test renders generated templates both ways. Where
Jinja would have more to say (an unknown name or attribute, a value that does not iterate, a
call of anything but a text's method), rendering raises `Unsupported` and the caller lets Jinja
render the template and report. Nothing here evaluates text: values are looked up and printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

# Names Jinja gives a meaning of its own (constants, operators, special variables): a template
# using one is left to Jinja, whatever the context holds.
_RESERVED = frozenset(
    {
        "true", "false", "none", "True", "False", "None", "not", "and", "or", "in", "is", "if",
        "else", "elif", "for", "endfor", "endif", "recursive", "loop", "self", "super", "caller",
        "varargs", "kwargs", "range", "dict", "lipsum", "cycler", "joiner", "namespace",
    }
)
_NEWLINE = re.compile(r"\r\n|\r|\n")
_TAG_START = re.compile(r"\{([{%#])([-+]?)")
_WHITESPACE = re.compile(r"\s+")
# A word inside a tag: white space, a name, a text in quotes (no escapes), or . | ( ) ,
_PIECE = re.compile(r"(\s+)|([a-zA-Z_][a-zA-Z0-9_]*)|'([^'\\]*)'|\"([^\"\\]*)\"|([.|(),])")
_END = {"{": re.compile(r"-}}\s*|}}"), "%": re.compile(r"\+%}|-%}\s*|%}\n?")}
_COMMENT_END = re.compile(r"(.*?)(\+#}|-#}\s*|#}\n?)", re.S)


class Unsupported(Exception):
    """The template, or this render of it, needs Jinja."""


# --- nodes -----------------------------------------------------------------------------------


class Literal(NamedTuple):
    """A text argument: 'text'."""

    text: str


class Expr(NamedTuple):
    """name, then attribute lookups and method calls, then filters."""

    name: str
    trail: tuple[tuple[str, tuple[Literal | Expr, ...] | None], ...]  # (attribute, call args)
    filters: tuple[tuple[str, tuple[Literal | Expr, ...]], ...]


class Cond(NamedTuple):
    expr: Expr
    negated: bool


class Output(NamedTuple):
    expr: Expr


class For(NamedTuple):
    target: str
    items: Expr
    body: tuple[Node, ...]


class If(NamedTuple):
    branches: tuple[tuple[Cond | None, tuple[Node, ...]], ...]  # None: the else branch


Node = str | Output | For | If


class PlainTemplate(NamedTuple):
    nodes: tuple[Node, ...]

    def render(self, context: Mapping[str, Any], filters: Mapping[str, Callable[..., Any]]) -> str:
        """The text Jinja would give; `Unsupported` where Jinja must decide."""
        out: list[str] = []
        _render(self.nodes, _Scope(context, {}, filters), out)
        return "".join(out)


# --- lexing (Jinja's rules, for the part understood) -------------------------------------------


Piece = tuple[str, str]  # ("name", x), ("text", x) or ("op", x): a word inside a tag
Token = tuple[str, str | list[Piece]]  # ("data", text), or "{" / "%" with the tag's pieces


def _tokens(source: str) -> list[Token] | None:
    """Data and tags in order: kind "data" with its text, "{" (an expression) or "%" (a
    statement) with the tag's pieces; None outside the part."""
    lines = _NEWLINE.split(source)
    if lines[-1] == "":
        del lines[-1]  # keep_trailing_newline=False: one trailing newline goes
    source = "\n".join(lines)
    tokens: list[Token] = []
    pos, line_starting = 0, True
    while pos < len(source):
        start = _TAG_START.search(source, pos)
        if start is None:
            tokens.append(("data", source[pos:]))
            break
        kind, sign = start.group(1), start.group(2)
        text = source[pos : start.start()]
        if sign == "-":
            text = text.rstrip()
        elif sign != "+" and kind != "{":  # lstrip_blocks: blocks and comments, not {{ }}
            l_pos = text.rfind("\n") + 1
            if (l_pos > 0 or line_starting) and _WHITESPACE.fullmatch(text, l_pos):
                text = text[:l_pos]
        if text:
            tokens.append(("data", text))
        if kind == "#":
            end = _COMMENT_END.match(source, start.end())
            if end is None:
                return None
            pos = end.end()
            line_starting = source[pos - 1 : pos] == "\n"
            continue
        inner = _tag(source, start.end(), kind)
        if inner is None:
            return None
        pieces, pos = inner
        line_starting = source[pos - 1 : pos] == "\n"
        tokens.append((kind, pieces))
    return tokens


def _tag(source: str, pos: int, kind: str) -> tuple[list[Piece], int] | None:
    """(the tag's pieces, the position after its end) — the end found piece by piece, as Jinja
    does, so '}}' inside a string does not end it; None for a character outside the part."""
    pieces: list[Piece] = []
    while pos < len(source):
        end = _END[kind].match(source, pos)
        if end is not None:
            return pieces, end.end()
        m = _PIECE.match(source, pos)
        if m is None:
            return None
        _space, name, single, double, op = m.groups()
        if name is not None:
            pieces.append(("name", name))
        elif op is not None:
            pieces.append(("op", op))
        elif single is not None or double is not None:
            pieces.append(("text", single if single is not None else double))
        pos = m.end()
    return None


# --- parsing ---------------------------------------------------------------------------------


class _Parser:
    def __init__(self, pieces: str | list[Piece]) -> None:
        if isinstance(pieces, str):  # a data token where a tag was expected
            raise Unsupported
        self.pieces = pieces
        self.i = 0

    def peek(self) -> Piece | None:
        return self.pieces[self.i] if self.i < len(self.pieces) else None

    def take(self, kind: str, value: str | None = None) -> str:
        piece = self.peek()
        if piece is None or piece[0] != kind or (value is not None and piece[1] != value):
            raise Unsupported
        self.i += 1
        return piece[1]

    def done(self) -> None:
        if self.i != len(self.pieces):
            raise Unsupported

    def name(self) -> str:
        name = self.take("name")
        if name in _RESERVED:
            raise Unsupported
        return name

    def expr(self) -> Expr:
        name = self.name()
        trail: list[tuple[str, tuple[Literal | Expr, ...] | None]] = []
        while self.peek() == ("op", "."):
            self.i += 1
            attribute = self.take("name")
            args = self.arguments() if self.peek() == ("op", "(") else None
            trail.append((attribute, args))
        filters: list[tuple[str, tuple[Literal | Expr, ...]]] = []
        while self.peek() == ("op", "|"):
            self.i += 1
            filter_name = self.take("name")
            args = self.arguments() if self.peek() == ("op", "(") else ()
            filters.append((filter_name, args))
        return Expr(name, tuple(trail), tuple(filters))

    def arguments(self) -> tuple[Literal | Expr, ...]:
        self.take("op", "(")
        args: list[Literal | Expr] = []
        while self.peek() != ("op", ")"):
            piece = self.peek()
            if piece is not None and piece[0] == "text":
                self.i += 1
                args.append(Literal(piece[1]))
            else:
                args.append(self.expr())
            if self.peek() != ("op", ")"):
                self.take("op", ",")
        self.take("op", ")")
        return tuple(args)

    def cond(self) -> Cond:
        negated = False
        while self.peek() == ("name", "not"):
            self.i += 1
            negated = not negated
        return Cond(self.expr(), negated)


def parse(source: str) -> PlainTemplate | None:
    """The template as plain nodes, or None when it uses more of Jinja than this module knows."""
    tokens = _tokens(source)
    if tokens is None:
        return None
    try:
        nodes, rest = _block(tokens, 0, ())
    except Unsupported:
        return None
    return PlainTemplate(nodes) if rest == len(tokens) else None


def _block(tokens: list[Token], i: int, ends: tuple[str, ...]) -> tuple[tuple[Node, ...], int]:
    """Nodes from token i up to a statement whose first word is in `ends` (its index returned)."""
    nodes: list[Node] = []
    while i < len(tokens):
        kind, value = tokens[i]
        if isinstance(value, str):
            nodes.append(value)
            i += 1
            continue
        if not value:
            raise Unsupported
        parser = _Parser(value)
        if kind == "{":
            nodes.append(Output(parser.expr()))
            parser.done()
            i += 1
            continue
        word = parser.take("name")
        if word in ends:
            return tuple(nodes), i
        if word == "for":
            target = parser.name()
            parser.take("name", "in")
            items = parser.expr()
            parser.done()
            body, i = _block(tokens, i + 1, ("endfor", "else"))
            _closing(tokens, i, "endfor")
            nodes.append(For(target, items, body))
            i += 1
        elif word == "if":
            branch: Cond | None = parser.cond()
            parser.done()
            branches: list[tuple[Cond | None, tuple[Node, ...]]] = []
            while True:
                body, i = _block(tokens, i + 1, ("elif", "else", "endif"))
                branches.append((branch, body))
                closer = _Parser(tokens[i][1])
                word = closer.take("name")
                if word == "endif":
                    closer.done()
                    break
                if branch is None:
                    raise Unsupported  # a branch after else
                branch = closer.cond() if word == "elif" else None
                closer.done()
            nodes.append(If(tuple(branches)))
            i += 1
        else:
            raise Unsupported
    if ends:
        raise Unsupported  # an unclosed for or if
    return tuple(nodes), i


def _closing(tokens: list[Token], i: int, word: str) -> None:
    """The statement at i is exactly `{% word %}` (a for's else is left to Jinja)."""
    closer = _Parser(tokens[i][1])
    closer.take("name", word)
    closer.done()


# --- rendering -------------------------------------------------------------------------------


class _Scope(NamedTuple):
    context: Mapping[str, Any]
    loop_names: Mapping[str, Any]
    filters: Mapping[str, Callable[..., Any]]


def _render(nodes: Iterable[Node], scope: _Scope, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Output):
            out.append(str(_value(node.expr, scope)))
        elif isinstance(node, For):
            items = _value(node.items, scope)
            if not isinstance(items, (list, tuple, str)):
                raise Unsupported  # dicts, generators, None…: Jinja's own behaviour
            for item in list(items):
                inner = _Scope(scope.context, {**scope.loop_names, node.target: item}, scope.filters)
                _render(node.body, inner, out)
        else:
            for cond, body in node.branches:
                if cond is None or bool(_value(cond.expr, scope)) != cond.negated:
                    _render(body, scope, out)
                    break


def _value(expr: Expr, scope: _Scope) -> Any:
    if expr.name in scope.loop_names:
        value = scope.loop_names[expr.name]
    elif expr.name in scope.context:
        value = scope.context[expr.name]
    else:
        raise Unsupported
    for attribute, args in expr.trail:
        value = _attribute(value, attribute)
        if args is not None:
            if not (callable(value) and isinstance(getattr(value, "__self__", None), str)):
                raise Unsupported  # only a text's own methods: endswith, startswith…
            value = value(*(_argument(a, scope) for a in args))
    for name, args in expr.filters:
        function = scope.filters.get(name)
        if function is None:
            raise Unsupported
        value = function(value, *(_argument(a, scope) for a in args))
    return value


def _argument(arg: Literal | Expr, scope: _Scope) -> Any:
    return arg.text if isinstance(arg, Literal) else _value(arg, scope)


def _attribute(value: Any, attribute: str) -> Any:
    """Jinja's `a.b`: the attribute, else the item; neither is Jinja's to report."""
    try:
        return getattr(value, attribute)
    except AttributeError:
        pass
    try:
        return value[attribute]
    except (TypeError, LookupError, AttributeError):
        raise Unsupported from None
