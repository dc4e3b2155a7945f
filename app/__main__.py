"""``python -m app`` / ``casedesk``: the GUI without arguments, the CLI with them."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``casedesk`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    from app.cli import build_parser, run

    if not args:
        build_parser().print_help()
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
