"""Resolve an href the way a browser would, then say which file of the site it reaches.

MkDocs rewrites most Markdown links to relative URLs, but leaves some verbatim (root-relative
`/x/`, raw HTML, unrecognized relative links, absolute URLs to the site itself). Rather than
guessing at each form, every href is resolved against the URL of the page it sits on, exactly as
a browser would, and the resulting path is looked up among the site's files. Paths are compared
percent-decoded once and never case-folded.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Mapping, NamedTuple, Optional, Tuple
from urllib.parse import SplitResult, unquote, urlsplit

WEB_SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


class Kind(enum.Enum):
    """What an href turned out to point at."""

    PAGE = "page"
    """A page of the site (possibly with a #fragment)."""
    SELF = "self"
    """The page the link sits on (a `#fragment`, `?query` or an explicit link to itself)."""
    ASSET = "asset"
    """A file of the site that is not a page (image, PDF, CSS...)."""
    EXCLUDED = "excluded"
    """A page left out of the built site (`exclude_docs`, `draft_docs`)."""
    MISSING = "missing"
    """A path inside the site where no file exists: a broken link."""
    EXTERNAL = "external"
    """Another host, another scheme (`mailto:`, `tel:`...), or outside the site's URL path."""
    INVALID = "invalid"
    """An href no URL parser accepts (e.g. `http://[`)."""


class Resolution(NamedTuple):
    """What one href resolved to. A named tuple: a big site resolves hundreds of thousands."""

    kind: Kind
    target: str = ""
    """The target's source path (`File.src_uri`) for PAGE, SELF, ASSET and EXCLUDED."""
    path: str = ""
    """The site-relative, percent-decoded path the href reaches (for every kind inside the site)."""
    fragment: str = ""
    """The `#fragment`, percent-decoded."""


@dataclass(frozen=True)
class SiteFile:
    """What the resolver needs to know of one file of the site."""

    src_uri: str
    url: str
    """`File.url`: percent-quoted, relative to the site root; the homepage's is `./` or ``."""
    is_page: bool
    excluded: bool = False


SITE_ROOT_URLS = ("", ".", "./", "index.html")
"""The `File.url`s of the page at the site root: `./` (or `` and `.`) with directory URLs,
`index.html` without."""


def is_site_root(url: str) -> bool:
    """Whether the page published at `url` (a `File.url`) is the site's homepage.

    The homepage is the page at the site root, wherever the nav puts it: MkDocs' own
    `Page.is_homepage` is also false for that page when the nav holds it inside a section."""
    return url in SITE_ROOT_URLS


def page_url_keys(url: str) -> List[str]:
    """The decoded site paths at which a browser gets the file published at `url`.

    The first is the canonical one. A directory URL (`guide/`) is also served as
    `guide/index.html` and, through the redirect every static host makes, as `guide`.
    """
    key = unquote(url)
    if key in (".", "./"):
        key = ""
    keys = [key]
    if key == "" or key.endswith("/"):
        keys.append(key + "index.html")
        if key:
            keys.append(key[:-1])
    elif key == "index.html" or key.endswith("/index.html"):
        keys.append(key[: -len("index.html")])
        if key != "index.html":
            keys.append(key[: -len("/index.html")])  # the folder, redirected to its index
    return keys


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4 for an absolute path: `/a/b/../c/.` -> `/a/c/`; as browsers do
    (the WHATWG URL standard), a dot may be written `%2e`: `/a/b/%2e%2e/c/` -> `/a/c/`."""
    if "." not in path and "%2" not in path:
        return path
    segments = path.split("/")[1:]
    out: List[str] = []
    last = len(segments) - 1
    for i, segment in enumerate(segments):
        dots = segment.lower().replace("%2e", ".") if "%" in segment else segment
        if dots == "..":
            if out:
                out.pop()
            if i == last:
                out.append("")
        elif dots == ".":
            if i == last:
                out.append("")
        else:
            out.append(segment)
    return "/" + "/".join(out)


_C0_CONTROL_OR_SPACE = "".join(map(chr, range(0x21)))


def _host(netloc: str, scheme: str) -> str:
    """The host (and port) a browser reaches for `netloc` of a `scheme` URL, comparable as a
    string: `User@Example.org:443` of an https URL is `example.org`."""
    host = netloc.rpartition("@")[2].lower()
    default_port = _DEFAULT_PORTS.get(scheme)
    if default_port and host.endswith(default_port):
        host = host[: -len(default_port)]
    return host.rstrip(":")  # an empty port is the default one


def site_mount(site_url: Optional[str]) -> Tuple[str, Optional[SplitResult]]:
    """Where the site is mounted (the path of `site_url`, as "/docs/", or "/"), and `site_url`
    split (None when there is none or no URL parser reads it)."""
    if not site_url:
        return "/", None
    try:
        parts = urlsplit(site_url)
    except ValueError:
        return "/", None
    path = parts.path.strip("/")
    return ("/" + path + "/" if path else "/"), parts


class SiteResolver:
    """Resolves hrefs of the site's pages to the site's files.

    `site_url` is the configured `site_url` (or None); its path is where the site is mounted, so
    that root-relative links like `/docs/guide/` resolve under `https://example.org/docs/`, and its
    host tells which absolute URLs point back into the site.
    """

    def __init__(
        self,
        files: "list[SiteFile]",
        site_url: Optional[str] = None,
        redirects: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.mount, parts = site_mount(site_url)
        self.scheme = parts.scheme.lower() if parts is not None else ""
        self.hosts: FrozenSet[str] = frozenset()
        if parts is not None and parts.hostname:
            self.hosts = frozenset({_host(parts.netloc, self.scheme)})
        self.files: Dict[str, SiteFile] = {}
        aliases: Dict[str, SiteFile] = {}
        for file in files:
            canonical, *others = page_url_keys(file.url)
            self.files[canonical] = file
            for key in others:
                aliases.setdefault(key, file)
        for key, file in aliases.items():
            self.files.setdefault(key, file)
        # `redirects` maps the old URL of a page moved with mkdocs-redirects (`File.url` style) to
        # the source path of its new page, or to "" when it redirects off-site. Its redirect page
        # is only written after the build, and a browser following a link there ends up on the
        # target, so such a link counts for the target.
        self.redirects: Dict[str, Optional[SiteFile]] = {}
        by_src = {file.src_uri: file for file in files}
        for old_url, target in (redirects or {}).items():
            for key in page_url_keys(old_url):
                if key not in self.files:
                    self.redirects.setdefault(key, by_src.get(target) if target else None)

    def page_path(self, url: str) -> str:
        """The absolute URL path of a page published at `url` (its `File.url`)."""
        return self.mount + ("" if url in (".", "./") else url)

    def resolve(self, href: str, page_url: str, page_src: str = "") -> Resolution:
        """Resolve `href`, found on the page published at `page_url` (source `page_src`)."""
        result = self._resolve(href, page_url)
        if result.kind is Kind.SELF or (page_src and result.target == page_src):
            return Resolution(Kind.SELF, page_src, result.path, result.fragment)
        return result

    def _resolve(self, href: str, page_url: str) -> Resolution:
        # Browsers drop surrounding spaces and control characters, and any tab or newline inside.
        href = href.strip(_C0_CONTROL_OR_SPACE)
        if "\t" in href or "\n" in href or "\r" in href:
            href = href.replace("\t", "").replace("\n", "").replace("\r", "")
        if "\\" in href:
            # In a web page's URLs a browser reads `\` as `/` up to the query or fragment, so
            # `\\host\x` and `/\host/x` name another host, as `//host/x` does.
            end = min(at for at in (href.find("?"), href.find("#"), len(href)) if at != -1)
            href = href[:end].replace("\\", "/") + href[end:]
        if ":" not in href and href[:2] != "//":
            # No scheme and no host: a path relative to the page or the site, the most common
            # link there is. Split as urlsplit would, without its generality: resolving the
            # 86,000 hrefs of the 1,000-page link-dense site took 0.45 s with urlsplit, 0.34 s
            # this way (about 4% of the post-build command's run).
            before_fragment, _, fragment = href.partition("#")
            scheme, netloc, path = "", "", before_fragment.partition("?")[0]
        else:
            try:
                parts = urlsplit(href)
            except ValueError:
                return Resolution(Kind.INVALID)
            scheme, netloc, path, fragment = parts.scheme.lower(), parts.netloc, parts.path, parts.fragment
        fragment = unquote(fragment)
        if scheme and scheme not in WEB_SCHEMES:
            return Resolution(Kind.EXTERNAL)
        after_scheme = href.partition(":")[2] if scheme else ""
        if scheme and scheme == self.scheme and not after_scheme.startswith("//"):
            pass  # "https:x" on an https site: a browser reads "x" as a relative reference
        elif scheme or netloc or href.startswith("//"):
            if _host(netloc, scheme or self.scheme) not in self.hosts:
                return Resolution(Kind.EXTERNAL)
            return self._lookup(remove_dot_segments(path or "/"), fragment)
        if not path:
            # "#frag", "?query" or "": the page itself.
            return Resolution(Kind.SELF, fragment=fragment)
        if path.startswith("/"):
            return self._lookup(remove_dot_segments(path), fragment)
        base = self.page_path(page_url)
        return self._lookup(remove_dot_segments(base[: base.rfind("/") + 1] + path), fragment)

    def _lookup(self, path: str, fragment: str) -> Resolution:
        """What a browser finds at the absolute URL path `path` (dot segments removed)."""
        if not path.startswith(self.mount):
            if path + "/" == self.mount:
                path = self.mount  # "/docs" on a site mounted at "/docs/"
            else:
                return Resolution(Kind.EXTERNAL)
        site_path = path[len(self.mount) :]
        if "%" in site_path:
            site_path = unquote(site_path)
        file = self.files.get(site_path)
        if file is None and site_path in self.redirects:
            file = self.redirects[site_path]
            if file is None:
                return Resolution(Kind.EXTERNAL, path=site_path, fragment=fragment)
        if file is None:
            return Resolution(Kind.MISSING, path=site_path, fragment=fragment)
        if not file.is_page:
            return Resolution(Kind.ASSET, file.src_uri, site_path, fragment)
        if file.excluded:
            return Resolution(Kind.EXCLUDED, file.src_uri, site_path, fragment)
        return Resolution(Kind.PAGE, file.src_uri, site_path, fragment)


def relative_url(target_url: str, from_url: str) -> str:
    """The relative href from the page published at `from_url` to `target_url`.

    Both are `File.url`-style (percent-quoted, relative to the site root; `./` or `` for the
    homepage). Relative hrefs keep working under any mount path and under `mkdocs serve`.
    """
    target = "" if target_url in (".", "./") else target_url
    base = "" if from_url in (".", "./") else from_url
    base_dir = base[: base.rfind("/") + 1]
    target_parts = target.split("/")
    base_parts = base_dir.split("/")[:-1]
    common = 0
    for a, b in zip(base_parts, target_parts[:-1]):
        if a != b:
            break
        common += 1
    up = [".."] * (len(base_parts) - common)
    rest = target_parts[common:]
    href = "/".join(up + rest)
    if not href:
        return "./"
    if href.startswith("..") or not rest or rest == [""]:
        return href
    # A first segment with a colon would read as a scheme (`tel:x/`): keep it a path.
    return "./" + href if ":" in rest[0] else href
