"""`python -m mkdocs_backlinks SITE_DIR`: the post-build command."""

import sys

from mkdocs_backlinks.command.cli import main

sys.exit(main())
