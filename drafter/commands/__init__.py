"""One module per command: its `run(args, out)` and what it prints on the terminal.

`drafter.cli` parses the command line and calls one of these; they call the library (reading,
structure, learning, questionnaire, composition, writers) and never each other. `out` is the
terminal's standard output, passed in so tests need no hooks. `workers` is not a command: it
is the pool of forked worker processes that `render` and `check` share for many files.
"""
