"""The schemas of an outlines folder's files, and where drafter's own folder is.

A learned outline (learned/<id>.yaml, OUTLINE_SCHEMA) and the authored kinds, topics and
questions (AUTHORED_SCHEMAS) are checked against these when loaded: by `outline` (the
library), by `knowledge_files` (the topics' banks) and by `learn` (before it writes). They live
apart from those modules so that each can use them without importing the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.files import ANY, Map, OneOf, Opt, shipped_outlines_dir

_SOURCED = {"text": str, "sources": [str]}
_POINT = {"lead": str, "detail": Opt(str), "counts": Opt([str]), "sources": [str]}
_FACT = {"key": str, "unit": str, "example": Opt(int), "sources": [str]}


def _section_schema() -> dict[str, Any]:
    section: dict[str, Any] = {
        "id": str,
        "topic": str,
        "level": int,
        "share": float,
        "run_in": bool,
        "titles": [_SOURCED],
        "points": Opt([_POINT]),
        "facts": Opt([_FACT]),
        "text": Opt([str]),
    }
    section["children"] = Opt([section])
    return section


OUTLINE_SCHEMA = {
    "schema": int,
    "id": str,
    "kind": str,
    "description": Opt(str),
    "own": Opt({"base": str, "units": [str], "opening": Opt([str]), "year": Opt(int), "period": Opt(str)}),
    "sources": [str],
    "titles": Opt([_SOURCED]),
    "opening": Opt([_SOURCED]),
    "closing": Opt([_SOURCED]),
    "sections": [_section_schema()],
}

_QUESTION = {
    "name": str,
    "type": str,
    "prompt": str,
    "help": Opt(str),
    "required": Opt(bool),
    "default": Opt(ANY),
    "choices": Opt(OneOf((str, [str]))),
    "min": Opt(int),
    "max": Opt(int),
    "when": Opt(str),
    "placeholder": Opt(str),
    "each": Opt(str),
    "limit": Opt(int),
    "other": Opt(bool),
    "unit": Opt(str),
}

# A kind's opening, closing or framing: one form, or several wordings a unit's hash chooses from.
_FORMS = OneOf((str, [str]))

AUTHORED_SCHEMAS: dict[str, Any] = {
    "kinds.yaml": {
        "kinds": [
            {
                "id": str,
                "name": str,
                "description": str,
                "detect": Opt(
                    {
                        "title_any": Opt([str]),
                        "title_period": Opt([str]),
                        "opening_any": Opt([str]),
                        "dash_share": Opt(float),
                    }
                ),
                "level1": Opt(str),
                "followed_by": Opt(str),
                "subject": Opt(str),
                "framing": Opt({"problems": Opt(_FORMS), "next_steps": Opt(_FORMS)}),
                "title": str,
                "opening": Opt(_FORMS),
                "closing": Opt(_FORMS),
            }
        ]
    },
    "topics.yaml": {
        "verbs": Opt(Map([str])),
        "specific": Opt([str]),
        "topics": [
            {
                "id": str,
                "name": str,
                "keywords": [str],
                "bank": Opt([str]),
                "questions": Opt([_QUESTION]),
            }
        ]
    },
    "questions.yaml": {"basics": [_QUESTION], "section": [_QUESTION], "topics": Opt(Map([_QUESTION]))},
}


def default_outlines_dir() -> Path:
    """The outlines shipped with drafter (see yamlio.shipped_outlines_dir)."""
    return shipped_outlines_dir()
