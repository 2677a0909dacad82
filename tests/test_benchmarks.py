"""Keep the benchmark script working (its numbers are read by people, not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_runs_and_reports_every_case(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(output.read_text(encoding="utf-8"))
    cases = {row["case"] for row in document["results"]}
    assert cases >= {
        "cli add",
        "cli nudge",
        "cli score --json",
        "assess + trend(26)",
        "assess_with_trend(26)",
        "soften at the size limit",
        "tui ready (dashboard)",
        "tui open journal",
        "tui search keystroke",
        "tui check-in to score",
        "export json",
        "export csv",
        "export md",
        "import json backup",
    }
    for row in document["results"]:
        assert row["median_s"] > 0
    assert "ratio" in result.stdout
