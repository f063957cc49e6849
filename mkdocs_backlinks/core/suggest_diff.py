"""The Markdown edits the findings suggest, as one unified diff that `git apply` (or `patch -p1`)
applies from the project's folder. Only the unambiguous fixes (`Finding.edit`): a broken link to
its single "did you mean" page, an unlinked mention made a link. Nothing is written here."""

from __future__ import annotations

import difflib
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from mkdocs_backlinks.core.findings import Edit, Finding

__all__ = ["suggested_diff", "unpatched"]


def _patched(text: str, edits: Sequence[Edit]) -> str:
    """`text` with `edits` made, the first of overlapping ones kept."""
    out: List[str] = []
    at = 0
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end, e.new)):
        if edit.start < at or text[edit.start : edit.end] != edit.old:
            continue  # overlaps an edit already made, or the file changed since
        out.append(text[at : edit.start])
        out.append(edit.new)
        at = edit.end
    out.append(text[at:])
    return "".join(out)


def _diff_lines(old: str, new: str, path: str) -> List[str]:
    lines = []
    for line in difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    ):
        # The last line of a file without a line end, as diff and git write it.
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return lines


def suggested_diff(findings: Sequence[Finding], read: Callable[[str], Optional[str]]) -> str:
    """The unified diff of every finding's fix, file by file in path order; `read(path)` gives a
    file's text by its path relative to the project's folder (None: unreadable, left alone)."""
    by_file: Dict[str, List[Edit]] = {}
    for finding in findings:
        if finding.edit is not None:
            by_file.setdefault(finding.edit.file, []).append(finding.edit)
    out: List[str] = []
    for path in sorted(by_file):
        text = read(path)
        if text is None:
            continue
        new = _patched(text, by_file[path])
        if new != text:
            out.extend(_diff_lines(text, new, path))
    return "".join(out)


def unpatched(findings: Sequence[Finding]) -> List[Tuple[str, str]]:
    """The findings with a suggestion the diff leaves out, as (where, message): a broken link
    whose "did you mean" page is known but not where the link is written, or not as one href;
    an unlinked mention whose words could not be found, or are split by markup."""
    out = []
    for finding in findings:
        if finding.edit is not None:
            continue
        suggests = finding.check == "unlinked_mentions" or (
            finding.check == "broken_links" and "did you mean" in finding.message
        )
        if suggests:
            where = finding.file or finding.page
            if finding.line:
                where += f":{finding.line}:{finding.column}"
            out.append((where, finding.message))
    return out
