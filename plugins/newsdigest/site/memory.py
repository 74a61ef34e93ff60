"""Memory between the build's stages: the collector skips what the build keeps, and freed memory goes back.

**The collector.** Python's cyclic garbage collector now and then walks every
object the process holds. Once the articles are read, and again once the
last generator (Pelican's static files) has its context, the build holds
hundreds of thousands of objects that stay until it ends, and each full
collection walks them all for nothing: at 10,000 articles such walks took
about a tenth of a rebuild, and a last one as the process exited. This
plugin freezes those objects (``gc.freeze``) at both points, so later
collections walk only what was made since; objects that only their
references keep (the released digests) are still freed as usual. From the
second point until every generator has its context, while the cards gather
every quote into their jobs, collections pause; then one collection frees
what that work left and the rest is frozen too (this plugin is listed last,
so its handler runs after the others). The next build in the same process
(autoreload, tests) unfreezes everything as it starts and collects the
previous build's objects; a build that ends early lets collections run again.

**The allocator.** The C library keeps freed memory for the process's later
use, but the holes that the articles' digests leave once they are released
(see ``reader.release_digests``) and those left by writing thousands of pages
are scattered between blocks still in use, and later work does not fill them.
On glibc, ``malloc_trim(0)`` hands every whole free page back; this plugin
calls it once the contexts are made and once the article pages are written,
which lowers the build's peak resident memory by about a sixth at 10,000
articles. Where the C library has no ``malloc_trim`` (macOS, musl) nothing
happens.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc

from pelican import signals

from .lifecycle import build_ending


@functools.cache
def malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def return_freed_memory(*_args, **_kwargs) -> None:
    trim = malloc_trim()
    if trim is not None:
        trim(0)


def keep_what_the_build_holds(*_args, **_kwargs) -> None:
    """Every object the process holds now is left out of later collections."""
    gc.freeze()


def pause_collections(*_args, **_kwargs) -> None:
    """What the build holds now is frozen, and nothing is collected until ``resume_collections``."""
    gc.freeze()
    gc.disable()


def resume_collections(*_args, **_kwargs) -> None:
    """What became garbage while collections paused is collected, the rest frozen, and collections run again."""
    gc.collect()
    gc.freeze()
    gc.enable()


def let_collections_run(*_args, **_kwargs) -> None:
    gc.enable()


def let_the_previous_build_go(*_args, **_kwargs) -> None:
    """What an earlier build in this process froze is collected."""
    gc.unfreeze()
    gc.enable()
    gc.collect()


def register():
    signals.initialized.connect(let_the_previous_build_go)
    signals.article_generator_finalized.connect(keep_what_the_build_holds)
    signals.static_generator_finalized.connect(pause_collections)
    signals.all_generators_finalized.connect(resume_collections)
    signals.all_generators_finalized.connect(return_freed_memory)
    signals.article_writer_finalized.connect(return_freed_memory)
    build_ending.connect(let_collections_run)
