"""Growth: how time and memory grow with the input, for render, import, outline and diff.

    python bench/bench_growth.py [--part render|reports|all] [--factors 1 4 16 64]
                                 [--sizes 10000 100000 1000000 5000000] [--rounds N] [--before SRC]

render: examples/complete.answers.yaml made 1×, 4×, 16×, 64× longer (`_corpus.scaled_answers`),
each rendered by drafter and written by the same-layout baselines (checked equal, see
bench_render). reports: `drafter import`, `drafter outline` and `drafter diff` of synthetic
reports without recognisable headings (`_corpus.report_without_headings`) of each size in bytes;
diff compares a report with a copy whose every 7th paragraph changed. Whole processes,
interleaved rounds (see _harness); reports of 2 MB and more get --big-rounds rounds (default 1)
and no warm-up, as one run may take minutes. "growth" is the time over the previous row's for
the same command, with the input's own growth beside it (linear: equal).
"""

from __future__ import annotations

import argparse
import tempfile
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


def _size(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1_000_000 else f"{n / 1e3:g} KB"


def _growth(rows: list[tuple[str, float, Samples]]) -> list[list[str]]:
    """Rows with the growth of each command's median over its previous size."""
    out = []
    previous: dict[str, tuple[float, Samples]] = {}
    for label, scale, s in rows:
        command = label.split(" @ ")[0]
        if command in previous:
            p_scale, p = previous[command]
            growth = f"{s.median / p.median:.1f}× (input {scale / p_scale:g}×)"
        else:
            growth = "—"
        previous[command] = (scale, s)
        out.append([label, ms(s.median), spread(s), growth, s.peak()])
    return out


def render_part(work: Path, factors: list[int], rounds: int, before: Path | None) -> None:
    rows: list[tuple[str, float, Samples]] = []
    commands_shown: list[Command] = []
    for factor in factors:
        answers = work / f"x{factor}.answers.yaml"
        shape = scaled_answers(COMPLETE, factor, answers)
        out = work / f"x{factor}.docx"
        commands = [
            drafter(
                f"drafter render @ {factor}× ({shape})",
                "render",
                str(answers),
                "-o",
                str(out),
                "--force",
                cwd=work,
            )
        ]
        if before:
            commands.append(
                drafter(
                    f"drafter render ({before}) @ {factor}×",
                    "render",
                    str(answers),
                    "-o",
                    str(work / f"b{factor}.docx"),
                    "--force",
                    src=before.resolve(),
                    cwd=work,
                )
            )
        for cmd in commands:
            run_once(cmd)
        if before:
            check_same(out, work / f"b{factor}.docx", "drafter (before)")
        base = baselines([out], work, f"x{factor}")
        commands += [Command(f"{c.label} @ {factor}×", c.argv, c.env, c.cwd) for c in base]
        samples = interleaved(commands, rounds)
        rows += [(c.label, factor, s) for c, s in zip(commands, samples, strict=True)]
        commands_shown += commands
        print(f"  done {factor}×", flush=True)
    print()
    print("render growth (every baseline document checked equal to drafter's):")
    rows.sort(key=lambda r: (r[0].split(" @ ")[0], r[1]))
    print(
        table(
            ["command @ length", "median ms", "IQR (min–max) ms", "growth", "peak RSS MB"],
            _growth(rows),
        )
    )
    print()
    for cmd in commands_shown[: len(commands_shown) // len(factors)]:
        print(f"  {cmd.label.split(' @ ')[0]}: {cmd.shown()}")


def reports_part(
    work: Path, sizes: list[int], rounds: int, big_rounds: int, before: Path | None
) -> None:
    rows: list[tuple[str, float, Samples]] = []
    srcs: list[tuple[str, Path | None]] = [("", None)] + (
        [(f" ({before})", before)] if before else []
    )
    shown: list[Command] = []
    for size in sizes:
        old, new = work / f"old{size}.txt", work / f"new{size}.txt"
        old.write_text(report_without_headings(size), "utf-8")
        new.write_text(report_without_headings(size, changed_every=7), "utf-8")
        commands: list[Command] = []
        for tag, src in srcs:
            s = src.resolve() if src else None
            commands += [
                drafter(
                    f"drafter import{tag} @ {_size(size)}",
                    "import",
                    str(old),
                    "-o",
                    str(work / f"import{size}.{len(commands)}.answers.yaml"),
                    "--force",
                    src=s,
                    cwd=work,
                ),
                drafter(
                    f"drafter outline{tag} @ {_size(size)}", "outline", str(old), src=s, cwd=work
                ),
                drafter(
                    f"drafter diff{tag} @ {_size(size)}",
                    "diff",
                    str(old),
                    str(new),
                    src=s,
                    cwd=work,
                    ok_exits=(0, 1),
                ),
            ]
        big = size >= BIG
        samples = interleaved(commands, big_rounds if big else rounds, warmup=not big)
        rows += [(c.label, size, s) for c, s in zip(commands, samples, strict=True)]
        shown = shown or commands
        print(f"  done {_size(size)}", flush=True)
    print()
    print("reports without recognisable headings (import, outline; diff of two such reports):")
    rows.sort(key=lambda r: (r[0].split(" @ ")[0], r[1]))
    print(
        table(
            ["command @ report size", "median ms", "IQR (min–max) ms", "growth", "peak RSS MB"],
            _growth(rows),
        )
    )
    print()
    for cmd in shown:
        print(f"  {cmd.label.split(' @ ')[0]}: {cmd.shown()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("render", "reports", "all"), default="all")
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000, 5_000_000]
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=0,
        help="rounds per command (default: 7 for render, 3 for reports)",
    )
    parser.add_argument(
        "--big-rounds",
        type=int,
        default=1,
        help=f"rounds for reports of {BIG:,} bytes and more (default 1)",
    )
    parser.add_argument("--before", type=Path, metavar="SRC", help="also time drafter from SRC")
    args = parser.parse_args()
    preamble(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.part in ("render", "all"):
            render_part(work, args.factors, args.rounds or 7, args.before)
        if args.part in ("reports", "all"):
            reports_part(work, args.sizes, args.rounds or 3, args.big_rounds, args.before)


if __name__ == "__main__":
    main()
