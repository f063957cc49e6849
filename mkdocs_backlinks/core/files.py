"""Writing files so that no reader ever sees half of one: into a temporary file beside the
target, then renamed over it (atomic on POSIX and Windows)."""

from __future__ import annotations

import os
import tempfile

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # no CRLF on Windows


def write_atomically(path: str, text: str) -> None:
    """Write `text` (UTF-8, `\\n` line ends) to `path`, creating its folder; the old file, if
    any, stays whole until the new one replaces it."""
    folder = os.path.dirname(path) or "."
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = -1
        os.makedirs(folder, exist_ok=True)
    # The temporary file is named after its target and this process: only one writer per
    # target and process, so no random name is needed (tempfile.mkstemp cost 0.1-0.15 s per
    # 1,000 pages in the post-build command). A name left by a crashed run of the same pid
    # falls back to mkstemp. A new file gets 0o666 less the umask from os.open itself.
    temporary = os.path.join(folder, f".backlinks-{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        handle = os.open(temporary, _FLAGS, 0o666)
    except FileExistsError:
        handle, temporary = tempfile.mkstemp(prefix=".backlinks-", suffix=".tmp", dir=folder)
        if mode < 0:
            mode = 0o666 & ~_umask()
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        if mode >= 0:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
