"""Files written whole or not at all, pickles read back or hashed, and file work handed to a child
process. Nothing here imports Pelican."""
from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def write_whole(target: Path, make: Callable[[Path], None]) -> None:
    """Has ``make`` write the file under a temporary name beside ``target``, then renames it to
    ``target``: the file is whole or absent, never half written. Its folder is made when missing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        make(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


HASHED_PICKLE_PROTOCOL = 5


class HashWriter:
    """A file that hashes what is written to it (``digest.update``): a pickle goes straight into a hash."""

    def __init__(self, digest):
        self.write = digest.update


def hash_of_pickle(value, dispatch_table: dict | None = None):
    """The SHA-256 (a ``hashlib`` object) of ``value`` pickled with each value in full wherever it recurs.

    Without the memo (``fast``), equal values give equal bytes whichever objects
    they share, as a value read from a cache and one just made do not. A
    ``dispatch_table`` is pickle's own: reducers for the types it names. The
    pickle goes straight into the hash, never held whole.
    """
    digest = hashlib.sha256()
    pickler = pickle.Pickler(HashWriter(digest), protocol=HASHED_PICKLE_PROTOCOL)
    pickler.fast = True
    if dispatch_table is not None:
        pickler.dispatch_table = dispatch_table
    pickler.dump(value)
    return digest


def write_pickle(value, target: Path) -> None:
    write_whole(target, lambda path: path.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))


def read_pickle(path: Path):
    """The value pickled at ``path``; None when the file is missing or cannot be read."""
    try:
        with open(path, "rb") as stored:
            return pickle.load(stored)
    except Exception:  # a missing or unreadable file is as good as none; it is written again
        return None


def listing_of(paths: Iterable[str | Path]) -> bytes:
    """``paths`` as one NUL-separated listing, the one byte no path holds."""
    return b"\0".join(os.fsencode(path) for path in paths)


def paths_in(listing: bytes) -> list[str]:
    return [os.fsdecode(path) for path in listing.split(b"\0")] if listing else []


BACKGROUND_NICENESS = 10  # added to the niceness of work beside the build: the build's own thread goes first


def yield_to_the_build() -> None:
    """Lowers this process's priority, for work done beside the build (where the system has niceness)."""
    if hasattr(os, "nice"):
        os.nice(BACKGROUND_NICENESS)


def run_module_in_child(module: str, arguments: list[str], listing: bytes) -> subprocess.CompletedProcess:
    """``python -m module arguments`` with ``listing`` on its standard input, this package importable;
    its output captured.

    For file work a background thread of the build should not do itself: such a
    thread waits for the interpreter lock after every file-system call (up to
    ``sys.getswitchinterval()``) while the build's main thread runs Python, so
    linking a thousand files took it a hundred times as long as the same work alone.
    """
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", module, *arguments], input=listing, capture_output=True,
                          env=environment, check=False)


def last_line_of(output: bytes) -> str:
    lines = output.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else ""
