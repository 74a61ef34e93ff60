"""Files kept by key, made once per key and then put in place by a hard link (or a copy).

A file made elsewhere (a page just written to the output) can be kept as it is,
by a hard link to it. Each use sets the cached file's access time (``mark_used``),
so files no build has used for a while can be told apart and removed; its
modification time stays the time it was made, which the output's hard links to
it share and which tells a rebuild's search index that the page is unchanged.
A file the cache makes itself is written under a temporary name and renamed, so
it is never half written. Nothing here imports Pelican.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .files import last_line_of, listing_of, paths_in, run_module_in_child, write_whole

# Seconds a cached file no build has used is kept.
CACHE_KEPT_FOR = 30 * 24 * 3600


def hard_link(source: str | Path, target: str | Path) -> None:
    """A hard link to ``source`` at ``target``; the target's folder is made when it is missing."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        if not os.path.exists(source):
            raise
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.link(source, target)


def place(source: str | Path, target: str | Path) -> None:
    """``source`` at ``target`` as a hard link, or a copy where the file system has none; the
    target's folder is made when it is missing."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        pass
    try:
        hard_link(source, target)
    except FileNotFoundError:
        raise
    except OSError:
        shutil.copyfile(source, target)


def place_all(pairs: Iterable[tuple[Path, Path]]) -> None:
    """Each ``(source, target)`` placed as ``place`` does, by a child process (see
    ``run_module_in_child``); raises ``OSError`` with the child's message when one cannot be."""
    listing = listing_of(path for pair in pairs for path in pair)
    if listing:
        result = run_module_in_child(__spec__.name, [], listing)
        if result.returncode != 0:
            raise OSError(last_line_of(result.stderr) or f"placing files failed ({result.returncode})")


def place_listed(listing: bytes) -> None:
    """Places the pairs of a ``source, target, source, target…`` listing."""
    paths = paths_in(listing)
    for source, target in zip(paths[::2], paths[1::2], strict=True):
        place(source, target)


class FileCache:
    """Files under ``directory`` named by their key and ``suffix``."""

    def __init__(self, directory: Path, suffix: str):
        self.directory = Path(directory)
        self.suffix = suffix

    def entry(self, key: str) -> Path:
        return self.directory / f"{key}{self.suffix}"

    def write(self, key: str, target: Path, make: Callable[[Path], None]) -> bool:
        """Puts the file for ``key`` at ``target``, having ``make`` write it first if it is not
        cached; True when it had to be made."""
        cached = self.cached(key)
        made = cached is None
        if made:
            cached = self.entry(key)
            self.store(make, cached)
        place(cached, target)
        return made

    def cached(self, key: str) -> Path | None:
        """The file cached for ``key``, marked used now; None when there is none."""
        entry = self.entry(key)
        try:
            mark_used(entry)
        except FileNotFoundError:
            return None
        return entry

    def keep(self, key: str, made: Path) -> None:
        """Keeps the file just made at ``made`` as the one for ``key``: a hard link to it, or a
        copy where the file system has none. ``made`` must not be changed in place afterwards."""
        entry = self.entry(key)
        try:
            self.link(made, entry)
        except OSError:
            self.store(lambda path: shutil.copyfile(made, path), entry)

    def link(self, made: Path, entry: Path) -> None:
        """A hard link to ``made`` at ``entry`` unless there is one; the folder is made the first time."""
        try:
            hard_link(made, entry)
        except FileExistsError:
            return

    def store(self, make: Callable[[Path], None], cached: Path) -> None:
        write_whole(cached, make)

    def forget_unused_since(self, seconds: float) -> int:
        """Removes the files no build has used in the last ``seconds``; returns how many."""
        return forget_unused(self.directory.glob(f"*{self.suffix}"), seconds, lambda path: path.unlink(missing_ok=True))


def mark_used(path: Path) -> None:
    """Sets the access time of ``path`` to now and leaves its modification time as it was."""
    os.utime(path, ns=(time.time_ns(), os.stat(path).st_mtime_ns))


def last_used(path: Path) -> float:
    """When ``path`` was last made or used (``mark_used``), in seconds since the epoch."""
    status = path.stat()
    return max(status.st_atime, status.st_mtime)


def forget_unused(entries: Iterable[Path], seconds: float, remove: Callable[[Path], None]) -> int:
    """Removes with ``remove`` the cache entries neither made nor used in the last ``seconds``; returns how many."""
    limit = time.time() - seconds
    stale = [entry for entry in entries if last_used(entry) < limit]
    for entry in stale:
        remove(entry)
    return len(stale)


if __name__ == "__main__":
    try:
        place_listed(sys.stdin.buffer.read())
    except (OSError, ValueError) as error:
        sys.exit(f"{type(error).__name__}: {error}")
