"""Entry point of the built application: what the ``casedesk`` console script runs.

Without arguments (or only ``--db``/``--user``) it opens the window; with a
command, ``--help`` or ``--version`` it runs the command line.
"""

from app.__main__ import entry

if __name__ == "__main__":
    entry()
