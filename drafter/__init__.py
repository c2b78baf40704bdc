"""drafter: learns the structure of 党建工作总结 from real reports and drafts new ones as 公文 .docx.

The packages and the order they stand in are drawn in docs/architecture.md.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__version__ = "0.2.0"


def lazy_exports(package: str, exports: Mapping[str, tuple[str, ...]]) -> Callable[[str], object]:
    """A package's module `__getattr__` (PEP 562) for the names it exports: {module: names}.

    A name is imported from its module the first time it is used and kept on the package, so
    importing a package loads nothing it does not use: `drafter render` never loads the report
    reader or Jinja although their packages export them."""
    home = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> object:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
