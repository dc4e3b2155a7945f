"""What the window says where a service's message gives command-line advice.

Services and rules write one message for every interface, and some tell
the user which ``casedesk`` command to run next ("see 'casedesk case
list'", "('credential-request provided')"). The window never names a
command: :func:`for_window` drops a pointer to a list the window already
shows, keeps the window's own alternative where the message gives both,
and says the rest in the window's words.
"""

from __future__ import annotations

import re

from app.ui.i18n import tr

_C = "Wording"


def _rules() -> list[tuple[re.Pattern[str], str]]:
    return [
        # "(Discipline tab, or 'casedesk discipline set')": the window's way is given.
        (re.compile(r",\s*or\s+'casedesk [^']*'"), ""),
        # "; see 'casedesk case list'." and "(see 'casedesk policy list')": the window
        # shows its lists already.
        (re.compile(r";\s*see\s+'casedesk [^']*'"), ""),
        (re.compile(r"\s*\(see\s+'casedesk [^']*'\)"), ""),
        (
            re.compile(r"\('credential-request provided'\)"),
            tr(_C, "(Credentials provided… in the Credential requests view)"),
        ),
        (re.compile(r"with 'casedesk user add'"), tr(_C, "in the Users view")),
        (
            re.compile(r"add them with 'casedesk employee add' first"),
            tr(_C, "add them first (Add employee… beside the subjects of a case)"),
        ),
        (
            re.compile(r"\bRun 'casedesk audit verify'"),
            tr(_C, "Ask an administrator to verify the audit log"),
        ),
        (re.compile(r"runs 'casedesk audit verify'"), tr(_C, "verifies the audit log")),
        # Anything else still naming a command: an administrator's tool.
        (re.compile(r"['`]casedesk [^'`]*['`]"), tr(_C, "an administrator's command")),
    ]


def for_window(message: str) -> str:
    """``message`` as the window shows it: without command-line commands."""
    if "casedesk " not in message and "credential-request " not in message:
        return message
    for pattern, replacement in _rules():
        message = pattern.sub(replacement, message)
    return message
