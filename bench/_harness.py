"""Shared by the bench scripts: whole-process timing, interleaved A/B runs, tables.

Every figure is a whole process as a user starts it (interpreter start-up, imports, library
loading, the work, exit), timed from launch to exit, with its peak RSS as GNU time reports it.
Every process runs on `user_python()`: a fresh virtual environment holding drafter as a user
installs it (the wheel built from this checkout), not the editable install of a developer,
whose import hook costs every Python process of that environment ~10 ms at start-up; the
baselines run on the same interpreter with the same libraries.
Commands are run in interleaved rounds (A B C, then C B A,
…) after one untimed warm-up each, so a slow moment of the shared machine hits every command
alike; a figure is the median with its spread (interquartile range and min–max).
"""

from __future__ import annotations

import atexit
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TIME = Path("/usr/bin/time").exists()  # GNU time, for each process's own peak RSS


@dataclass(frozen=True)
class Command:
    """One process to time: a label for the table, its argv, extra environment, accepted exits."""

    label: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None
    ok_exits: tuple[int, ...] = (0,)

    def shown(self) -> str:
        """The command line as a user would type it (environment first)."""
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        installed = {a: name for pair in _INSTALLS.values() for a, name in zip(pair, ("python", "drafter"), strict=True)}
        argv = ["python" if a == sys.executable else a for a in self.argv]
        argv = [installed.get(a, a) for a in argv]
        if len(argv) > 1 and argv[0] == "python" and argv[1] == "drafter":
            argv = argv[1:]
        return (env + " " if env else "") + shlex.join(argv)


@dataclass
class Samples:
    """The timings (seconds) and peak RSS (KiB) of one command's runs."""

    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def quartiles(self) -> tuple[float, float]:
        if len(self.seconds) < 4:
            return min(self.seconds), max(self.seconds)
        q = statistics.quantiles(self.seconds, n=4, method="inclusive")
        return q[0], q[2]

    def ratio(self, other: Samples) -> float:
        """The median of the per-round ratios of this command's times to `other`'s.

        Each round runs every command back to back, so a busy moment of the shared machine
        slows both sides of a pair: the paired ratio is steadier than a ratio of medians.
        """
        return statistics.median(a / b for a, b in zip(self.seconds, other.seconds, strict=True))

    def peak(self) -> str:
        """Peak RSS in MB over the runs, "n/a" without GNU time."""
        return f"{max(self.rss_kib) / 1024:.1f}" if max(self.rss_kib, default=0) else "n/a"


def drafter(
    label: str,
    *args: str,
    src: Path | None = None,
    ok_exits: tuple[int, ...] = (0,),
    cwd: Path | None = None,
) -> Command:
    """`drafter ARGS` — the console script pip wrote, run by its environment's interpreter —
    installed from this checkout or from another source tree `src` (see `user_python`).

    Run from `cwd` (a scratch folder, never the repository root).
    """
    python, script = _installed(src or REPO)
    return Command(label, [python, script, *args], {}, cwd, ok_exits)


def python(label: str, *args: str, cwd: Path | None = None) -> Command:
    """`python ARGS` (a baseline script or a bare start-up)."""
    return Command(label, [user_python(), *args], {}, cwd)


_INSTALLS: dict[Path, tuple[str, str]] = {}


def user_python(tree: Path = REPO) -> str:
    """The interpreter of a fresh virtual environment with drafter installed from a wheel of the
    source tree (default: this checkout), as `pip install .` or pipx leaves it; its dependencies
    (and the baselines' python-docx and docxtpl) come from the running environment's
    site-packages through a .pth file, whose own .pth files (an editable drafter's import hook)
    are not run. Built once per tree and benchmark run."""
    return _installed(tree)[0]


def _installed(tree: Path) -> tuple[str, str]:
    """(interpreter, drafter console script) of the tree's install."""
    tree = tree.resolve()
    if tree not in _INSTALLS:
        _INSTALLS[tree] = _install(tree)
    return _INSTALLS[tree]


