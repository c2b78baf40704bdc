"""SIGTERM during the interview ends it as Ctrl-C does: the answers are saved, the message is said.

The wizard (drafter.wizard.wizard) takes SIGTERM for the whole interview and raises
`TermSignal` wherever the program is, which stops it like `Aborted` (answers saved after every
answer, `Session.stop_message`), and `drafter new` exits 143 (errors.Terminated). While a
prompt is on the screen the terminal prompter (drafter.wizard.prompts) takes the signal
instead and ends the prompt from its event loop, so the terminal is given back as after Ctrl-C.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from drafter.wizard.question import TermSignal

SignalHandler = Callable[[int, FrameType | None], None]


@contextmanager
def on_sigterm(handler: SignalHandler) -> Iterator[None]:
    """`handler` takes SIGTERM inside the block; the previous handler is back after it.

    Only the main thread may set signal handlers: elsewhere the block runs without one.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop_here(_signum: int, _frame: FrameType | None) -> None:
    """SIGTERM outside a prompt: the interview stops where it is."""
    raise TermSignal


@contextmanager
def sigterm_stops() -> Iterator[None]:
    """The interview inside the block stops on SIGTERM with `TermSignal`."""
    with on_sigterm(stop_here):
        yield
