"""Terminal output that cannot fail: the console's encoding and a reader that went away.

Most users run drafter on Chinese Windows, where the console or a redirected file
(`drafter outline 报告.txt > 结构.txt`) uses GBK: a character GBK lacks (✔, an emoji, a rare
name in a report) must print as "?" rather than end the command. Files drafter writes are
UTF-8 whatever the console uses (fsutil encodes them itself).
"""

from __future__ import annotations

import io
import os
import sys


def configure_streams() -> None:
    """Make stdout and stderr replace what their encoding cannot show instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def discard_stdout() -> None:
    """After the reader of stdout went away (`drafter outline … | head`): send what is still
    buffered nowhere, so that flushing at exit does not raise BrokenPipeError again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (captured by a test)
        pass
