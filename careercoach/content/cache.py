"""Parsed content files kept between runs, so a start needs no YAML parser.

Importing PyYAML and parsing the criteria cost about 25 ms and 1.3 MB at every start
of the app and of most commands, for files that change only with a new release.
Parsed content is plain JSON data, so it is kept in one file in the user's cache
folder, per shipped content file, under that file's size, modification time and
inode; the YAML is parsed again only when the file changed. A user's own files (a
criteria override) are never cached: nothing they wrote is copied anywhere.

The YAML stays the only source of truth: a cache that is missing, damaged, foreign
or not writable is ignored (and rewritten when possible), never reported.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careercoach import json_codec, paths

FORMAT = 1
CACHE_FILENAME = "content-cache.json"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows
MAX_CACHE_BYTES = 2 << 20  # twice the cap on one content file; anything bigger is not ours


def load(path: Path, status: os.stat_result, parse: Callable[[], Any]) -> Any:
    """The data of the content file at `path` (resolved: it is the cache's key), cached
    when unchanged, else `parse()`d.

    Unchanged means the same size, modification time and inode (`status`, from the
    caller's own stat): an upgrade or an editor's save replaces the file.
    """
    cache_file = paths.cache_dir() / CACHE_FILENAME
    files = _read(cache_file)
    key = str(path)
    stamp = [status.st_size, status.st_mtime_ns, status.st_ino]
    entry = files.get(key)
    if isinstance(entry, dict) and entry.get("stamp") == stamp and "data" in entry:
        return entry["data"]
    data = parse()
    if _survives_json(data):
        files = {name: item for name, item in files.items() if os.path.exists(name)}
        files[key] = {"stamp": stamp, "data": data}
        _write(cache_file, {"format": FORMAT, "files": files})
    return data


def _read(cache_file: Path) -> dict[str, Any]:
    """The cached files, or nothing for anything but a plain file of ours: never a
    symlink followed, never a wait on a named pipe."""
    try:
        fd = os.open(cache_file, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return {}
            raw = handle.read(MAX_CACHE_BYTES + 1)
        if len(raw) > MAX_CACHE_BYTES:
            return {}
        document = json_codec.decode(raw)
    except (OSError, json_codec.DecodeError):
        return {}
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return {}
    files = document.get("files")
    return files if isinstance(files, dict) else {}


def _survives_json(data: Any) -> bool:
    """Only data JSON gives back unchanged is cached (YAML also has dates, int keys...)."""
    try:
        return bool(json_codec.decode(json_codec.encode(data)) == data)
    except (*json_codec.EncodeError, json_codec.DecodeError, RecursionError):
        return False


def _write(cache_file: Path, document: dict[str, Any]) -> None:
    """Replace the cache in one step; a crash leaves the old file or a stray temp file.

    No fsync: a cache torn by a power cut is only a damaged cache, which `_read`
    ignores.
    """
    temp = cache_file.with_name(f".{cache_file.name}.{os.getpid()}.tmp")
    try:
        paths.make_private_dir(cache_file.parent)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(json_codec.encode(document))
        os.replace(temp, cache_file)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
