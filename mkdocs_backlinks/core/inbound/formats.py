"""Read the CSV exports of outside links that consoles and SEO tools write, offline.

A file is recognised by what it holds, never by its name: first by its header row (headers are
translated into the console's language, so each field has its names in several languages), then,
for Google Search Console's short exports, by the shape of its rows (a column of URLs or hosts,
then numbers or dates), whatever the header says. Every row becomes one plain record; a row that
cannot be read is one problem line naming the file and the row, and the rest is kept.
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    BinaryIO,
    Callable,
    Dict,
    FrozenSet,
    Iterable,
    Iterator,
    List,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Union,
    overload,
)

if TYPE_CHECKING:
    from _csv import _reader

__all__ = [
    "ExportFile",
    "FIELDS",
    "FORMATS",
    "LinkRecord",
    "Links",
    "OutsideLink",
    "PageCount",
    "SiteCount",
    "parse_count",
    "read_export",
    "recognise_header",
    "recognise_shape",
]

MAX_PROBLEMS_PER_FILE = 20
"""Problem lines reported for one file; the rows beyond are counted in one more line."""

SHAPE_ROWS = 20
"""Rows looked at to recognise an export by its shape."""


class OutsideLink(NamedTuple):
    """One link from a page of another site to a URL of this one. Every text is untrusted."""

    source: str
    """The linking page's URL, as the export writes it."""
    target: str
    """The URL it links to, as the export writes it."""
    anchor: str = ""
    title: str = ""
    """The linking page's title."""
    before: str = ""
    after: str = ""
    """The text around the link on the linking page (Ahrefs' left and right context)."""
    section: str = ""
    """The section of the linking page the link sits in (sibling sites)."""
    nofollow: bool = False
    origin: str = ""
    """Where the record comes from: the export's file name, or the sibling site's URL."""


LinkRecord = Tuple[str, str, str, str, str, str, str, bool, str]
"""An OutsideLink's fields as a plain tuple, the way the links of an export are kept: the cycle
collector stops tracking a plain tuple of strings after its first look, never a named tuple, and
making one costs no Python call. Made as named tuples, the 190,000 links of a 200,000-row export
took 0.07 s longer to read, and each full collection of the rest of the build 0.37 s longer."""


class Links(Sequence[OutsideLink]):
    """An export's links, kept as plain records (see LinkRecord); each an OutsideLink when asked."""

    def __init__(self, records: Optional[List[LinkRecord]] = None) -> None:
        self.records: List[LinkRecord] = [] if records is None else records

    def __len__(self) -> int:
        return len(self.records)

    @overload
    def __getitem__(self, index: int) -> OutsideLink: ...

    @overload
    def __getitem__(self, index: slice) -> List[OutsideLink]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[OutsideLink, List[OutsideLink]]:
        if isinstance(index, slice):
            return [OutsideLink._make(record) for record in self.records[index]]
        return OutsideLink._make(self.records[index])

    def __iter__(self) -> Iterator[OutsideLink]:
        return map(OutsideLink._make, self.records)

    def append(self, link: LinkRecord) -> None:
        self.records.append(tuple(link))  # type: ignore[arg-type]  # an OutsideLink kept plain

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, (Links, list)) else NotImplemented

    def __repr__(self) -> str:
        return f"Links({list(self)!r})"


class PageCount(NamedTuple):
    """Search Console's "Top linked pages": a URL of this site, its links and linking sites."""

    target: str
    links: int
    sites: int


class SiteCount(NamedTuple):
    """Search Console's "Top linking sites" (or Bing's domains): a site and its linking pages."""

    site: str
    pages: int


@dataclass
class ExportFile:
    """What one export file held."""

    name: str
    """The file as the user named it (for messages)."""
    format: str = ""
    """Which export it is ("" when it matches none)."""
    links: Links = field(default_factory=Links)
    page_counts: List[PageCount] = field(default_factory=list)
    site_counts: List[SiteCount] = field(default_factory=list)
    linking_pages: List[str] = field(default_factory=list)
    """Linking pages without their targets (Search Console's "Latest links")."""
    rows: int = 0
    dropped: int = 0
    """Rows for links the tool says are gone (Ahrefs' "Lost", Semrush's "Lost link")."""
    problems: List[str] = field(default_factory=list)
    more_problems: int = 0

    def problem(self, line: str) -> None:
        if len(self.problems) < MAX_PROBLEMS_PER_FILE:
            self.problems.append(line)
        else:
            self.more_problems += 1


