"""Files kept by key, made once per key and then put in place by a hard link (or a copy).

Each use touches the cached file, so files no build has used for a while can
be told apart and removed. A cached file is written through a temporary file
and renamed, so it is never half written. Nothing here imports Pelican.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

# Seconds a cached file no build has used is kept.
CACHE_KEPT_FOR = 30 * 24 * 3600


def place(source: str | Path, target: str | Path) -> None:
    """``source`` at ``target`` as a hard link, or a copy where the file system has none."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
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
        cached = self.entry(key)
        made = not cached.exists()
        if made:
            self.store(make, cached)
        else:
            os.utime(cached)
        place(cached, target)
        return made

    def text(self, key: str, make: Callable[[], str]) -> str:
        """The text cached for ``key``, made by ``make`` and cached first if there is none."""
        cached = self.entry(key)
        try:
            text = cached.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = make()
            self.store(lambda path: path.write_text(text, encoding="utf-8"), cached)
        else:
            os.utime(cached)
        return text

    def store(self, make: Callable[[Path], None], cached: Path) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=self.suffix, dir=self.directory)
        os.close(handle)
        try:
            make(Path(temporary))
            os.replace(temporary, cached)
        except BaseException:
            os.unlink(temporary)
            raise

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
