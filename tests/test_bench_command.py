"""``newsdigest bench`` runs end to end on a tiny corpus and ends with its one summary line."""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

SUMMARY = re.compile(
    r"bench: articles 20; bare \d+\.\d s; full \d+\.\d s; ratio \d+\.\d\d; peak RSS \d+ MB; "
    r"warm rebuild \d+\.\d s \(\d+\.\d\d of cold\); extraction \d+ articles/s")


def test_bench_prints_exactly_one_summary_line(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "bench", "--articles", "20", "--rounds", "1",
         "--workdir", str(tmp_path / "bench")],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr[-3000:]
    lines = finished.stdout.splitlines()
    assert len(lines) == 1
    assert SUMMARY.fullmatch(lines[0]), lines[0]
