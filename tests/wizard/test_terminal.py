"""`drafter new` at a real terminal: tmux runs the program, types the keys, reads the screen.

The one end-to-end test of the interview as a user meets it (prompt_toolkit on a real tty,
Chinese text typed, Enter on an empty line ending the text). Each key is sent only once the
prompt it answers is on the screen. Skipped when tmux is not installed; under CI=true, which
installs it, a missing tmux fails instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.library.outline import Library
from tests.helpers import need_tools

TIMEOUT = 30.0  # seconds to wait for one screen


@pytest.fixture
def tmux(tmp_path: Path):  # noqa: ANN201 - a generator fixture
    need_tools("tmux")  # skipped without it, failed under CI=true (CI installs it)
    session = f"drafter-test-{os.getpid()}-{time.monotonic_ns()}"
    socket = tmp_path / "tmux.sock"
    base = ["tmux", "-u", "-S", str(socket)]
    yield session, base
    subprocess.run([*base, "kill-server"], check=False, capture_output=True)


class Screen:
    def __init__(self, base: list[str], session: str) -> None:
        self.base, self.session = base, session

    def text(self) -> str:
        result = subprocess.run(
            [*self.base, "capture-pane", "-p", "-t", self.session],
            capture_output=True, text=True, check=True,
        )
        return result.stdout

    def question(self) -> str:
        """The question being asked: the last line that starts with "?"."""
        asked = [line for line in self.text().splitlines() if line.startswith("?")]
        return asked[-1] if asked else ""

    def wait(self, wanted: str, *, anywhere: bool = False) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if wanted in (self.text() if anywhere else self.question()):
                return
            time.sleep(0.05)
        raise AssertionError(f"“{wanted}” never appeared; the screen:\n{self.text()}")

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.base, "send-keys", "-t", self.session, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run([*self.base, "send-keys", "-t", self.session, "-l", text], check=True)


def test_drafter_new_at_a_real_terminal(tmux: tuple[str, list[str]], library: Library, tmp_path: Path) -> None:
    session, base = tmux
    out = tmp_path / "out.md"
    command = (
        f"{sys.executable} -m drafter --outlines {library.root} new -o {out}; "
        "echo 退出码=$?; sleep 60"
    )
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    subprocess.run(
        [*base, "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True, env=env,
    )
    screen = Screen(base, session)
    steps: list[tuple[str, list[str], str]] = [
        ("以哪一级党组织的名义写", ["Enter"], ""),
        ("要写哪一类总结", ["Down", "Down", "Enter"], ""),  # general, duty, short
        ("单位名称", [], "某某县档案馆党支部"),
        ("? 年度", ["Enter"], ""),
        ("总结的时间段", ["Enter"], ""),
        ("? 标题", ["Enter"], ""),
        ("落款单位", ["Enter"], ""),
        ("成文日期", ["Enter"], ""),
        ("这次总结写哪几部分", ["Enter"], ""),
        ("写哪几条做法", ["Enter"], ""),  # the three most common bank items come ticked: taken
        # as they are, with the bank's details, so no detail question follows
    ]
    # the counts the ticked measures prove first, then the rest in the catalogue's order
    steps += [(label, ["Enter"], "") for label in (
        "开展集中学习（次）", "开展专题研讨（次）", "撰写心得体会（篇）",
        "开展专题调研（次）", "形成调研报告（篇）", "举办专题辅导讲座（场）",
    )]
    for wanted, keys, text in steps:
        screen.wait(wanted)
        if text:
            screen.type(text)
            screen.keys("Enter")
        if keys:
            screen.keys(*keys)
    screen.wait("正文（做法、成效、亮点和典型事例）")
    screen.type("全年组织集中学习12次。")
    screen.keys("Enter")  # a new paragraph after text
    screen.keys("Enter")  # Enter on the empty line ends the answer
    screen.wait("核对一下")
    screen.keys("Enter")  # 生成文档
    screen.wait("退出码=0", anywhere=True)

    text = out.read_text(encoding="utf-8")
    assert "某某县档案馆党支部" in text and "深入学习贯彻党的创新理论" in text
    assert "一是坚持集中学习与个人自学相结合" in text
    assert "全年组织集中学习12次" in text


def test_sigterm_at_a_real_terminal_saves_says_and_gives_the_terminal_back(
    tmux: tuple[str, list[str]], library: Library, tmp_path: Path
) -> None:
    """`kill PID` while a prompt is on the screen: the answers given are in the answers file,
    the message is on the screen, the exit is 143, and the terminal is cooked again (the next
    command's `stty` shows icanon and echo, not raw mode)."""
    session, base = tmux
    out, pid = tmp_path / "out.md", tmp_path / "pid"
    command = (
        f"sh -c 'echo $$ > {pid}; exec {sys.executable} -m drafter --outlines {library.root} new -o {out}'; "
        "echo 退出码=$?; stty -a | tr ' ' '\\n' | grep -x -e '-*icanon' -e '-*echo'; echo 终端已查; sleep 60"
    )
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    subprocess.run(
        [*base, "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True, env=env,
    )
    screen = Screen(base, session)
    screen.wait("以哪一级党组织的名义写")
    screen.keys("Enter")
    screen.wait("要写哪一类总结")
    screen.keys("Down", "Down", "Enter")
    screen.wait("单位名称")
    screen.type("某某县档案馆党支部")
    screen.keys("Enter")
    screen.wait("? 年度")
    os.kill(int(pid.read_text()), signal.SIGTERM)
    screen.wait("退出码=143", anywhere=True)
    screen.wait("终端已查", anywhere=True)  # stty has printed: the screen is read after it, not before
    text = screen.text()
    assert "收到终止信号（SIGTERM），问答已停止；已保存到" in text and "继续填写：drafter new --answers" in text
    lines = text.splitlines()
    assert "icanon" in lines and "echo" in lines, text  # not "-icanon" / "-echo": cooked again
    answers = out.with_name("out.answers.yaml").read_text(encoding="utf-8")
    assert "某某县档案馆党支部" in answers
