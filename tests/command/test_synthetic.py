"""End to end on a 300-page synthetic wiki (benchmarks/generate.py): built by Zensical (both URL
modes) and by the MkDocs 2.0 pre-release, then `mkdocs-backlinks`; every panel must list exactly
the pages that link to it, resolved as a browser follows the panel's links (benchmarks/check.py).

The generator's truth is what MkDocs 1.x makes of the links it wrote. Each generator below
publishes a few of them elsewhere, in ways pinned down here as rules applied to the generator's
own link plan (so the expected graph never comes from the command under test):
- Zensical resolves a relative href in raw HTML from the Markdown file's folder, as if it were
  a Markdown link; with directory URLs that is one folder above the page's URL.
- MkDocs 2.0.dev6 lower-cases each page's file name (not its folders): case twins collide (the
  later in path order is kept), and links written as built URLs to such pages break, while
  links to `.md` files follow. It also crashes on an email autolink (`<team@example.org>`),
  which the sources here lose (that noise never counted).
"""

from __future__ import annotations

import collections
import importlib.util
import json
import posixpath
import sys
from pathlib import Path
from typing import Callable, Dict, Optional, Set
from urllib.parse import quote, unquote, urljoin

import pytest

from .conftest import REPO, command, run

PAGES = 300


def _load(name: str):
    module_name = f"_synthetic_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, REPO / "benchmarks" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


generate = _load("generate")
check = _load("check")

# Link forms the generator writes as built URLs (in HTML or as absolute URLs), not as `.md` paths.
RAW_HTML_FORMS = {"rel_html", "rel_html_single_quoted"}
BUILT_URL_FORMS = RAW_HTML_FORMS | {"root_html", "absolute", "autolink"}


def _expected_backlinks(gen, resolve: Callable[[str, str, str], Optional[str]]) -> Dict[str, Set[str]]:
    """target -> sources, from the generator's plan: `resolve(source, target, form)` says which
    page (or None) a planned link reaches; the raw-HTML self link every page has is the form
    "self"."""
    back: Dict[str, Set[str]] = collections.defaultdict(set)
    for source, links in gen.plan.items():
        for target, form in links + [(source, "self")]:
            reached = resolve(source, target, form)
            if reached is not None and reached != source:
                back[reached].add(source)
    return back


def _reacher(urls: Dict[str, str]):
    """`reach(base_url, href) -> page` for a site whose pages are at `urls` (decoded paths)."""
    by_path: Dict[str, str] = {}
    for src, path in urls.items():
        by_path[path] = src
        if path == "" or path.endswith("/"):
            by_path.setdefault(path + "index.html", src)
    site = generate.SITE_URL

    def reach(base: str, href: str) -> Optional[str]:
        absolute = urljoin(base, href)
        if not absolute.startswith(site):
            return None
        return by_path.get(unquote(absolute[len(site) :].split("#")[0].split("?")[0]))

    return reach


def _built_href(gen, source: str, target: str, form: str) -> str:
    url = gen.specs[target].url
    if form == "root_html":
        return generate.MOUNT + url
    if form in ("absolute", "autolink"):
        return generate.SITE_URL + url
    return generate.relative_url(url, gen.specs[source].url)  # raw HTML, and the self link


def zensical_truth(gen) -> dict:
    urls = {src: unquote(spec.url) for src, spec in gen.specs.items()}
    reach = _reacher(urls)

    def resolve(source, target, form):
        if form in RAW_HTML_FORMS or form == "self":
            folder = posixpath.dirname(source)
            base = generate.SITE_URL + (quote(folder) + "/" if folder else "")
            return reach(base, _built_href(gen, source, target, form))
        return target

    back = _expected_backlinks(gen, resolve)
    return {src: sorted(back[src]) for src in gen.specs}


def _lower_name(src: str) -> str:
    folder, _, name = src.rpartition("/")
    if name[: -len(".md")] not in ("index", "README"):
        name = name.lower()
    return (folder + "/" if folder else "") + name


def mkdocs2_pages_and_truth(gen):
    """({page: decoded URL} of the pages MkDocs 2.0 publishes, {page: backlinks})."""
    url_of = {src: unquote(generate.page_url(_lower_name(src), True)) for src in gen.specs}
    winner = {}
    for src in sorted(gen.specs):
        winner[url_of[src]] = src  # a later case twin overwrites an earlier one
    published = {src: url_of[src] for src in winner.values()}
    reach = _reacher(published)

    def resolve(source, target, form):
        if source not in published:
            return None  # its page was overwritten by its case twin
        if form in BUILT_URL_FORMS or form == "self":
            return reach(generate.SITE_URL + quote(published[source]), _built_href(gen, source, target, form))
        return winner[url_of[target]]

    back = _expected_backlinks(gen, resolve)
    return published, {src: sorted(back[src]) for src in published}


def _generate(out: Path, directory_urls: bool):
    gen = generate.Generator(PAGES, 1, directory_urls, 600)
    truth = gen.write(str(out), ["search"])
    return gen, truth


def _write_truth(out: Path, truth: dict) -> None:
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_zensical_panels_match_the_truth(zensical, tmp_path, directory_urls):
    gen, truth = _generate(tmp_path, directory_urls)
    run([zensical, "build"], tmp_path)
    result = command("-q", "site", cwd=tmp_path)
    # Orphans and broken links are warnings by default.
    assert result.returncode == 0, result.stderr[-2000:]
    assert "orphaned page(s)" in result.stderr
    truth["backlinks"] = zensical_truth(gen)
    if not directory_urls:
        # From a page's own folder, both readings of a raw HTML href agree.
        assert truth["backlinks"] == {src: sorted(sources) for src, sources in gen.truth()["backlinks"].items()}
    _write_truth(tmp_path, truth)
    mismatches = check.check_site(str(tmp_path))
    assert not mismatches, "\n".join(mismatches[:30])
    linked = sum(1 for sources in truth["backlinks"].values() if sources)
    assert linked > PAGES * 0.9


def test_mkdocs2_panels_match_the_truth(mkdocs2, tmp_path):
    gen, truth = _generate(tmp_path, True)
    (tmp_path / "mkdocs.yml").unlink()  # MkDocs 2.0 refuses it; the command then reads none either
    for page in (tmp_path / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("<team@example.org>", "team@example.org"), encoding="utf-8")
    run([mkdocs2, "build", "--dir", "docs", "--output", "site"], tmp_path)
    # No config: the site's URL (for its absolute and root-relative links) comes from the command line.
    result = command("-q", "--site-url", generate.SITE_URL, "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    published, backlinks = mkdocs2_pages_and_truth(gen)
    assert len(published) == PAGES - 1  # concepts/Case.md and concepts/case.md share a page
    truth["pages"] = {src: dict(truth["pages"][src], url=quote(url)) for src, url in published.items()}
    truth["backlinks"] = backlinks
    _write_truth(tmp_path, truth)
    mismatches = check.check_site(str(tmp_path))
    assert not mismatches, "\n".join(mismatches[:30])
