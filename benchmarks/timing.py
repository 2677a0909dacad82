"""Measuring helpers: repeated runs, median and spread, whole-process timings."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measurement:
    """One benchmark row: a case, the size it ran at, and its samples in seconds."""

    case: str
    size: str
    samples: list[float]
    reference: str = ""
    reference_samples: list[float] | None = None
    target: str = ""
    extra: dict | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> float:
        return max(self.samples) - min(self.samples)

    @property
    def ratio(self) -> float | None:
        if not self.reference_samples:
            return None
        return self.median / statistics.median(self.reference_samples)

    def to_dict(self) -> dict:
        data = {
            "case": self.case,
            "size": self.size,
            "median_s": round(self.median, 4),
            "spread_s": round(self.spread, 4),
            "runs": len(self.samples),
            "target": self.target,
        }
        if self.reference_samples:
            data["reference"] = self.reference
            data["reference_median_s"] = round(statistics.median(self.reference_samples), 4)
            data["ratio"] = round(self.ratio or 0, 3)
        if self.extra:
            data.update(self.extra)
        return data


def repeat(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def run_process(args: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of one whole process (start-up included), which is what a user waits."""
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def run_probe(script: Path, *args: str, env: dict[str, str]) -> dict:
    """Run a probe script in a fresh interpreter; it prints one JSON line of results."""
    out = subprocess.run(
        [sys.executable, str(script), *args], check=True, capture_output=True, text=True, env=env
    ).stdout
    return json.loads(out.strip().splitlines()[-1])
