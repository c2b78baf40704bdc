"""Imports on a command's path: what `python -X importtime -m drafter …` spends, module by module.

    python bench/bench_imports.py [--rounds 11] [--before SRC] [-- render ANSWERS -o OUT --force]

Runs the drafter command (default: render examples/complete.answers.yaml to a scratch .docx)
`--rounds` times with -X importtime and prints, as medians over the runs: the whole import time
(sum of every module's own time), and the biggest imports that are not drafter's own, each with
the drafter module that imported it first, cumulative (its own imports included). With
`--before SRC` the same for drafter run from another source tree, interleaved.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from _harness import REPO, preamble, table, user_python


@dataclass(frozen=True)
class Entry:
    name: str
    own_us: int
    cumulative_us: int
    parent: str  # the module whose import triggered this one ("" at top level)


def parse(report: str) -> list[Entry]:
    """The entries of an -X importtime report, each with its parent (lines come post-order)."""
    rows = []
    for line in report.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, cumulative, raw = line.removeprefix("import time:").split("|")
        if not own.strip().isdigit():
            continue  # the header line
        depth = (len(raw) - len(raw.lstrip())) // 2
        rows.append((depth, raw.strip(), int(own), int(cumulative)))
    parents: dict[int, str] = {}
    pending: dict[int, list[int]] = defaultdict(list)
    for i, (depth, name, _, _) in enumerate(rows):
        for child in pending.pop(depth + 1, []):
            parents[child] = name
        pending[depth].append(i)
    return [Entry(name, own, cum, parents.get(i, "")) for i, (_, name, own, cum) in enumerate(rows)]


def run(args: list[str], src: Path | None, cwd: Path) -> list[Entry]:
    env = dict(os.environ)
    done = subprocess.run(
        [user_python(src or REPO), "-X", "importtime", "-m", "drafter", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return parse(done.stderr)


def summary(runs: list[list[Entry]]) -> tuple[float, float, dict[tuple[str, str], float]]:
    """Medians: (all imports ms, interpreter start-up imports ms (site, .pth hooks…),
    {(module, drafter module that imported it first): cumulative ms})."""
    total = statistics.median(sum(e.own_us for e in entries) for entries in runs) / 1000
    startup = (
        statistics.median(
            sum(
                e.cumulative_us
                for e in entries
                if not e.parent and not e.name.startswith("drafter")
            )
            for entries in runs
        )
        / 1000
    )
    samples: dict[tuple[str, str], list[int]] = defaultdict(list)
    for entries in runs:
        for e in entries:
            if not e.name.startswith("drafter") and e.parent.startswith("drafter"):
                samples[(e.name, e.parent)].append(e.cumulative_us)
    return (
        total,
        startup,
        {k: statistics.median(v) / 1000 for k, v in samples.items() if len(v) * 2 > len(runs)},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--before", type=Path, metavar="SRC")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("command", nargs="*", help="drafter arguments (after --)")
    args = parser.parse_args()
    preamble(__doc__, timing=False)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        command = args.command or [
            "render",
            str(REPO / "examples" / "complete.answers.yaml"),
            "-o",
            str(work / "out.docx"),
            "--force",
        ]
        trees = [("this checkout", None)] + (
            [(str(args.before), args.before.resolve())] if args.before else []
        )
        runs: dict[str, list[list[Entry]]] = {label: [] for label, _ in trees}
        for _label, src in trees:
            run(command, src, work)  # warm-up: byte-compile
        for r in range(args.rounds):
            for label, src in trees if r % 2 == 0 else trees[::-1]:
                runs[label].append(run(command, src, work))
    print(f"command: drafter {' '.join(command)}")
    print()
    results = {label: summary(r) for label, r in runs.items()}
    print(
        table(
            ["source", "all imports, ms", "of which interpreter start-up (site, .pth), ms"],
            [
                [label, f"{total:.1f}", f"{startup:.1f}"]
                for label, (total, startup, _) in results.items()
            ],
        )
    )
    print()
    first = results[trees[0][0]][2]
    keys = sorted(first, key=lambda k: -first[k])[: args.top]
    if args.before:
        before = results[str(args.before)][2]
        keys += sorted((k for k in before if k not in first), key=lambda k: -before[k])[:5]
    headers = ["module (cumulative)", "first imported by", *[f"ms, {label}" for label, _ in trees]]
    rows = [
        [name, parent, *[f"{results[label][2].get((name, parent), 0):.1f}" for label, _ in trees]]
        for name, parent in keys
    ]
    print(table(headers, rows))


if __name__ == "__main__":
    main()
