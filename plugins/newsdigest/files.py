"""Files written whole or not at all, and pickles read back. Nothing here imports Pelican."""
from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from pathlib import Path


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


def write_pickle(value, target: Path) -> None:
    write_whole(target, lambda path: path.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))


def read_pickle(path: Path):
    """The value pickled at ``path``; None when the file is missing or cannot be read."""
    try:
        with open(path, "rb") as stored:
            return pickle.load(stored)
    except Exception:  # a missing or unreadable file is as good as none; it is written again
        return None
