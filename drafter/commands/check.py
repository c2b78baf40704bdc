"""`drafter check FILE… | FOLDER…` (核稿): what a reader would stumble on, with where and how to fix.

One file named alone is checked and printed as it always was (a file that cannot be read is an
error, exit 2). Several files, a folder, `--summary` or `--json`: every file is checked (a
folder gives its reports and answers files), one that cannot be read is reported and the others
go on; a summary line per file, the totals, then the details (drafter.checking.batch). Many
files are checked by worker processes, one per core.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from drafter.checking import (
    MAX_BYTES,
    MAX_FILES,
    FileCheck,
    batch_json,
    check_one,
    checkable,
    exit_code,
    format_batch,
    run_check,
)
from drafter.errors import EXIT_CHECK_FAILED, EXIT_OK, UserError
from drafter.files import is_directory, list_files
from drafter.library import Library, load_library

PER_WORKER = 8  # below this many files per core, worker processes cost more than they save


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Check every file named; exit 1 when anything was found (or a file of many could not be
    read), 0 when all are clean, 2 when the only file, or every file, could not be read."""
    library = load_library(args.outlines)
    names: list[Path] = args.files
    if len(names) == 1 and not (args.summary or args.json or is_directory(names[0])):
        text, found = run_check(names[0], library)
        out.write(text + "\n")
        return EXIT_CHECK_FAILED if found else EXIT_OK
    listing = list_files(names, checkable, max_files=MAX_FILES, max_bytes=MAX_BYTES)
    if not listing.files:
        folders = "、".join(str(f) for f in listing.empty_folders)
        raise UserError(f"{folders}：文件夹中没有可核稿的文件。", hint="可核稿的文件：.docx、.txt、.md 报告和 .yaml 答案文件。")
    results = check_all(listing.files, library)
    if args.json:
        out.write(batch_json(results, empty_folders=listing.empty_folders) + "\n")
    else:
        out.write(format_batch(results, empty_folders=listing.empty_folders, details=not args.summary) + "\n")
    return exit_code(results)


def check_all(paths: list[Path], library: Library) -> list[FileCheck]:
    """Every file checked, in order, on worker processes when there are many."""
    from drafter.commands.workers import in_order

    def check(index: int) -> FileCheck:
        return check_one(paths[index], library)

    return list(in_order(check, len(paths), per_worker=PER_WORKER))
