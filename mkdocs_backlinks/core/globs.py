"""Gitignore-like globs over source paths, the syntax MkDocs users know from `exclude_docs`.

- `*` matches within one path segment, `?` one character, `[abc]`/`[!abc]` a character class;
- `**` matches across segments (`blog/**`, `**/index.md`);
- a pattern without a `/` matches a file or folder name at any depth (`changelog.md`);
- a pattern with a `/` is anchored at `docs_dir` (`guide/*.md`; a leading `/` is allowed);
- a pattern naming a folder matches everything inside it.
Paths are compared case-sensitively, as MkDocs does.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Pattern


def _translate(pattern: str) -> str:
    out = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            end = pattern.find("]", i + 2)  # a ']' right after '[' or '[!' is literal
            if end == -1:
                raise ValueError(f"unclosed '[' in glob {pattern!r}")
            body = pattern[i + 1 : end]
            negate = body.startswith("!")
            if negate:
                body = body[1:]
            body = body.replace("\\", "\\\\").replace("^", "\\^")
            out.append(f"[{'^/' if negate else ''}{body}]")
            i = end + 1
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)


def compile_glob(pattern: str) -> Pattern[str]:
    """Compile one glob; raise `ValueError` with a readable reason when it is not valid."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError(f"empty glob {pattern!r}")
    text = pattern.strip()
    anchored = "/" in text.rstrip("/")
    text = text.strip("/")
    if not text:
        raise ValueError(f"glob {pattern!r} matches nothing")
    prefix = "" if anchored else "(?:.*/)?"
    try:
        return re.compile(prefix + _translate(text) + r"(?:/.*)?\Z")
    except re.error as error:
        raise ValueError(f"invalid glob {pattern!r}: {error}") from None


class GlobList:
    """An ordered list of globs; a path matches when any glob does."""

    def __init__(self, patterns: Iterable[str] = ()) -> None:
        self.patterns = list(patterns)
        self._compiled = [compile_glob(p) for p in self.patterns]

    def matches(self, path: str) -> bool:
        return any(regex.match(path) for regex in self._compiled)

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def __iter__(self) -> Iterator[str]:
        return iter(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, GlobList):
            return self.patterns == other.patterns
        return self.patterns == other

    def __repr__(self) -> str:
        return f"GlobList({self.patterns!r})"
