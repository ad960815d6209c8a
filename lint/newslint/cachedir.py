"""Where newslint keeps its caches: $NEWSLINT_CACHE_DIR, else the XDG cache.

The caches hold draft sentences (LanguageTool's results) and pickles, which
run code when loaded, so the folder must be this user's alone: created 0700
without following a symlink, owned by the user and writable by nobody else,
and every file read from it owned by the user too. A folder that fails this,
or cannot be written (read-only, full, missing parent), is not used: the run
goes uncached and says so once (``check``).
"""

from __future__ import annotations

import errno
import os
import stat
import sys

# The warm process's thin client imports this module, so it imports no
# pathlib, contextlib or typing at run time (~20 ms of a ~60 ms warm run).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


class UnsafeCache(OSError):
    """The cache folder (or a file in it) is not private to this user."""


def cache_dir() -> str:
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint")


def private_dir(folder: str | Path) -> Path:
    """``folder``, created 0700 if missing; raises OSError unless it is private.

    A folder owned by the user that others may only read (an older newslint
    made it 0755) is narrowed to 0700; one that others may write, or that is
    a symlink or owned by someone else, is refused: a file planted there
    before the narrowing could not be told from our own.
    """
    from pathlib import Path

    return Path(private_folder(os.fspath(folder)))


def private_folder(folder: str) -> str:
    """``private_dir`` for a path string, without importing pathlib."""
    folder = folder.rstrip("/") or "/"
    parent = os.path.dirname(folder)
    try:
        if parent:
            os.makedirs(parent, exist_ok=True)
    except FileExistsError:  # a file where a folder should be
        raise NotADirectoryError(errno.ENOTDIR, "Not a directory", parent) from None
    try:  # noqa: SIM105  (contextlib stays out of the thin client's imports)
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass  # checked below, not trusted
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeCache(f"{folder} is not a folder (a symlink?)")
    if info.st_uid != os.getuid():
        raise UnsafeCache(f"{folder} belongs to another user (uid {info.st_uid})")
    if info.st_mode & 0o022:
        raise UnsafeCache(f"{folder} can be written by other users")
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


def startup_file(name: str) -> str | None:
    """Where a start-up cache file (the interpreter's own bytecode) lives, or
    None: turned off (``NEWSLINT_STARTCACHE=0``), not CPython (the caches rest
    on its internals), or no private cache folder."""
    if sys.implementation.name != "cpython":
        return None
    if os.environ.get("NEWSLINT_STARTCACHE", "1") == "0":
        return None
    try:
        return os.path.join(private_folder(cache_dir()), name)
    except Exception:  # an unusable folder: run uncached
        return None


def private_cache_dir() -> Path | None:
    """The cache folder when it is private and usable, else None (run uncached)."""
    try:
        return private_dir(cache_dir())
    except OSError:
        return None


def check() -> str | None:
    """Why the cache folder cannot be used this run, or None when it can.

    Writes and removes a small file, so a full or read-only disk shows here,
    once, rather than as a failure in each cache.
    """
    try:
        folder = private_dir(cache_dir())
        fd, probe = _mkstemp(folder)
        try:
            os.write(fd, b"newslint")  # a full disk refuses even this (no fsync: speed)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        reason = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror or str(exc)
        return f"the cache folder cannot be used ({reason}); running without caches"
    return None


def _mkstemp(folder: str | Path, suffix: str = ".tmp") -> tuple[int, str]:
    """A new file of a random name, 0600, as tempfile.mkstemp makes it.

    Every run probes the cache this way, and importing tempfile (with shutil,
    random and their compression modules) cost a cold run more than the probe.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(100):
        name = os.path.join(folder, f"tmp{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _check_owned(info: os.stat_result, path: str | Path) -> None:
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
        raise UnsafeCache(f"{path} is not this user's file")
    if info.st_mode & 0o022:
        raise UnsafeCache(f"{path} can be written by other users")


def read_private_stat(path: Path) -> os.stat_result:
    """``lstat`` of a file this user owns and only this user may write."""
    info = os.lstat(path)
    _check_owned(info, path)
    return info


def private_file(path: Path) -> Path:
    """``path`` in a private folder, created 0600 if missing (for SQLite, which
    opens files itself); raises OSError unless both are this user's alone.

    An existing file is only looked at, never opened: closing any descriptor
    of a database drops the locks SQLite holds on it in this process.
    """
    private_dir(path.parent)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        os.close(os.open(path, flags, 0o600))
    except FileExistsError:
        info = read_private_stat(path)
        if info.st_mode & 0o077:
            os.chmod(path, 0o600)  # made 0644 by an older newslint; lstat saw no symlink
    return path


def read_private(path: str | Path) -> bytes:
    """The bytes of a file this user owns and only this user may write."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        _check_owned(os.fstat(handle.fileno()), path)
        return handle.read()


def load_pickle(path: Path) -> object | None:
    """A pickle this cache wrote, or None if it is missing, unreadable or not ours.

    Only from a private folder and a file of our own: unpickling runs code.
    Any failure to unpickle (a truncated or garbled file) is a miss.
    """
    import pickle

    try:
        private_dir(path.parent)
        return pickle.loads(read_private(path))
    except Exception:  # a corrupt pickle raises nearly anything; OSError included
        return None


def store_pickle(path: Path, value: object) -> bool:
    """Write atomically (0600), so a concurrent run never reads half a file.

    A cache that cannot be written only costs speed: False, never an error.
    """
    import pickle

    tmp = None
    try:
        folder = private_dir(path.parent)
        fd, tmp = _mkstemp(folder)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except (OSError, pickle.PicklingError):
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        return False
