"""A cache of extraction results, one file per article, so a rebuild re-extracts only what changed.

An entry's key hashes the article file's bytes and path, the editorial
registries and the extractor's version (a hash of this package's sources), so
any change to one of them is a miss. Entries are pickled ``Digest`` objects,
written atomically (a temporary file, then ``os.replace``).
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from .digest import Digest

PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of the sources of the text functions (this package's modules, the Pelican plugins excepted)."""
    digest = hashlib.sha256()
    for source in sorted(PACKAGE.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


class ExtractionCache:
    """Digests of article files, stored under ``directory`` by a key of everything they depend on."""

    def __init__(self, directory: Path, registries: bytes = b"", version: str | None = None):
        self.directory = Path(directory)
        self.registries = registries
        self.salt = hashlib.sha256((version or extractor_version()).encode() + b"\0" + registries).digest()
        self.used: set[str] = set()

    def key(self, data: bytes, path: str) -> str:
        return hashlib.sha256(self.salt + path.encode() + b"\0" + data).hexdigest()

    def entry(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def digest_of_file(self, path: str, extract: Callable[[str], Digest]) -> Digest:
        """The cached digest of the file at ``path``, or ``extract(path)``, then cached."""
        key = self.key(Path(path).read_bytes(), path)
        self.used.add(key)
        cached = self.load(key)
        if cached is not None:
            return cached
        digest = extract(path)
        self.store(key, digest)
        return digest

    def load(self, key: str) -> Digest | None:
        try:
            with open(self.entry(key), "rb") as entry:
                return pickle.load(entry)
        except Exception:  # a missing or unreadable entry is a miss; it is written again
            return None

    def store(self, key: str, digest: Digest) -> None:
        entry = self.entry(key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(digest, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise

    def prune(self) -> int:
        """Removes the entries this build did not use; returns how many."""
        removed = 0
        for entry in self.directory.glob("*/*.pickle"):
            if entry.stem not in self.used:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed
