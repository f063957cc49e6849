"""The plugin's options, as written under `backlinks:` in `mkdocs.yml`.

Every option is validated by MkDocs itself, so a wrong type or an unknown value is reported as
`Config value 'plugins'...` naming the option, like any other MkDocs setting.
"""

from __future__ import annotations

from typing import List, Mapping, Optional, Tuple

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from mkdocs_backlinks.core.globs import GlobList

__all__ = ["LEVELS", "BacklinksConfig", "LabelsConfig", "OptionsError", "load_options"]

LEVELS = ("ignore", "info", "warn", "error")
"""How loudly a check reports what it finds; `warn` fails `mkdocs build --strict`, `error` fails
`mkdocs build` outright (but never stops `mkdocs serve`)."""


class ShareOption(c.OptionallyRequired[float]):
    """A share of the site, written as a number between 0 and 1 (`0.5`) or a percentage (`50%`)."""

    # OptionallyRequired (the base of c.Type) for its handling of `null`: the default applies.
    # Not c.Type: the value is written as a number or a string, and validates to a float.

    def __init__(self, default: float) -> None:
        super().__init__(default=default)

    def run_validation(self, value: object) -> float:
        try:
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, str):
                share = float(value[:-1]) / 100 if value.endswith("%") else float(value)
            elif isinstance(value, (int, float)):
                share = float(value)
            else:
                raise ValueError
        except ValueError:
            raise ValidationError(f"Expected a share of the site like 0.5 or '50%', got {value!r}") from None
        if not 0 < share <= 1:
            raise ValidationError(f"Expected a share of the site above 0 and at most 1 (100%), got {value!r}")
        return share


class SitePathOption(c.Optional[str]):
    """A file to write into `site_dir`, as a relative path with `/` (e.g. `links.json`)."""

    def __init__(self, suffixes: "tuple[str, ...]") -> None:
        super().__init__(c.Type(str))
        self.suffixes = suffixes

    def run_validation(self, value: object) -> Optional[str]:
        path = super().run_validation(value)
        if path is None:
            return None
        parts = path.split("/")
        if (
            not path
            or path.startswith("/")
            or "\\" in path
            or ":" in parts[0]
            or any(p in ("", ".", "..") for p in parts)
        ):
            raise ValidationError(
                f"Expected a relative path inside site_dir like 'links{self.suffixes[0]}', got {path!r}"
            )
        if not path.endswith(self.suffixes):
            raise ValidationError(f"Expected a file name ending in {' or '.join(self.suffixes)}, got {path!r}")
        return path


class GlobListOption(base.BaseConfigOption[GlobList]):
    """A list of gitignore-like globs matched against source paths (`guide/*.md`, `blog/**`)."""

    def __init__(self) -> None:
        super().__init__()
        no_patterns: List[str] = []
        self.default = no_patterns
        # Written as a list of strings, validated (and reported) as MkDocs does for any list.
        self._patterns = c.ListOfItems(c.Type(str), default=[])
        # A Config requires every option of its schema: `null` is a mistake, not the default.
        self._patterns.required = True

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self._patterns.pre_validation(config, key_name)

    def run_validation(self, value: object) -> GlobList:
        patterns = self._patterns.validate(value)
        try:
            return GlobList(patterns)
        except ValueError as error:
            raise ValidationError(str(error)) from None


class TocOption(c.Type[bool]):
    """`toc: true` adds the panel to the table of contents, which only works where the plugin
    places the panel itself."""

    def __init__(self) -> None:
        super().__init__(bool, default=False)

    def post_validation(self, config: base.Config, key_name: str) -> None:
        # A warning rather than an error: the build is still right (no TOC entry), and
        # `--strict` turns it into a failure for those who want contradictions caught.
        if config[key_name] and config.get("placement") == "template":
            self.warnings.append(
                "'toc: true' has no effect with 'placement: template' (the theme places the panel, "
                "and its table of contents); use 'placement: bottom' or drop 'toc'"
            )