# --- Headers --------------------------------------------------------------------------------------

_NOT_WORD = re.compile(r"[\W_]+")


def header_key(cell: str) -> str:
    """A header cell made comparable: case folded, quotes and punctuation as single spaces."""
    return _NOT_WORD.sub(" ", cell.casefold()).strip()


def _names(*names: str) -> FrozenSet[str]:
    return frozenset(header_key(name) for name in names)


# Each field's names: English as the tools write them, Hebrew as in Search Console's Hebrew
# exports, and Spanish, German and French as those consoles word the same reports.
FIELDS: Dict[str, FrozenSet[str]] = {
    "target_page": _names(
        "Target page",
        "Top linked pages",
        "Linked page",
        "דף יעד",
        "דף מקושר",
        "Página de destino",
        "Páginas más enlazadas",
        "Zielseite",
        "Am häufigsten verlinkte Seiten",
        "Page cible",
        "Pages les plus liées",
    ),
    "incoming_links": _names(
        "Incoming links",
        "External links",
        "קישורים נכנסים",
        "Enlaces entrantes",
        "Enlaces externos",
        "Eingehende Links",
        "Externe Links",
        "Liens entrants",
        "Liens externes",
    ),
    "linking_sites": _names(
        "Linking sites",
        "אתרים מקשרים",
        "Sitios que enlazan",
        "Sitios web que enlazan",
        "Verlinkende Websites",
        "Sites associés",
        "Sites d'origine des liens",
    ),
    "site": _names(
        "Site",
        "Top linking sites",
        "Linking site",
        "Domain",
        "אתר",
        "אתר מקשר",
        "Sitio",
        "Sitio web",
        "Dominio",
        "Website",
        "Domäne",
        "Domaine",
    ),
    "linking_pages": _names(
        "Linking pages",
        "Backlinks Count",
        "דפים מקשרים",
        "Páginas que enlazan",
        "Verlinkende Seiten",
        "Pages associées",
        "Pages d'origine des liens",
    ),
    "target_pages": _names(
        "Target pages",
        "דפי יעד",
        "Páginas de destino",
        "Zielseiten",
        "Pages cibles",
    ),
    "linking_page": _names(
        "Linking page",
        "דף מקשר",
        "Página que enlaza",
        "Verlinkende Seite",
        "Page associée",
        "Page d'origine du lien",
    ),
    "last_crawled": _names(
        "Last crawled",
        "נסרק לאחרונה",
        "Último rastreo",
        "Zuletzt gecrawlt",
        "Dernière exploration",
    ),
    # Bing Webmaster Tools, Ahrefs and Semrush export with English headers.
    "source_url": _names("Source Url", "Referring page URL"),
    "target_url": _names("Target Url"),
    "anchor": _names("Anchor text", "Anchor"),
    "source_title": _names("Source title", "Referring page title"),
    "left_context": _names("Left context"),
    "right_context": _names("Right context"),
    "nofollow": _names("Nofollow"),
    "lost": _names("Lost", "Lost link"),
}

# How each format is told from the others: its name, marker headers (one of which it must
# have), the fields it must have, and what its rows are (`links`, `pages`, `sites` or `sources`).
# Most specific first: Ahrefs' and Semrush's headers hold Bing's fields too.
FORMATS: Tuple[Tuple[str, Tuple[str, ...], Tuple[str, ...], str], ...] = (
    ("Ahrefs backlinks", ("Referring page URL",), ("source_url", "target_url"), "links"),
    ("Semrush backlinks", ("Source title", "Page ascore"), ("source_url", "target_url"), "links"),
    ("Bing Webmaster Tools backlinks", (), ("source_url", "target_url"), "links"),
    ("Bing Webmaster Tools linking domains", ("Backlinks Count",), ("site", "linking_pages"), "sites"),
    ("Search Console top linked pages", (), ("target_page", "incoming_links"), "pages"),
    ("Search Console top linked pages", (), ("target_page", "linking_sites"), "pages"),
    ("Search Console top linking sites", (), ("site", "linking_pages"), "sites"),
    ("Search Console latest links", (), ("linking_page",), "sources"),
)
KINDS = {name: kind for name, _, _, kind in FORMATS}


def _columns(header: Sequence[str]) -> Dict[str, int]:
    """Each known field's column in `header` (the first one holding it)."""
    by_key: Dict[str, str] = {}
    for name, names in FIELDS.items():
        for key in names:
            by_key.setdefault(key, name)
    columns: Dict[str, int] = {}
    for index, cell in enumerate(header):
        found = by_key.get(header_key(cell))
        if found is not None:
            columns.setdefault(found, index)
    return columns


def recognise_header(header: Sequence[str]) -> Tuple[str, Dict[str, int]]:
    """The format a header row names, and where each field is ("" when none fits)."""
    columns = _columns(header)
    keys = {header_key(cell) for cell in header}
    for name, markers, needed, _ in FORMATS:
        if markers and not keys & _names(*markers):
            continue
        if all(field_name in columns for field_name in needed):
            return name, columns
    return "", columns


_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)
_HOST = re.compile(r"^(?!https?://)[^\s/:@]+\.[^\s/:@]+$", re.IGNORECASE)


def _is_count(cell: str) -> bool:
    return parse_count(cell) is not None


def recognise_shape(rows: Sequence[Sequence[str]]) -> Tuple[str, Dict[str, int]]:
    """The Search Console export some rows look like, whatever their header's language: URLs
    with two numbers (top linked pages), hosts with two numbers (top linking sites), URLs with a
    date or nothing (latest links, sample links)."""
    sample = [row for row in rows[:SHAPE_ROWS] if any(cell.strip() for cell in row)]
    if not sample:
        return "", {}

    def column_is(index: int, test: "re.Pattern[str]") -> bool:
        return all(len(row) > index and test.match(row[index].strip()) for row in sample)

    def counts(index: int) -> bool:
        return all(len(row) > index and _is_count(row[index]) for row in sample)

    width = max(len(row) for row in sample)
    if width >= 3 and counts(1) and counts(2):
        if column_is(0, _URL):
            return "Search Console top linked pages", {"target_page": 0, "incoming_links": 1, "linking_sites": 2}
        if column_is(0, _HOST):
            return "Search Console top linking sites", {"site": 0, "linking_pages": 1}
    if width <= 2 and column_is(0, _URL):
        return "Search Console latest links", {"linking_page": 0}
    return "", {}


# --- Cells ------------------------------------------------------------------------------------------

_DIGIT_GROUPS = re.compile(r"^\d{1,3}(?:[,.\s\u00a0\u202f']\d{3})+$")


def parse_count(cell: str) -> Optional[int]:
    """A whole number as consoles write it: `56`, `1,240`, `1.240`, `1 240` (None otherwise)."""
    text = cell.strip()
    if text.isdigit():
        return int(text)
    if _DIGIT_GROUPS.match(text):
        return int(re.sub(r"\D", "", text))
    return None


_TRUE = frozenset({"true", "yes", "1", "nofollow", "x"})


def _flag(cell: str) -> bool:
    return cell.strip().casefold() in _TRUE


def _cell(row: Sequence[str], columns: Dict[str, int], name: str) -> str:
    index = columns.get(name)
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


# --- Bytes to rows -------------------------------------------------------------------------------


def text_lines(data: Union[bytes, BinaryIO], report: "ExportFile") -> Iterable[str]:
    """The lines of an export's text (its bytes, or the file open to read them), with their line
    ends: UTF-16 with its BOM (as some consoles and spreadsheets write), UTF-8 with or without a
    BOM; a line that is not UTF-8 (a file put together from two encodings) is read as
    Windows-1252 and named in a problem line."""
    if not isinstance(data, bytes):
        head = data.read(200)
        size = data.seek(0, io.SEEK_END)
        data.seek(0)
        if _is_utf16(head) and not size % 2:
            # Decoded as it is read from the file, never held whole: a build reading a 200,000-row
            # export of 90 MiB peaked at 191 MiB instead of 270 MiB.
            return io.TextIOWrapper(data, encoding=_utf16(head), errors="replace", newline="")
        data = data.read()
    if _is_utf16(data):
        encoding = _utf16(data)
        if len(data) % 2:
            report.problem(f"'{report.name}': the file ends in the middle of a character (truncated?)")
            data = data[:-1]
        # Decoded as it is read, never held as one string: a 200,000-row export of 90 MiB read
        # 0.15 s faster than decoded whole and read again through a StringIO (which copies it
        # to four bytes a character).
        return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="replace", newline="")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        lines = []
        for number, line in enumerate(data.split(b"\n"), start=1):
            try:
                lines.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                report.problem(f"'{report.name}', line {number}: not UTF-8; read as Windows-1252")
                lines.append(line.decode("cp1252", errors="replace"))
        text = "\n".join(lines)
    return io.StringIO(text, newline="")


def _is_utf16(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data)


def _utf16(data: bytes) -> str:
    """The codec reading UTF-16 `data`: by its BOM, else little-endian."""
    return "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-16-le"


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 LE without a BOM: text whose every other byte of the first ones is NUL."""
    head = data[:200]
    return len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0


def _delimiter(first_line: str) -> str:
    """The separator the header row uses most: comma, tab or semicolon."""
    counts = {sep: first_line.count(sep) for sep in (",", "\t", ";")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def rows_of(lines: Iterable[str], report: "ExportFile") -> Tuple[Callable[[], int], Iterator[List[str]]]:
    """The rows of CSV `lines`, read as they are used (an export of 200,000 rows of 19 columns
    is never held as cells all at once), and what tells the line the last row read ends on. A
    row the CSV reader cannot read (a cell over its size limit) is a problem line, and reading
    goes on after it.

    Lines are split at their separators up to the first with a quote (or a NUL, which Python
    before 3.11 refuses, or a cell that may be over the reader's size limit); from that line on,
    the CSV reader reads the rest. Split, a line gives the very cells the reader would, at half
    its cost: a 200,000-row export of 19 columns without quotes read 0.14 s faster. Handing each
    quoted line to the reader on its own cost 0.09 s more on Bing's export, every cell quoted."""
    source = iter(lines)
    first: List[str] = []
    for line in source:  # the header row's line, up to its "\n", chooses the separator
        first.append(line)
        if line.endswith("\n"):
            break
    delimiter = _delimiter("".join(first).rstrip("\n"))
    source = itertools.chain(first, source)
    split = 0  # the lines split
    reader: Optional["_reader"] = None

    def rows() -> Iterator[List[str]]:
        nonlocal split, reader
        limit = csv.field_size_limit()
        for line in source:
            if '"' in line or "\0" in line or len(line) > limit:
                break
            split += 1
            cells = line.rstrip("\r\n")
            yield cells.split(delimiter) if cells else []  # a blank line: no cell, as the reader reads it
        else:
            return
        reader = csv.reader(itertools.chain([line], source), delimiter=delimiter)
        failed_at = -1
        while True:
            try:
                yield from reader  # the C reader's own loop; restarted after a bad row
                return
            except csv.Error as error:
                if reader.line_num == failed_at:
                    return  # no progress: nothing more can be read
                failed_at = reader.line_num
                report.problem(f"'{report.name}', line {split + failed_at}: {error}; row skipped")

    return lambda: split + (reader.line_num if reader is not None else 0), rows()


# --- Rows to records ---------------------------------------------------------------------------------


def read_export(name: str, data: Union[bytes, BinaryIO]) -> ExportFile:
    """Read one export file, its bytes or the file open to read them (then a UTF-16 export is
    decoded as it is read, never held whole); `name` names it in problem lines."""
    report = ExportFile(name)
    line_now, rows = rows_of(text_lines(data, report), report)
    numbered = ((line_now(), row) for row in rows)
    first = next((pair for pair in numbered if any(cell.strip() for cell in pair[1])), None)
    if first is None:
        report.problem(f"'{name}': empty file; no outside links read from it")
        return report
    header = [cell.lstrip("\ufeff") for cell in first[1]]
    fmt, columns = recognise_header(header)
    head = list(itertools.islice(numbered, SHAPE_ROWS))
    body: List[Tuple[int, List[str]]] = head
    if not fmt:
        # No header we know: maybe Search Console's, in a language we do not know, or no header.
        fmt, columns = recognise_shape([row for _, row in head])
        if not fmt:
            fmt, columns = recognise_shape([header])
            body = [first] + head if fmt else body
    if not fmt:
        # One line for the file: what else it held (its lines' encodings...) no longer matters.
        report.problems, report.more_problems = [], 0
        report.problem(
            f"'{name}': not an export of outside links this plugin knows (header: {', '.join(header)[:120]!r}); "
            "expected Search Console's Links report, or Bing Webmaster Tools', Ahrefs' or Semrush's backlinks"
        )
        return report
    report.format = fmt
    if KINDS[fmt] == "links":
        # Read whole, then counted: counted as they were read (a page keeping only the links it
        # may show), the 200,000 links of the benchmark's export took 0.15 s longer in a build.
        report.links.records.extend(_read_links(report, columns, body, rows, line_now))
    else:
        _read_rows(report, fmt, columns, itertools.chain(body, numbered))
    return report


def _read_rows(report: ExportFile, fmt: str, columns: Dict[str, int], body: Iterable[Tuple[int, List[str]]]) -> None:
    """The rows of Search Console's exports, which count links (a few thousand rows at most)."""
    name = report.name
    kind = KINDS[fmt]
    width = max(columns.values()) + 1 if columns else 1
    cell = _cell
    problem = report.problem
    for line, row in body:
        if len(row) <= 1 and not (row and row[0].strip()):
            continue  # a blank line
        report.rows += 1
        if len(row) < width and kind != "sources":
            problem(f"'{name}', line {line}: {len(row)} column(s) where {width} are needed; row skipped")
            continue
        if kind == "pages":
            target = cell(row, columns, "target_page")
            links = parse_count(cell(row, columns, "incoming_links")) if "incoming_links" in columns else 0
            sites = parse_count(cell(row, columns, "linking_sites")) if "linking_sites" in columns else 0
            if not target or links is None or sites is None:
                problem(f"'{name}', line {line}: expected a URL and numbers; row skipped")
                continue
            report.page_counts.append(PageCount(target, links, sites))
        elif kind == "sites":
            site, pages = cell(row, columns, "site"), parse_count(cell(row, columns, "linking_pages"))
            if not site or pages is None:
                problem(f"'{name}', line {line}: expected a site and a number; row skipped")
                continue
            report.site_counts.append(SiteCount(site, pages))
        else:
            page = cell(row, columns, "linking_page")
            if not page:
                problem(f"'{name}', line {line}: no linking page; row skipped")
                continue
            report.linking_pages.append(page)


_LINK_FIELDS = (
    "source_url",
    "target_url",
    "anchor",
    "source_title",
    "left_context",
    "right_context",
    "nofollow",
    "lost",
)


def _read_links(
    report: ExportFile,
    columns: Dict[str, int],
    head: List[Tuple[int, List[str]]],
    rows: Iterator[List[str]],
    line_now: Callable[[], int],
) -> Iterator[LinkRecord]:
    """The links of an export listing them one by one: the first rows (`head`, read with their
    line numbers), then the rest straight from the reader. Written for speed (Ahrefs' exports
    run to hundreds of thousands of rows of 19 columns): the loop makes one plain record per
    link (see LinkRecord) and no other object, and counts in local names."""
    name = report.name
    problem = report.problem
    width = max(columns.values()) + 1
    # The cells in one C call; a field the export lacks reads the empty cell put at the row's end.
    get = operator.itemgetter(*[columns.get(field_name, -1) for field_name in _LINK_FIELDS])
    fills = any(field_name not in columns for field_name in _LINK_FIELDS)
    flags: Dict[str, bool] = {}  # each distinct Nofollow cell read once ("true", "false", "")
    heads = len(head)
    count = 0
    for index, row in enumerate(itertools.chain([row for _, row in head], rows)):
        if len(row) <= 1 and not (row and row[0].strip()):
            continue  # a blank line
        count += 1
        if len(row) < width:
            line = head[index][0] if index < heads else line_now()
            problem(f"'{name}', line {line}: {len(row)} column(s) where {width} are needed; row skipped")
            continue
        if fills:
            row.append("")
        source, target, anchor, title, before, after, nofollow, lost = get(row)
        source, target = source.strip(), target.strip()
        if lost and not _is_live(lost):
            report.dropped += 1
        elif not source or not target:
            line = head[index][0] if index < heads else line_now()
            problem(f"'{name}', line {line}: no linking page or no target URL; row skipped")
        else:
            flag = flags.get(nofollow)
            if flag is None:
                flag = flags[nofollow] = _flag(nofollow)
            yield (source, target, anchor, title, before, after, "", flag, name)
    report.rows += count


def _is_live(lost: str) -> bool:
    """Whether a "Lost" cell says the link still exists: empty, `false`, `0`, `no`."""
    return lost.strip().casefold() in ("", "false", "0", "no", "-")
