"""Files kept by key, made once per key and then put in place by a hard link (or a copy).

A file made elsewhere (a page just written to the output) can be kept as it is,
by a hard link to it. Each use touches the cached file, so files no build has
used for a while can be told apart and removed. A file the cache makes itself
is written under a temporary name and renamed, so it is never half written.
Nothing here imports Pelican.
"""
from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .files import write_whole

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
        """The file cached for ``key``, touched as used now; None when there is none."""
        entry = self.entry(key)
        try:
            os.utime(entry)
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


def forget_unused(entries: Iterable[Path], seconds: float, remove: Callable[[Path], None]) -> int:
    """Removes with ``remove`` the cache entries not touched in the last ``seconds``; returns how many."""
    limit = time.time() - seconds
    stale = [entry for entry in entries if entry.stat().st_mtime < limit]
    for entry in stale:
        remove(entry)
    return len(stale)
