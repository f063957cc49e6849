"""Writing files atomically: the whole new file or the whole old one, the old file's mode kept,
no temporary file left behind."""

from __future__ import annotations

import os
import stat

import pytest

from mkdocs_backlinks.core.files import write_atomically


def test_write_atomically_replaces_keeping_the_mode(tmp_path):
    target = tmp_path / "a" / "index.html"
    write_atomically(str(target), "first\n")
    os.chmod(target, 0o640)
    write_atomically(str(target), "ünï\n")
    assert target.read_bytes() == "ünï\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["index.html"]  # no temporary file left


def test_write_atomically_leaves_nothing_when_it_fails(tmp_path):
    (tmp_path / "dir").mkdir()
    with pytest.raises(OSError):
        write_atomically(str(tmp_path / "dir"), "text")  # a folder cannot be replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir"]


def test_write_atomically_new_file_gets_the_umask_mode(tmp_path):
    mask = os.umask(0o027)
    try:
        write_atomically(str(tmp_path / "new.html"), "text")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.html").stat().st_mode) == 0o640


def test_write_atomically_steps_around_a_temporary_file_left_by_a_crash(tmp_path):
    left = tmp_path / f".backlinks-index.html.{os.getpid()}.tmp"  # a crashed run with this pid
    left.write_text("stale")
    write_atomically(str(tmp_path / "index.html"), "new")
    assert (tmp_path / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([left.name, "index.html"])
    assert stat.S_IMODE((tmp_path / "index.html").stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
