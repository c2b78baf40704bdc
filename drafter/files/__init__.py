"""Files in and out, safely: bounded reads of regular files, outputs refused before anything is
written (fsutil), the files a command line names with its folders opened (listing), writes that
are all or nothing (writes), YAML loaded with located errors and written readably (yamlio,
yaml_dump), the schema checker for those files (schema), the parse cache of drafter's own
outlines (cache), and where the user's own data lives (userdirs). The floor every other package
stands on.

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.files.cache import checked, mark_checked
    from drafter.files.fsutil import (
        check_output,
        check_outputs,
        is_directory,
        read_input,
        refuse_control_characters,
    )
    from drafter.files.listing import Listing, list_files
    from drafter.files.schema import ANY, Map, OneOf, Opt, excerpt, validate, validate_once
    from drafter.files.userdirs import HOME_ENV, data_dir, user_data_dir
    from drafter.files.writes import BACKGROUND_FROM, Staging, write_all, write_atomic
    from drafter.files.yaml_dump import dump_yaml
    from drafter.files.yamlio import KeyPath, YamlDoc, load_yaml, parse_yaml, shipped_outlines_dir

_EXPORTS = {
    "cache": ("checked", "mark_checked"),
    "fsutil": ("check_output", "check_outputs", "is_directory", "read_input", "refuse_control_characters"),
    "listing": ("Listing", "list_files"),
    "schema": ("ANY", "Map", "OneOf", "Opt", "excerpt", "validate", "validate_once"),
    "userdirs": ("HOME_ENV", "data_dir", "user_data_dir"),
    "writes": ("BACKGROUND_FROM", "Staging", "write_all", "write_atomic"),
    "yaml_dump": ("dump_yaml",),
    "yamlio": ("KeyPath", "YamlDoc", "load_yaml", "parse_yaml", "shipped_outlines_dir"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "ANY",
    "BACKGROUND_FROM",
    "HOME_ENV",
    "KeyPath",
    "Listing",
    "Map",
    "OneOf",
    "Opt",
    "Staging",
    "YamlDoc",
    "check_output",
    "check_outputs",
    "checked",
    "data_dir",
    "dump_yaml",
    "excerpt",
    "is_directory",
    "list_files",
    "load_yaml",
    "mark_checked",
    "parse_yaml",
    "read_input",
    "refuse_control_characters",
    "shipped_outlines_dir",
    "user_data_dir",
    "validate",
    "validate_once",
    "write_all",
    "write_atomic",
]
