"""Links from outside: inbound-link exports (Search Console, Bing Webmaster Tools, Ahrefs,
Semrush) and sibling sites' link-graph exports, read offline and matched to the build's pages.

- `formats`: recognise an export by its content and read its rows (pure, bytes in).
- `match`: which page a target URL reaches, through the site's resolver.
- `gather`: count the links per page, per linking site and per lost URL.
- `siblings`: the export's `outbound` list, and reading another site's export.
- `load`: the files the options name, read with one warning per problem.
"""

from mkdocs_backlinks.core.inbound.formats import OutsideLink, read_export
from mkdocs_backlinks.core.inbound.gather import Inbound
from mkdocs_backlinks.core.inbound.match import Reach, Target, TargetMatcher

__all__ = ["Inbound", "OutsideLink", "Reach", "Target", "TargetMatcher", "read_export"]
