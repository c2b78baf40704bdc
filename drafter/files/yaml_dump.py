"""Writing YAML as drafter's files read: Chinese as is, key order kept, long text as | blocks.

Answers files, own outlines and learned outlines are written here and read back by
drafter.files.yamlio, which refuses anchors and aliases: so none are ever written.
"""

from __future__ import annotations

from typing import Any

import yaml

_SafeDumperBase = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data: Any) -> str:
    """Dump data as readable YAML: Chinese kept as is, key order kept, long text as blocks."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


class _Dumper(_SafeDumperBase):  # type: ignore[misc,valid-type]
    """SafeDumper that writes multi-line strings as | blocks and never anchors and aliases:
    a value that occurs twice is written out twice, since loading refuses aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_representer(dumper: yaml.BaseDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)
