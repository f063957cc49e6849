"""Gitignore-like globs over source paths (core/globs.py), as golden tables."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.globs import GlobList, compile_glob

# (glob, path, matches)
MATCHES = [
    # No '/': a file or folder name at any depth.
    ("changelog.md", "changelog.md", True),
    ("changelog.md", "about/changelog.md", True),
    ("changelog.md", "about/changelog.md.bak", False),
    ("changelog.md", "old-changelog.md", False),
    ("drafts", "drafts/a.md", True),  # a folder: everything inside it
    ("drafts", "blog/drafts/deep/a.md", True),
    ("drafts", "drafts.md", False),
    ("drafts/", "blog/drafts/a.md", True),  # a trailing '/' does not anchor
    # With a '/': anchored at docs_dir (a leading '/' allowed).
    ("guide/*.md", "guide/a.md", True),
    ("guide/*.md", "guide/deep/a.md", False),  # '*' stays within a segment
    ("guide/*.md", "old/guide/a.md", False),
    ("/guide/*.md", "guide/a.md", True),
    ("guide/", "guide/x/y.md", True),
    ("guide", "guide/x/y.md", True),
    # '**' across segments.
    ("blog/**", "blog/2024/01/post.md", True),
    ("blog/**", "blog.md", False),
    ("**/index.md", "index.md", True),
    ("**/index.md", "a/b/index.md", True),
    ("**/index.md", "a/b/index.md.txt", False),
    ("a/**/z.md", "a/z.md", True),
    ("a/**/z.md", "a/b/c/z.md", True),
    ("a/**/z.md", "b/a/z.md", False),
    # '?' and character classes, within a segment.
    ("p?.md", "p1.md", True),
    ("p?.md", "p10.md", False),
    ("a?b.md", "a/b.md", False),
    ("p[0-9].md", "p7.md", True),
    ("p[0-9].md", "px.md", False),
    ("p[!0-9].md", "px.md", True),
    ("p[!0-9].md", "p7.md", False),
    ("x[!a]y.md", "x/y.md", False),  # a negated class never matches '/'
    ("[]]x.md", "]x.md", True),  # ']' first in a class is literal
    ("[^a].md", "^.md", True),  # '^' is literal in a glob class
    ("[^a].md", "b.md", False),
    # Regex characters are literal; case counts, as in MkDocs.
    ("v1.2.md", "v1.2.md", True),
    ("v1.2.md", "v1x2.md", False),
    ("a+(b).md", "a+(b).md", True),
    ("Guide.md", "guide.md", False),
    ("ünï.md", "x/ünï.md", True),
    ("  spaced.md  ", "spaced.md", True),  # surrounding white space is trimmed
]

# (glob, the one-line reason it is refused, up to where the regex engine's own words start)
INVALID = [
    ("", "empty glob ''"),
    ("   ", "empty glob '   '"),
    ("/", "glob '/' matches nothing"),
    ("bad[", "unclosed '[' in glob 'bad['"),
    ("a[]", "unclosed '[' in glob 'a[]'"),
    ("[z-a].md", "invalid glob '[z-a].md': bad character range z-a"),
]


@pytest.mark.parametrize("glob, path, matches", MATCHES, ids=[f"{g}~{p}" for g, p, _ in MATCHES])
def test_glob_table(glob, path, matches):
    assert bool(compile_glob(glob).match(path)) is matches
    # In a list, any glob that matches is enough.
    assert GlobList(["nothing-like-it.md", glob]).matches(path) is matches


@pytest.mark.parametrize("glob, reason", INVALID, ids=[repr(g) for g, _ in INVALID])
def test_invalid_glob_table(glob, reason):
    with pytest.raises(ValueError) as refused:
        compile_glob(glob)
    message = str(refused.value)
    assert message.startswith(reason) and "\n" not in message
