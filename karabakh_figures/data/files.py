"""Files that several processes write and read at once (the build runs notebooks side by side): each written
whole or not at all, and a lock for work that must be done by one process at a time."""

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock
    fcntl = None


def write_whole(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader sees the old content or the new one, never a part of it: it is
    written beside the file, then renamed over it."""
    partial = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (a folder, or a file, created if missing) while the block runs: another
    process or thread that takes it meanwhile waits. Where it cannot be opened, and on Windows, no lock."""
    try:
        descriptor = os.open(path, os.O_RDONLY if path.is_dir() else os.O_RDONLY | os.O_CREAT)
    except OSError:
        descriptor = None
    try:
        if descriptor is not None and fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        if descriptor is not None:
            os.close(descriptor)  # which releases the lock
