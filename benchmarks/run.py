"""careercoach benchmarks: `python benchmarks/run.py [--quick]`.

`--quick` (1k entries, one run a case) only checks that every case runs: the test
suite runs it. The figures come from a full run.

Every case is measured over several runs (median and spread) and, where a target
is relative, against a reference measured in the same run, alternating, so a noisy
shared machine moves both alike. Prints a table and writes the same as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from timing import Measurement, repeat, run_probe, run_process  # noqa: E402

from careercoach.demo import write_demo  # noqa: E402

TODAY = dt.date(2026, 11, 20)
CLI = [sys.executable, "-m", "careercoach"]
TUI_RUNS = 15  # each a whole app start against a bare one: the median needs more runs to settle


def make_journals(folder: Path, sizes: list[int]) -> dict[int, Path]:
    journals = {}
    for size in sizes:
        path = folder / f"journal-{size}.json"
        write_demo(path, TODAY, entries=size, seed=7)
        journals[size] = path
    return journals


def use_compiled_bytecode(folder: Path) -> None:
    """Let every measured process run from cached bytecode, as an installed package does.

    pip compiles a package when it installs it; an editable checkout (or a shell with
    PYTHONDONTWRITEBYTECODE set) would otherwise recompile careercoach in every run
    while Textual's bytecode is cached: an unfair handicap. The cache goes to our
    temporary folder, never into the source tree.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)


def warm_up(journals: dict[int, Path], env: dict[str, str], work: Path) -> None:
    """One unmeasured run of each kind of process: fills the bytecode and content caches,
    as any earlier run on a user's machine has."""
    smallest = journals[min(journals)]
    run_process([*CLI, "--journal", str(smallest), "add", "note", "warm-up"], env)
    run_process([*CLI, "--journal", str(smallest), "score", "--json"], env)
    run_process([*CLI, "--journal", str(smallest), "nudge"], env)
    out = work / "warm-up.md"
    run_process([*CLI, "--journal", str(smallest), "export", "-f", "md", "-o", str(out)], env)
    run_probe(HERE / "tui_probe.py", "--bare", env=env)
    run_probe(
        HERE / "tui_probe.py", "--journal", str(smallest), "--today", TODAY.isoformat(), env=env
    )


def cli_env(home: Path) -> dict[str, str]:
    return {**os.environ, "CAREERCOACH_HOME": str(home), "CAREERCOACH_TODAY": TODAY.isoformat()}


def case_cli_add(journals: dict[int, Path], runs: int, env: dict[str, str]) -> list[Measurement]:
    """Whole-process `careercoach add` against a bare interpreter start-up."""
    rows = []
    targets = {10_000: "<= 0.25 s", 100_000: "<= 1 s"}
    for size, path in journals.items():
        samples, reference = [], []
        for i in range(runs):
            reference.append(run_process([sys.executable, "-c", "pass"], env))
            samples.append(
                run_process([*CLI, "--journal", str(path), "add", "note", f"bench {i}"], env)
            )
        rows.append(
            Measurement(
                "cli add", f"{size:,}", samples, "python -c pass", reference, targets.get(size, "")
            )
        )
    return rows


JSON_READ = "import json, sys\nwith open(sys.argv[1], 'rb') as f:\n    json.load(f)"


NUDGE_TARGET_SIZE = 10_000


def with_plan(path: Path, env: dict[str, str]) -> Path:
    """A copy of the journal with an improvement plan running and an end of employment
    known: the nudge then also loads the plan navigator for its key dates."""
    copy = path.with_name(f"{path.stem}-plan.json")
    shutil.copyfile(path, copy)
    journal = [*CLI, "--journal", str(copy), "plan"]
    run_process([*journal, "start", "--start", "2026-10-01", "--end", "2026-12-31"], env)
    run_process([*journal, "dates", "--employment-end", "2027-01-31"], env)
    return copy


def case_cli_nudge(journals: dict[int, Path], runs: int, env: dict[str, str]) -> list[Measurement]:
    """Whole-process `careercoach nudge` (it runs at every shell start) against a process
    that only starts Python and parses the same journal with the standard json module;
    at 10k entries also with a plan, the slower path."""
    cases = [(f"{size:,}", size, path) for size, path in journals.items()]
    if NUDGE_TARGET_SIZE in journals:
        planned = with_plan(journals[NUDGE_TARGET_SIZE], env)
        cases.append((f"{NUDGE_TARGET_SIZE:,} + plan", NUDGE_TARGET_SIZE, planned))
    rows = []
    for label, size, path in cases:
        samples, reference = [], []
        for _ in range(runs):
            reference.append(run_process([sys.executable, "-c", JSON_READ, str(path)], env))
            samples.append(run_process([*CLI, "--journal", str(path), "nudge"], env))
        rows.append(
            Measurement(
                "cli nudge",
                label,
                samples,
                "python + json.load",
                reference,
                "<= 2x json.load" if size == NUDGE_TARGET_SIZE else "",
            )
        )
    return rows


def case_cli_score(journals: dict[int, Path], runs: int, env: dict[str, str]) -> list[Measurement]:
    rows = []
    for size, path in journals.items():
        samples = [
            run_process([*CLI, "--journal", str(path), "score", "--json"], env) for _ in range(runs)
        ]
        rows.append(Measurement("cli score --json", f"{size:,}", samples))
    return rows


def case_assess_trend(journals: dict[int, Path], runs: int) -> list[Measurement]:
    """In-process assess + 26-week trend, against one plain pass over the same entries.

    Measured twice: as two separate calls, and as `assess_with_trend`, the one-pass
    form the app and `careercoach score` use.
    """
    from careercoach.journal import Journal
    from careercoach.readiness import assess, assess_with_trend, load_criteria, trend

    criteria = load_criteria()
    rows = []
    for size, path in journals.items():
        journal = Journal(path)
        # As the app and `careercoach score` read them: in file order, since scores
        # need none.
        entries, profile = journal.unordered_entries(), journal.profile()

        def separately(entries=entries, profile=profile) -> None:
            assess(entries, profile, criteria, TODAY)
            trend(entries, profile, criteria, TODAY, weeks=26)

        def together(entries=entries, profile=profile) -> None:
            assess_with_trend(entries, profile, criteria, TODAY, weeks=26)

        target = "<= 0.3 s" if size == 100_000 else ""
        for case, action in (
            ("assess + trend(26)", separately),
            ("assess_with_trend(26)", together),
        ):
            samples = repeat(action, runs)
            reference = repeat(lambda entries=entries: [e.date for e in entries if e.kind], runs)
            rows.append(
                Measurement(case, f"{size:,}", samples, "one pass over entries", reference, target)
            )
    return rows


def case_soften(runs: int) -> list[Measurement]:
    """Softening a text at the size limit against ten times a tenth of it: a ratio near
    1 means the rules run in time linear in the text (no runaway backtracking)."""
    from careercoach.phrasing import MAX_SOFTEN_CHARS, soften

    pair = "We must change the deadline. Your plan is bad. "
    text = pair * (MAX_SOFTEN_CHARS // len(pair))
    tenth = text[: len(text) // 10]
    samples = repeat(lambda: soften(text), runs)
    reference = [10 * t for t in repeat(lambda: soften(tenth), runs)]
    return [
        Measurement(
            "soften at the size limit",
            f"{len(text):,} chars",
            samples,
            "10x a tenth of the text",
            reference,
            "<= 2x",
        )
    ]


def case_tui(journals: dict[int, Path], runs: int, env: dict[str, str]) -> list[Measurement]:
    """Headless time to a ready dashboard and peak memory, against a bare Textual app."""
    probe = HERE / "tui_probe.py"
    rows = []
    for size, path in journals.items():
        ours, bare, first, first_bare = [], [], [], []
        cpu_ours, cpu_bare = [], []
        peak_ours, peak_bare = [], []
        for _ in range(runs):
            reference = run_probe(probe, "--bare", env=env)
            result = run_probe(probe, "--journal", str(path), "--today", TODAY.isoformat(), env=env)
            bare.append(reference["ready_s"])
            peak_bare.append(reference["peak_kb"])
            ours.append(result["ready_s"])
            first.append(result["first_paint_s"])
            first_bare.append(reference["first_paint_s"])
            cpu_ours.append(result["cpu_s"])
            cpu_bare.append(reference["cpu_s"])
            peak_ours.append(result["peak_kb"])
        memory_ratio = statistics.median(peak_ours) / statistics.median(peak_bare)
        target = {10_000: "<= 1.2x bare", 100_000: "<= 2.5 s"}.get(size, "")
        rows.append(
            Measurement(
                "tui ready (dashboard)",
                f"{size:,}",
                ours,
                "bare Textual app",
                bare,
                target,
                {
                    "first_paint_s": round(statistics.median(first), 3),
                    "bare_first_paint_s": round(statistics.median(first_bare), 3),
                    "first_paint_ratio": round(
                        statistics.median(first) / statistics.median(first_bare), 3
                    ),
                    "cpu_s": round(statistics.median(cpu_ours), 3),
                    "cpu_ratio": round(
                        statistics.median(cpu_ours) / statistics.median(cpu_bare), 3
                    ),
                    "peak_mb": round(statistics.median(peak_ours) / 1024, 1),
                    "bare_peak_mb": round(statistics.median(peak_bare) / 1024, 1),
                    "memory_ratio": round(memory_ratio, 3),
                    "memory_target": "<= 1.5x bare" if size == 10_000 else "",
                },
            )
        )
    return rows


INTERACTIONS = (
    ("open_journal_s", "tui open journal", "<= 0.3 s"),
    ("search_keystroke_s", "tui search keystroke", "<= 0.1 s"),
    ("checkin_to_score_s", "tui check-in to score", "<= 0.3 s"),
)


def case_tui_interactions(
    journals: dict[int, Path], runs: int, env: dict[str, str], work: Path
) -> list[Measurement]:
    """What a user waits for in the app, against the same steps in a bare Textual app.

    Each run gets its own copy of the journal: the check-in adds an entry to it.
    """
    probe = HERE / "tui_interactions.py"
    size = 10_000 if 10_000 in journals else max(journals)
    samples: dict[str, list[float]] = {key: [] for key, _, _ in INTERACTIONS}
    reference: dict[str, list[float]] = {key: [] for key, _, _ in INTERACTIONS}
    for i in range(runs):
        copy = work / f"interactions-{i}.json"
        shutil.copyfile(journals[size], copy)
        bare = run_probe(probe, "--bare", env=env)
        result = run_probe(probe, "--journal", str(copy), "--today", TODAY.isoformat(), env=env)
        for key, _, _ in INTERACTIONS:
            samples[key].append(result[key])
            if key in bare:
                reference[key].append(bare[key])
    return [
        Measurement(
            case,
            f"{size:,}",
            samples[key],
            "bare Textual app" if reference[key] else "",
            reference[key] or None,
            target,
        )
        for key, case, target in INTERACTIONS
    ]


def case_exchange(
    journals: dict[int, Path], runs: int, env: dict[str, str], work: Path
) -> list[Measurement]:
    """Whole-process export to each format, and import of a JSON backup."""
    rows = []
    for size, path in journals.items():
        for fmt in ("json", "csv", "md"):
            out = work / f"export-{size}.{fmt}"
            samples = [
                run_process(
                    [
                        *CLI,
                        "--journal",
                        str(path),
                        "export",
                        "--format",
                        fmt,
                        "--output",
                        str(out),
                        "--force",
                    ],
                    env,
                )
                for _ in range(runs)
            ]
            rows.append(
                Measurement(
                    f"export {fmt}",
                    f"{size:,}",
                    samples,
                    target="<= 5 s" if size == 100_000 else "",
                )
            )
        backup = work / f"export-{size}.json"
        samples = []
        for i in range(runs):
            target_journal = work / f"import-{size}-{i}.json"
            samples.append(
                run_process([*CLI, "--journal", str(target_journal), "import", str(backup)], env)
            )
        rows.append(
            Measurement(
                "import json backup",
                f"{size:,}",
                samples,
                target="<= 5 s" if size == 100_000 else "",
            )
        )
    return rows


def print_table(rows: list[Measurement]) -> None:
    header = f"{'case':<24} {'entries':>8} {'median':>9} {'spread':>8} {'ratio':>7}  target"
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        print(
            f"{row.case:<24} {row.size:>8} {row.median:>8.3f}s {row.spread:>7.3f}s "
            f"{ratio:>7}  {row.target}"
        )
        if row.extra:
            extras = ", ".join(f"{k}={v}" for k, v in row.extra.items() if v != "")
            print(f"{'':<34}{extras}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="1k entries, one run a case: that it all works"
    )
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    args = parser.parse_args(argv)
    sizes = [1_000] if args.quick else [1_000, 10_000, 100_000]
    runs = 1 if args.quick else 5
    rows: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="careercoach-bench-") as folder:
        work = Path(folder)
        use_compiled_bytecode(work / "pycache")
        env = cli_env(work / "home")
        journals = make_journals(work, sizes)
        warm_up(journals, env, work)
        rows += case_cli_add(journals, runs, env)
        rows += case_cli_nudge(journals, runs, env)
        rows += case_cli_score(journals, runs, env)
        rows += case_assess_trend(journals, runs)
        rows += case_soften(runs)
        rows += case_tui(journals, 1 if args.quick else TUI_RUNS, env)
        rows += case_tui_interactions(journals, 1 if args.quick else TUI_RUNS, env, work)
        rows += case_exchange(journals, 1 if args.quick else 3, env, work)
    print_table(rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "quick": args.quick,
        "results": [row.to_dict() for row in rows],
    }
    args.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
