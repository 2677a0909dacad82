"""Writing a private file safely: 0600, temp file, fsync, atomic rename.

Every file careercoach writes for the user (the journal, its backups, settings,
exports) goes through here, so a crash never leaves half a file. Files the user
names (exports, the evidence pack, a saved script, a calendar) go through
`write_user_file`, which also refuses to replace one without being told to.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from careercoach import paths
from careercoach.errors import JournalError, TargetExistsError, ValidationError


def random_hex(size: int) -> str:
    """What `secrets.token_hex` gives, without importing `secrets` (and with it hmac
    and hashlib: 4 ms and 0.6 MB at every start) for a file name."""
    return os.urandom(size).hex()


def check_regular_file(path: Path) -> None:
    """Refuse symlinks, folders and devices where a private file should be."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise JournalError(f"{path}: cannot look at it ({exc.strerror})") from None
    if stat.S_ISLNK(mode):
        raise JournalError(
            f"{path}: is a symbolic link; careercoach will not read or write through it "
            "(use the real file's path)"
        )
    if stat.S_ISDIR(mode):
        raise JournalError(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise JournalError(f"{path}: is not a regular file")


def write_private_file(path: Path, payload: bytes) -> None:
    """Atomically write `payload` to `path` as a 0600 file (temp + fsync + replace)."""
    folder = path.parent
    paths.make_private_dir(folder)
    temp = folder / f"{paths.temp_prefix(path)}{os.getpid()}-{random_hex(4)}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.fchmod(fd, 0o600)
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        check_regular_file(path)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (is the folder read-only?)"
    return exc.strerror or str(exc)


def check_user_file(path: Path, *, force: bool, protect: tuple[Path, ...] = ()) -> None:
    """Refuse to write a user-named file over a folder, a link, a protected file (the
    journal), or an existing file unless `force`; the same words everywhere."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ValidationError(f"{path}: cannot look at it ({describe_os_error(exc)})") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise ValidationError(f"{path}: is a folder; name a file to write")
        if stat.S_ISLNK(info.st_mode):
            raise ValidationError(
                f"{path}: is a symbolic link; careercoach will not write through it"
            )
        if any(path.resolve() == guarded.resolve() for guarded in protect):
            raise ValidationError(f"{path}: is your journal itself; choose another file")
        if not force:
            raise TargetExistsError(f"{path}: already exists; add --force to replace it")


def write_user_file(
    path: Path, payload: bytes, *, force: bool = False, protect: tuple[Path, ...] = ()
) -> None:
    """Write a file the user named: private (0600, a missing folder 0700), atomic,
    checked as above."""
    check_user_file(path, force=force, protect=protect)
    try:
        write_private_file(path, payload)
    except OSError as exc:
        raise ValidationError(f"{path}: could not write it ({describe_os_error(exc)})") from None
