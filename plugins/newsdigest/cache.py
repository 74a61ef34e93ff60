"""A cache of extraction results, one file per article, so a rebuild re-extracts only what changed.

An entry's key hashes the article file's bytes and path, the other inputs
of extraction (the site's editorial registries and settings, as bytes) and the
extractor's version (a hash of the sources of the modules extraction runs), so
any change to one of them is a miss. Entries are pickled ``Digest`` objects,
written atomically (a temporary file, then ``os.replace``).

A build that has many files to extract can start them all ahead in worker
processes (``extract_ahead``); ``digest_of_file`` then waits for each file's
worker to store its digest and reads it from the store instead of extracting
it, so extraction uses every core while the build goes on reading in order.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .digest import Digest
from .files import read_pickle, write_pickle

PACKAGE = Path(__file__).resolve().parent
FEWEST_FILES_WORTH_WORKERS = 32


# The modules extraction starts from: the package, the digest, the reading of a file and this cache's format.
EXTRACTION_MODULES = ("__init__.py", "digest.py", "clean.py", "cache.py")


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of the sources of the modules extraction runs, so that a change to cards, feeds or the
    Pelican plugins leaves the cached digests valid."""
    return hash_of_files(modules_used_by(EXTRACTION_MODULES, PACKAGE), PACKAGE).hex()


def modules_used_by(starts: Iterable[str], package: Path) -> set[Path]:
    """The package's modules named in ``starts`` and every module of the package they import,
    directly or not (a subpackage they import counts whole)."""
    found: set[Path] = set()
    pending = [package / name for name in starts]
    while pending:
        path = pending.pop()
        if path in found:
            continue
        found.add(path)
        for name in package_imports(path, package.name):
            if (package / name).is_dir():
                found |= set((package / name).rglob("*.py"))
            elif (package / f"{name}.py").is_file():
                pending.append(package / f"{name}.py")
    return found


def package_imports(path: Path, package: str) -> list[str]:
    """The names of the modules of ``package`` (its top level) that the module at ``path`` imports."""
    names = []
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name.split(".")[1] for alias in node.names if alias.name.startswith(f"{package}.")]
        elif isinstance(node, ast.ImportFrom) and (node.level == 1 or node.module and node.level == 0
                                                   and node.module.split(".")[0] == package):
            parts = (node.module or "").split(".")[node.level == 0:]
            names += [parts[0]] if parts and parts[0] else [alias.name for alias in node.names]
    return names


def hash_of_files(paths: Iterable[Path], root: Path) -> bytes:
    """The SHA-256 of the files' paths under ``root`` and their bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


@dataclass(frozen=True)
class DigestStore:
    """Pickled digests in ``directory``, keyed by a file's path and bytes salted with what else they depend on."""

    directory: Path
    salt: bytes

    def key(self, data: bytes, path: str) -> str:
        return hashlib.sha256(self.salt + path.encode() + b"\0" + data).hexdigest()

    def key_of_file(self, path: str) -> str:
        return self.key(Path(path).read_bytes(), path)

    def entry(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> Digest | None:
        """The digest stored under ``key``; None for a missing or unreadable entry, a miss."""
        return read_pickle(self.entry(key))

    def store(self, key: str, digest: Digest) -> None:
        write_pickle(digest, self.entry(key))

    def extracted(self, path: str, extract: Callable[[str], Digest], key: str) -> Digest:
        """``extract(path)``, stored under ``key``, the file's key."""
        digest = extract(path)
        self.store(key, digest)
        return digest

    def extract_into_store(self, path: str, extract: Callable[[str], Digest], key: str) -> None:
        """``extracted`` for a worker process: the digest goes to the store alone, not back through a pipe."""
        self.extracted(path, extract, key)


def worker_context():
    """Forked workers where the platform forks (they start at once, with the build's modules loaded)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


class ExtractionCache:
    """Digests of article files, stored under ``directory`` by a key of everything they depend on."""

    def __init__(self, directory: Path, inputs: bytes = b"", version: str | None = None):
        self.directory = Path(directory)
        self.inputs = inputs
        salt = hashlib.sha256((version or extractor_version()).encode() + b"\0" + inputs).digest()
        self.store = DigestStore(self.directory, salt)
        self.used: set[str] = set()
        self.ahead: dict[str, tuple[str, Future]] = {}
        # Keys worked out ahead for the files the build will read, so that each file is read and hashed once.
        self.keys_ahead: dict[str, str] = {}
        self.workers: ProcessPoolExecutor | None = None

    def digest_of_file(self, path: str, extract: Callable[[str], Digest]) -> Digest:
        """The cached digest of the file at ``path``, or ``extract(path)``, then cached."""
        if path in self.ahead:
            key = self.result_ahead(path)
        else:
            key = self.keys_ahead.pop(path, None) or self.store.key_of_file(path)
        self.used.add(key)
        cached = self.store.load(key)
        if cached is not None:
            return cached
        return self.store.extracted(path, extract, key)

    def extract_ahead(self, paths: Iterable[str], extract: Callable[[str], Digest], workers: int) -> int:
        """Starts extracting the files among ``paths`` that the cache lacks, in ``workers`` processes,
        when there are enough of them to pay for the processes; returns how many were started.

        A worker stores the digest and the build then reads it from the store, as it reads any
        cached digest: its objects are made by the thread that keeps them, whose freed memory
        the build's later work reuses (memory freed in another thread's malloc arena is not)."""
        keys = {path: self.store.key_of_file(path) for path in paths}
        self.keys_ahead = keys
        missing = {path: key for path, key in keys.items() if not self.store.entry(key).exists()}
        if workers < 2 or len(missing) < FEWEST_FILES_WORTH_WORKERS:
            return 0
        self.workers = ProcessPoolExecutor(workers, mp_context=worker_context())
        self.ahead.update((path, (key, self.workers.submit(self.store.extract_into_store, path, extract, key)))
                          for path, key in missing.items())
        return len(missing)

    def result_ahead(self, path: str) -> str:
        """Waits for the worker extracting ``path`` (raising its error) and gives the key it stored the
        digest under, the key the file had when it was started; the workers stop once every file
        started ahead is taken."""
        key, future = self.ahead.pop(path)
        try:
            future.result()
        finally:
            if not self.ahead:
                self.stop_workers()
        return key

    def stop_workers(self) -> None:
        """Stops the workers, dropping files started ahead that nothing asked for."""
        if self.workers is not None:
            self.workers.shutdown(wait=True, cancel_futures=True)
        self.workers = None
        self.ahead.clear()

    def stop_ahead(self) -> None:
        """Once the build has read its articles: the workers stopped and the keys worked out ahead forgotten."""
        self.stop_workers()
        self.keys_ahead.clear()

    def prune(self) -> int:
        """Removes the entries this build did not use; returns how many."""
        removed = 0
        for entry in self.directory.glob("*/*.pickle"):
            if entry.stem not in self.used:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed
