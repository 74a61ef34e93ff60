"""Between the build's stages, collections skip what the build keeps and freed memory goes back to the system."""
from __future__ import annotations

import gc
import subprocess
import sys
import weakref

import pytest
from conftest import ROOT, build_site

from newsdigest.site.memory import (keep_what_the_build_holds, let_the_previous_build_go, malloc_trim,
                                    pause_collections, resume_collections)

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


class Cycle:
    """An object that refers to itself, so only the collector can free it."""

    def __init__(self):
        self.itself = self


def test_what_a_build_holds_is_left_out_of_collections_until_the_next_build_starts():
    probe = weakref.ref(Cycle())
    keep_what_the_build_holds()
    gc.collect()
    assert probe() is not None, "a frozen object was collected"
    let_the_previous_build_go()
    assert probe() is None, "the next build did not collect what the previous one froze"
    assert gc.get_freeze_count() == 0


def test_garbage_made_while_collections_pause_is_collected_when_they_resume():
    pause_collections()
    try:
        probe = weakref.ref(Cycle())
        assert not gc.isenabled()
    finally:
        resume_collections()
    assert gc.isenabled()
    assert probe() is None, "garbage made while collections paused was frozen instead of collected"
    let_the_previous_build_go()


def test_a_build_freezes_what_it_holds_and_leaves_collections_running(tmp_path):
    build_site(ROOT / "content", tmp_path / "output")
    assert gc.get_freeze_count() > 10_000
    assert gc.isenabled()
