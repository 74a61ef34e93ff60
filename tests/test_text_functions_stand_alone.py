"""The text functions are plain Python: importing them never loads Pelican."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

# The build benchmark drives Pelican on purpose; the site package is the Pelican glue.
PELICAN_USERS = {"bench", "site"}


def test_no_text_module_imports_pelican():
    modules = sorted(path.stem for path in (ROOT / "plugins" / "newsdigest").glob("*.py")
                     if path.stem not in PELICAN_USERS | {"__init__"})
    program = ("import sys\n"
               f"for name in {modules!r}:\n"
               "    __import__('newsdigest.' + name)\n"
               "print(sorted(m for m in sys.modules if m == 'pelican' or m.startswith('pelican.')))\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT / "plugins")})
    assert len(modules) > 10
    assert result.stdout.strip() == "[]"