class CountOption(c.Type[int]):
    """A whole number, at least zero (YAML booleans are not numbers here)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(f"Expected a whole number, 0 or more, but received: {value!r}")
        return value


class NumberChoice(c.Choice[int]):
    """One of a few whole numbers: `Choice` alone would take YAML's `true` for `1`."""

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):
            raise ValidationError(f"Expected one of: {self.choices} but received: {value!r}")
        return super().run_validation(value)


class GraphPageOption(SitePathOption):
    """`graph_page`: an HTML path in `site_dir`, which must not be the report's own file."""

    def __init__(self) -> None:
        super().__init__((".html", ".htm"))

    def post_validation(self, config: base.Config, key_name: str) -> None:
        if config[key_name] is not None and config[key_name] == config.get("report_file"):
            raise ValidationError(
                f"'{key_name}' and 'report_file' name the same file, {config[key_name]!r}; give each its own"
            )


class LabelsConfig(base.Config):
    """The panel's words. Unset ones come in the theme's language (`theme.language`, else
    `theme.locale`), falling back to English."""

    title = c.Optional(c.Type(str))
    """The panel's heading. Default: `Pages linking here`."""

    empty = c.Optional(c.Type(str))
    """The line shown when no page links here (with `show_when_empty: true`).
    Default: `No pages link here yet.`"""

    more = c.Optional(c.Type(str))
    """The summary of the collapsed entries beyond `max_entries`; `{count}` is their number.
    Default: `and {count} more`."""

    count = c.Optional(c.Type(str))
    """The tooltip of an entry's link count (shown when a page links here more than once).
    Default: `Number of links`."""

    more_links = c.Optional(c.Type(str))
    """The line under an entry's occurrences beyond `max_occurrences`; `{count}` is the number
    of links they hold. Default: `and {count} more from this page`."""

    mentions = c.Optional(c.Type(str))
    """The summary of the collapsed part listing the pages that name this one without linking
    to it (with `mentions_in_panel: true`). Default: `Mentioned without a link`."""

    inbound = c.Optional(c.Type(str))
    """The summary of the collapsed part listing links from other sites (with
    `inbound_in_panel: true`). Default: `Linked from other sites`."""


class SiblingSiteConfig(base.Config):
    """One other site whose pages' links into this one count as links from outside."""

    graph_file = c.Type(str)
    """That site's link-graph export (its `graph_file`), a path relative to this config file's
    folder."""

    url = c.URL()
    """The URL that site is published at (its `site_url`), e.g. `https://example.org/api/`."""


