"""Freed memory goes back to the system between the build's stages."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from newsdigest.site.memory import malloc_trim

HOLES_THEN_TRIM = """
import os
from newsdigest.site.memory import return_freed_memory

def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6

blocks = [bytes(4000) + str(number).encode() for number in range(50_000)]  # about 200 MB
kept = blocks[::25]  # one block in 25 stays, so the freed ones are holes, not the heap's top
del blocks
before = resident_mb()
return_freed_memory()
print(before, resident_mb())
"""


@pytest.mark.skipif(malloc_trim() is None, reason="the C library has no malloc_trim (not glibc)")
def test_memory_freed_between_blocks_still_in_use_goes_back_to_the_system():
    finished = subprocess.run([sys.executable, "-c", HOLES_THEN_TRIM], capture_output=True, text=True, check=True,
                              env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": ""})
    before, after = map(float, finished.stdout.split())
    assert before - after > 100, f"resident memory {before:.0f} MB before, {after:.0f} MB after"