def _install(tree: Path) -> tuple[str, str]:
    root = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    python, site = venv_with(build_wheel(tree, root), root / "venv")
    script = Path(site) / "bin" / "drafter"  # pip --target puts console scripts here
    return str(python), str(script)


def build_wheel(tree: Path, work: Path) -> Path:
    """The wheel of a source tree, built from a copy of it in `work` (the tree stays clean)."""
    source = work / "src"
    shutil.copytree(
        tree, source,
        ignore=shutil.ignore_patterns(".git", ".venv", "*.egg-info", "build", "dist", "__pycache__"),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(work / "dist"), str(source)],
        check=True, capture_output=True,
    )
    shutil.rmtree(source)
    [wheel] = (work / "dist").glob("drafter-*.whl")
    return wheel


def venv_with(wheel: Path, env: Path) -> tuple[Path, str]:
    """(interpreter, site-packages) of a fresh virtual environment at `env` with the wheel
    installed; its dependencies come from the running environment's site-packages through a
    .pth file, whose own .pth files (an editable drafter's import hook) are not run."""
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", site, str(wheel)],
        check=True, capture_output=True,
    )
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    return python, site


def run_once(cmd: Command) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB, 0 if unknown) of one run; raises on an unexpected exit.

    The peak RSS comes from GNU time (`/usr/bin/time -f %M`, a small C launcher; ≈0.1 ms):
    a child's own rusage would count this benchmark's memory, which Linux carries over fork and
    exec into the child's maximum.
    """
    # As on a user's machine, compiled bytecode is written and reused: a sandbox that sets
    # PYTHONDONTWRITEBYTECODE would otherwise make every run compile drafter from source.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | cmd.env
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        argv = ["/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd.argv] if TIME else cmd.argv
        start = time.perf_counter()
        code = subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=cmd.cwd, check=False
        ).returncode
        elapsed = time.perf_counter() - start
        if code not in cmd.ok_exits:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{cmd.shown()} exited with {code}:\n{tail}")
        lines = rss.read().split()
        return elapsed, int(lines[-1]) if TIME and lines else 0


def interleaved(commands: list[Command], rounds: int, *, warmup: bool = True) -> list[Samples]:
    """Run the commands in alternating order, `rounds` times each; samples in command order."""
    if warmup:
        for cmd in commands:
            run_once(cmd)
    samples = [Samples() for _ in commands]
    for r in range(rounds):
        order = list(range(len(commands)))
        if r % 2:
            order.reverse()
        for i in order:
            seconds, rss = run_once(commands[i])
            samples[i].seconds.append(seconds)
            samples[i].rss_kib.append(rss)
    return samples


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}" if seconds >= 0.1 else f"{seconds * 1000:.1f}"


def spread(s: Samples) -> str:
    """ "IQR q1–q3, min–max" in milliseconds."""
    q1, q3 = s.quartiles()
    return f"{ms(q1)}–{ms(q3)} ({ms(min(s.seconds))}–{ms(max(s.seconds))})"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table (pastes into the README as is)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def preamble(doc: str, *, timing: bool = True) -> None:
    """Print what was run, on what: the script's command line, Python, cores and load, and
    (with `timing`) how the figures were taken."""
    argv = " ".join(shlex.quote(a) for a in sys.argv[1:])
    script = (
        Path(sys.argv[0]).resolve().relative_to(REPO)
        if REPO in Path(sys.argv[0]).resolve().parents
        else sys.argv[0]
    )
    print(f"$ python {script} {argv}".rstrip())
    print(doc.strip().splitlines()[0])
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} cores, load average {load} at start."
        + (
            " Whole processes, interleaved rounds after one warm-up run each; times in ms: "
            "median, IQR (min–max); ratios: median of the per-round ratios; "
            "peak RSS of each process"
            + (" (GNU time)." if TIME else ": n/a, install GNU time (apt-get install time).")
            if timing
            else ""
        )
    )
    print()


def print_commands(commands: list[Command]) -> None:
    """The exact command behind each row."""
    for cmd in commands:
        print(f"  {cmd.label}: {cmd.shown()}")