class BacklinksConfig(base.Config):
    """Options of the `backlinks` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off, e.g. `enabled: !ENV [BACKLINKS, true]` for quick local builds."""

    show_when_empty = c.Type(bool, default=False)
    """On a page no other page links to: `false` adds no panel, `true` adds the panel with a short
    "no pages link here" line."""

    sort = c.Choice(("nav", "title", "count"), default="nav")
    """Order of the panel's entries: `nav` follows the site navigation (pages outside it come
    after, by title); `title` sorts by title; `count`: most links first, then nav order."""

    context = c.Choice(("titles", "sections", "snippets"), default="snippets")
    """What each entry shows under the linking page's title: `titles`: nothing more;
    `sections`: the sections of that page the links sit in, each linking there; `snippets`:
    each link's section and the text around it."""

    snippet_length = CountOption(default=160)
    """About how many characters of text a snippet shows around the link text, split between
    before and after it."""

    max_occurrences = CountOption(default=5)
    """Occurrences (sections or snippets) shown under each entry; the links of the rest are
    summed up in one line ("and 1995 more from this page"). Links that would show the same
    section and snippet are one occurrence, with their count. 0: no limit of its own, but a
    panel never shows more than 100 occurrences in all, whatever the site."""

    max_entries = CountOption(default=10)
    """Entries shown in full before the rest collapse behind a native "and N more" disclosure,
    listed by title (no context); 0 shows every entry in full."""

    group_by_section = c.Type(bool, default=False)
    """Group entries under the top-level nav section of the linking page."""

    placement = c.Choice(("bottom", "template"), default="bottom")
    """`bottom`: the panel is appended to the page content. `template`: nothing is added to
    the content; the theme places `{{ backlinks.html }}` itself."""

    toc = TocOption()
    """Add the panel's title to the page's table of contents (only where the panel shows, with
    `placement: bottom`)."""

    ignore_links_from = GlobListOption()
    """Source paths (globs) whose links appear in no panel, e.g. tag or index pages. A page can
    do the same with `backlinks_from_here: false` in its front matter."""

    ignore_links_to = GlobListOption()
    """Source paths (globs) that get no panel: links to them are not listed. A page can do the
    same with `backlinks_panel: false` (or Material's `hide: [backlinks]`) in its front matter."""

    listings_in_panels = c.Type(bool, default=False)
    """Whether the links of pages that Material's tags and blog plugins fill with automatic
    lists (tag listings, the blog index, archive and category pages) appear in panels. `false`:
    they don't, so "Tags" does not top every tagged page's panel; they still count for orphans
    and reachability."""

    stylesheet = c.Type(bool, default=True)
    """Add the plugin's small stylesheet to `extra_css` (only when some page shows a panel)."""

    labels = c.SubConfig(LabelsConfig)
    """Override the panel's words."""

    orphans = c.Choice(LEVELS, default="warn")
    """What to do about orphaned pages (built pages no other page's content links to):
    `ignore`, `info`, `warn` (the default; fails `mkdocs build --strict`) or `error` (fails
    `mkdocs build`). The homepage is never an orphan."""

    orphans_exempt = GlobListOption()
    """Source paths (globs, relative to `docs_dir`) that may be orphans, e.g. `[changelog.md,
    "drafts/**"]`. A page can also exempt itself with `orphan: true` in its front matter."""

    # --- Link-health checks, metrics and exports (see checks.py, metrics.py, export.py) -------

    unreachable = c.Choice(LEVELS, default="warn")
    """Pages a reader cannot get to: not in the nav, and not linked from any page that can be
    reached from the homepage or the nav."""

    unreachable_exempt = GlobListOption()
    """Source paths (globs) that may be unreachable."""

    dead_ends = c.Choice(LEVELS, default="info")
    """Pages whose content links to no other page."""

    dead_ends_exempt = GlobListOption()
    """Source paths (globs) that may be dead ends."""

    broken_links = c.Choice(LEVELS, default="warn")
    """Links in page content that lead to no page of the built site, grouped by target, with a
    "did you mean" suggestion."""

    broken_links_exempt = GlobListOption()
    """Globs for linking pages whose broken links are not reported, or for targets (as source
    paths or site paths) that may be missing."""

    hubs = c.Choice(LEVELS, default="info")
    """Pages that link to a large share of the site (indexes, tag listings)."""

    hubs_exempt = GlobListOption()
    """Source paths (globs) of pages that may be hubs."""

    hubs_share = ShareOption(default=0.5)
    """The share of the site's other pages a page must link to to be a hub (`0.5` or `"50%"`);
    a hub also links to at least 10 pages."""

    count_nofollow = c.Type(bool, default=True)
    """Whether links marked `rel="nofollow"`, `ugc` or `sponsored` count in the metrics (inlinks,
    outlinks, link score, depth). They are recorded either way."""

    graph_file = SitePathOption((".json",))
    """Write the link graph, metrics and findings as JSON to this path inside `site_dir`
    (e.g. `links.json`). Off by default."""

    report_file = SitePathOption((".html", ".htm"))
    """Write a readable link-health report to this path inside `site_dir`
    (e.g. `link-report.html`). Off by default."""

    # --- The link graph views (see local_graph.py and site_graph.py) ----------------------------

    local_graph = c.Type(bool, default=False)
    """Draw the page's neighbourhood in the panel as an inline SVG: the pages linking here, the
    pages it links to, each a link; laid out at build time, no JavaScript."""

    local_graph_depth = NumberChoice((1, 2), default=1)
    """How far the local graph reaches: `1`, the pages linking here and linked from here; `2`,
    also their own neighbours, in an outer column."""

    local_graph_max_nodes = CountOption(default=12)
    """Pages drawn in the local graph at most, the best-linked first; the rest are counted in a
    "+N more" line. 0 draws every one."""

    graph_page = GraphPageOption()
    """Write an interactive graph of every page and link to this path inside `site_dir`
    (e.g. `graph.html`), with its script and stylesheet beside it. Off by default."""

    # --- Unlinked mentions and related pages (see mentions.py, related.py) ---------------------

    unlinked_mentions = c.Choice(LEVELS, default="ignore")
    """Pages whose title or an alias (front matter `aliases: [...]`) is written in another page's
    prose, as whole words and in any case, where that page does not link to it: each one is a
    link to add. Off (`ignore`) by default; `info`, `warn` or `error` report them, in one summary
    grouped by mentioned page."""

    unlinked_mentions_exempt = GlobListOption()
    """Source paths (globs) of pages that may be mentioned without a link: their mentions are not
    reported by the check (they still show in the export, the report and the panel)."""

    mentions_exempt = GlobListOption()
    """Source paths (globs) of pages left out of mention detection on both sides: their prose is
    not read, and their titles are not looked for (e.g. `[changelog.md, "blog/**"]`). A page can
    do the same with `backlinks_mentions: false` in its front matter."""

    mentions_min_length = CountOption(default=4)
    """Titles and aliases shorter than this many characters are never looked for ("Go", "API");
    a Chinese or Japanese character counts as two."""

    mentions_max_share = ShareOption(default=0.2)
    """A title found in the prose of more than this share of the site's pages (and of at least 5
    pages) is a word of the site's language rather than the name of one page, and is not
    reported (`0.2` or `"20%"`)."""

    mentions_in_panel = c.Type(bool, default=False)
    """Add a collapsed "Mentioned without a link" part to each page's panel, listing the pages
    that name it without linking to it, each with the sentence, the mention marked."""

    related_pages = CountOption(default=0)
    """How many related pages not yet linked to list for each page in the JSON export and the
    report: the pages most alike by their prominent words, between which no link exists either
    way. 0 (the default) computes nothing."""

    # --- Links from outside (see core/inbound/) ------------------------------------------------

    inbound_links = c.ListOfItems(c.Type(str), default=[])
    """CSV exports of links from other sites (Search Console's Links report, Bing Webmaster
    Tools', Ahrefs' or Semrush's backlinks), as files or globs relative to the config file's
    folder. Read offline; nothing is fetched."""

    sibling_sites = c.ListOfItems(c.SubConfig(SiblingSiteConfig), default=[])
    """Other sites built with this plugin, each `{graph_file: ..., url: ...}`: the links of their
    pages into this site count as links from outside, with their titles and sections."""

    inbound_in_panel = c.Type(bool, default=False)
    """Add a collapsed "Linked from other sites" part to each page's panel, listing the linking
    pages or sites with their anchor text and context."""

    lost_inbound_links = c.Choice(LEVELS, default="warn")
    """URLs of this site that links from outside lead to, where this build has no page and no
    redirect: reported with the page each most likely became and the `redirect_maps` entries
    that keep those links working."""

    lost_inbound_links_exempt = GlobListOption()
    """Site paths (globs, e.g. `old/**`) of lost URLs that need not be reported."""

    # --- The post-build command only (`mkdocs-backlinks SITE_DIR`) --------------------------------

    content_selector = c.Optional(c.Type(str))
    """Where a built page's content is, for themes and generators the command does not know: a
    tag (`main`), `.class`, `#id` or `[attr=value]`, or several together (`div.content`). Unset:
    Zensical's and Material's `article.md-content__inner`, MkDocs 2.0's `<main>`, and the
    content of the `mkdocs` and `readthedocs` themes. The plugin ignores it."""


class OptionsError(Exception):
    """Options that do not validate; the message is one line naming the option."""


def load_options(raw: Mapping[str, object]) -> Tuple[BacklinksConfig, List[str]]:
    """Validate options written as for the plugin (a front end that is not MkDocs reads them
    from the site's config file) with the same rules and messages as MkDocs gives the plugin.
    Returns the options and the warnings; raises OptionsError for the first mistake."""
    options = BacklinksConfig()
    options.load_dict(dict(raw))
    errors, warnings = options.validate()
    if errors:
        name, error = errors[0]
        raise OptionsError(f"option '{name}': {error}")
    return options, [f"option '{name}': {warning}" for name, warning in warnings]
