"""Allows `python -m drafter`."""

from drafter.cli import entry

entry()
