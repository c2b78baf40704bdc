"""`drafter new`: the questionnaire, from a blank page, an answers file or last period's report."""

from __future__ import annotations

import argparse
from typing import TextIO

from drafter.domain import DEFAULT_OUTPUT
from drafter.errors import EXIT_OK
from drafter.library import load_library
from drafter.wizard import run_wizard


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Interview (or fill defaults), write the document, print where it went."""
    written = run_wizard(
        load_library(args.outlines),
        output=args.output or DEFAULT_OUTPUT,
        answers_path=args.answers,
        last_path=args.last,
        defaults_only=args.defaults,
        force=args.force,
        reference_docx=args.reference_docx,
    )
    out.write(f"已生成：{written}\n")
    return EXIT_OK
