"""Growth: how time and memory grow with the input, for render, import, outline and diff.

    python bench/bench_growth.py [--part render|reports|all] [--factors 1 4 16 64]
        [--sizes 10000 100000 1000000 5000000] [--rounds N] [--big-rounds 1] [--before SRC]

render: examples/complete.answers.yaml made 1×, 4×, 16×, 64× longer (`_corpus.scaled_answers`),
each rendered by drafter and written by the same-layout baselines (checked equal, see
bench_render). reports: `drafter import`, `drafter outline` and `drafter diff` of synthetic
reports without recognisable headings (`_corpus.report_without_headings`) of each size in bytes;
diff compares a report with a copy whose every 7th paragraph changed.

Whole processes; every command at every size runs in the same interleaved rounds (see
_harness), so a busy moment of the machine does not pass for growth. Reports of 2 MB and more,
where one run may take minutes, run after the others: --big-rounds rounds, no warm-up. "growth"
is a command's time over its time at the previous size (median of per-round ratios), with the
input's own growth beside it: linear growth shows equal figures.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _corpus import report_without_headings, scaled_answers
from _harness import (
    REPO,
    Command,
    Samples,
    drafter,
    interleaved,
    ms,
    preamble,
    run_once,
    spread,
    table,
)
from bench_render import baselines, check_same

COMPLETE = REPO / "examples" / "complete.answers.yaml"
# From this report size on, a run can take minutes: no warm-up (the smaller sizes compiled the
# bytecode and the report was just written) and --big-rounds rounds.
BIG = 2_000_000


@dataclass(frozen=True)
class Case:
    """One command at one input size."""

    command: str  # the row group: "drafter import", "python-docx, same layout" …
    scale: float  # the input's size (bytes, or the answers' length factor)
    shown: str  # the size as shown: "1 MB", "16× (80 sections)"
    cmd: Command


def _size(n: float) -> str:
    return f"{n / 1e6:g} MB" if n >= 1_000_000 else f"{n / 1e3:g} KB"


def _ratio(a: Samples, b: Samples) -> float:
    """Per-round ratio when both ran in the same rounds, else the ratio of medians."""
    return a.ratio(b) if len(a.seconds) == len(b.seconds) else a.median / b.median


def _rows(cases: list[Case], samples: list[Samples], versus: list[str]) -> list[list[str]]:
    """Rows grouped by command, sizes ascending: times, ratio to each `versus` command at the
    same size, growth over the previous size, peak RSS."""
    by_key = {(c.command, c.scale): s for c, s in zip(cases, samples, strict=True)}
    rows = []
    commands = list(dict.fromkeys(c.command for c in cases))
    for command in commands:
        previous: tuple[float, Samples] | None = None
        for case, s in sorted(
            ((c, s) for c, s in zip(cases, samples, strict=True) if c.command == command),
            key=lambda cs: cs[0].scale,
        ):
            ratios = [
                f"{_ratio(s, by_key[(v, case.scale)]):.2f}×" if (v, case.scale) in by_key else ""
                for v in versus
            ]
            growth = "—"
            if previous is not None:
                growth = f"{_ratio(s, previous[1]):.1f}× (input {case.scale / previous[0]:g}×)"
            previous = (case.scale, s)
            rows.append(
                [f"{command} @ {case.shown}", ms(s.median), spread(s), *ratios, growth, s.peak()]
            )
    return rows


def _print_commands(cases: list[Case]) -> None:
    """One command line per row group (at its first size)."""
    seen = set()
    for case in cases:
        if case.command not in seen:
            seen.add(case.command)
            print(f"  {case.command}: {case.cmd.shown()}")


def render_part(work: Path, factors: list[int], rounds: int, before: Path | None) -> None:
    cases: list[Case] = []
    for factor in factors:
        answers = work / f"x{factor}.answers.yaml"
        shown = f"{factor}× ({scaled_answers(COMPLETE, factor, answers)})"
        out = work / f"x{factor}.docx"
        args = ["render", str(answers), "-o", str(out), "--force"]
        cases.append(Case("drafter render", factor, shown, drafter("", *args, cwd=work)))
        run_once(cases[-1].cmd)
        if before:
            b_out = work / f"b{factor}.docx"
            b_args = ["render", str(answers), "-o", str(b_out), "--force"]
            b_cmd = drafter("", *b_args, src=before.resolve(), cwd=work)
            cases.append(Case(f"drafter render ({before})", factor, shown, b_cmd))
            run_once(b_cmd)
            check_same(out, b_out, "drafter (before)")
        for cmd in baselines([out], work, f"x{factor}"):
            cases.append(Case(cmd.label, factor, shown, cmd))
    samples = interleaved([c.cmd for c in cases], rounds)
    versus = [c for c in dict.fromkeys(c.command for c in cases) if "same layout" in c]
    print("render growth (every baseline document checked equal to drafter's):")
    headers = ["command @ length", "median ms", "IQR (min–max) ms"]
    headers += [f"÷ {v.split(',')[0]}" for v in versus] + ["growth", "peak RSS MB"]
    print(table(headers, _rows(cases, samples, versus)))
    print()
    _print_commands(cases)
    print()


def reports_part(
    work: Path, sizes: list[int], rounds: int, big_rounds: int, before: Path | None
) -> None:
    trees: list[tuple[str, Path | None]] = [("", None)]
    if before:
        trees.append((f" ({before})", before.resolve()))
    cases: list[Case] = []
    for size in sizes:
        old, new = work / f"old{size}.txt", work / f"new{size}.txt"
        old.write_text(report_without_headings(size), "utf-8")
        new.write_text(report_without_headings(size, changed_every=7), "utf-8")
        for n, (tag, src) in enumerate(trees):
            answers = str(work / f"import{size}.{n}.answers.yaml")
            for name, args, ok in (
                ("import", ["import", str(old), "-o", answers, "--force"], (0,)),
                ("outline", ["outline", str(old)], (0,)),
                ("diff", ["diff", str(old), str(new)], (0, 1)),
            ):
                cmd = drafter("", *args, src=src, cwd=work, ok_exits=ok)
                cases.append(Case(f"drafter {name}{tag}", size, _size(size), cmd))
    small = [c for c in cases if c.scale < BIG]
    big = [c for c in cases if c.scale >= BIG]
    samples = interleaved([c.cmd for c in small], rounds) if small else []
    if big:
        samples += interleaved([c.cmd for c in big], big_rounds, warmup=False)
    print("reports without recognisable headings (import, outline; diff of two such reports):")
    headers = ["command @ report size", "median ms", "IQR (min–max) ms", "growth", "peak RSS MB"]
    print(table(headers, _rows(small + big, samples, [])))
    print()
    _print_commands(cases)
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("render", "reports", "all"), default="all")
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000, 5_000_000]
    )
    parser.add_argument(
        "--rounds", type=int, default=0, help="rounds (default: 7 for render, 5 for reports)"
    )
    parser.add_argument(
        "--big-rounds", type=int, default=1, help=f"rounds for reports of {BIG:,} bytes and more"
    )
    parser.add_argument("--before", type=Path, metavar="SRC", help="also time drafter from SRC")
    args = parser.parse_args()
    preamble(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.part in ("render", "all"):
            render_part(work, args.factors, args.rounds or 7, args.before)
        if args.part in ("reports", "all"):
            reports_part(work, args.sizes, args.rounds or 5, args.big_rounds, args.before)


if __name__ == "__main__":
    main()
