"""A tiny declarative validator for the YAML drafter reads, with errors that point at the key.

A schema is a Python type (str, int, float, bool), `Opt(schema)` for an optional key,
`[schema]` for a list of items, `{key: schema}` for a mapping with exactly those keys,
`Map(schema)` for a mapping with free keys, or `Any_`/`OneOf(...)` for alternatives.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from drafter.errors import YamlError
from drafter.files.yamlio import KeyPath, YamlDoc

_TYPE_NAMES = {
    str: "文本",
    int: "整数",
    float: "数字",
    bool: "是/否（true/false）",
    list: "列表",
    dict: "映射",
    type(None): "留空（不填）",
}


class Opt(NamedTuple):
    """An optional mapping key."""

    schema: Any


class Map(NamedTuple):
    """A mapping with free keys whose values all follow `schema`."""

    schema: Any


class OneOf(NamedTuple):
    """Any of several schemas (the first that validates)."""

    options: tuple[Any, ...]


ANY = object()


def _type_name(schema: Any) -> str:
    if isinstance(schema, list):
        return "列表"
    if isinstance(schema, (dict, Map)):
        return "映射"
    if isinstance(schema, OneOf):
        return "或".join(_type_name(o) for o in schema.options)
    return _TYPE_NAMES.get(schema, str(schema))


class _Probe(YamlDoc):
    """The document as seen when trying one alternative of a OneOf: its errors are only thrown
    away, so they are made without looking up their line (which walks the YAML nodes)."""

    def error(self, keypath: KeyPath, problem: str, *, hint: str = "") -> YamlError:
        return YamlError(self.path, problem)


def validate_once(doc: YamlDoc, schema: Any, what: str) -> None:
    """`validate` the whole document, unless it is one of drafter's own files whose bytes have
    passed this check before (drafter.files.cache): the shipped outlines are checked once, not on
    every run."""
    from drafter.files import cache

    if cache.checked(what, [doc.key]):
        return
    validate(doc, schema)
    cache.mark_checked(what, [doc.key])


def validate(doc: YamlDoc, schema: Any, value: Any = None, keypath: KeyPath = ()) -> None:
    """Raise the YamlError of the first place where `value` (default: the whole doc) breaks `schema`."""
    if not keypath and value is None:
        value = doc.data
    if schema is ANY:
        return
    if isinstance(schema, OneOf):
        probe = _Probe(doc.path, doc.data)
        for option in schema.options:
            try:
                validate(probe, option, value, keypath)
                return
            except YamlError:  # this alternative does not fit: try the next
                continue
        raise doc.error(keypath, f"应为{_type_name(schema)}。")
    if isinstance(schema, list):
        if not isinstance(value, list):
            raise doc.error(keypath, f"应为列表，实际是{_actual(value)}。")
        for i, item in enumerate(value):
            validate(doc, schema[0], item, keypath + (i,))
        return
    if isinstance(schema, Map):
        if not isinstance(value, dict):
            raise doc.error(keypath, f"应为映射（键: 值），实际是{_actual(value)}。")
        for key, item in value.items():
            validate(doc, schema.schema, item, keypath + (str(key),))
        return
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            raise doc.error(keypath, f"应为映射（键: 值），实际是{_actual(value)}。")
        for key in value:
            if key not in schema:
                known = "、".join(str(k) for k in schema)
                raise doc.error(
                    keypath + (str(key),), f"未知的键“{excerpt(str(key))}”。", hint=f"可用的键：{known}"
                )
        for key, sub in schema.items():
            optional = isinstance(sub, Opt)
            if key not in value or value[key] is None:
                if not optional:
                    raise doc.error(keypath, f"缺少必填的键“{key}”。")
                continue
            validate(doc, sub.schema if optional else sub, value[key], keypath + (key,))
        return
    if schema is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return
    if schema is int and isinstance(value, bool):
        raise doc.error(keypath, f"应为整数，实际是{_actual(value)}。")
    if not isinstance(value, schema):
        raise doc.error(keypath, f"应为{_type_name(schema)}，实际是{_actual(value)}。")


def _actual(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return f"是/否值 {value}"
    if isinstance(value, (list, tuple)):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, (int, float)):
        return f"数字 {excerpt(str(value))}"
    return f"文本“{excerpt(str(value))}”"


def excerpt(text: str, limit: int = 20) -> str:
    """A one-line preview of user text for an error message: whitespace and controls folded."""
    flat = "".join(ch if ch.isprintable() else " " for ch in text[: limit * 4])
    flat = " ".join(flat.split())
    return flat[:limit] + ("…" if len(flat) > limit else "")
