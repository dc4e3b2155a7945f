"""Entry point of the built application: what the ``casedesk`` console script runs.

Without arguments (or only ``--db``/``--user``) it opens the window; with a
command, ``--help`` or ``--version`` it runs the command line.
"""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
