"""The comparable earlier decisions, as the Discipline tab shows them.

Beside the employee's own prior discipline, the decisions the agency took
in earlier substantiated cases under the same provisions, each with that
employee's prior-discipline step: what a proposed action is compared with.
"""

from __future__ import annotations

import html

from app.domain.discipline.consistency import Comparable, Departure
from app.ui.case_view.discipline.text import action_text
from app.ui.i18n import tr

_C = "DisciplineTab"


def comparables_html(citations: tuple[str, ...], comparables: tuple[Comparable, ...]) -> str:
    """A heading and one line per comparable decision (or a line saying there is none)."""
    parts = [f"<h3>{html.escape(tr(_C, 'Earlier decisions under the same provisions'))}</h3>"]
    if not comparables:
        text = tr(_C, "None: the agency has decided no earlier case under {0}.").format(
            ", ".join(citations) or tr(_C, "these provisions")
        )
        parts.append(f"<p>{html.escape(text)}</p>")
        return "".join(parts)
    parts.append("<ul style='margin-left:0; -qt-list-indent:1'>")
    for c in comparables:
        prior = (
            tr(_C, "prior: {0}").format(c.prior_step.label.lower())
            if c.prior_step
            else tr(_C, "no prior discipline")
        )
        parts.append(
            f"<li>{html.escape(c.decided_on.isoformat())} — "
            f"<b>{html.escape(action_text(c.action, c.suspension_days))}</b> — "
            f"{html.escape(c.case_number)} ({html.escape(c.citation)}), "
            f"{html.escape(c.employee_name)}, {html.escape(prior)}</li>"
        )
    parts.append("</ul>")
    return "".join(parts)


def departure_text(action_label: str, how: Departure, count: int) -> str:
    """Why the form asks for a consistency reason."""
    if count == 1:
        if how is Departure.MILDER:
            text = tr(_C, "A {0} is milder than the agency's earlier decision under the same "
                          "provision: give the reason for the difference.")  # fmt: skip
        else:
            text = tr(_C, "A {0} is harsher than the agency's earlier decision under the same "
                          "provision: give the reason for the difference.")  # fmt: skip
    elif how is Departure.MILDER:
        text = tr(_C, "A {0} is milder than every one of the agency's {1} earlier decisions "
                      "under the same provision: give the reason for the difference.")  # fmt: skip
    else:
        text = tr(_C, "A {0} is harsher than every one of the agency's {1} earlier decisions "
                      "under the same provision: give the reason for the difference.")  # fmt: skip
    return text.format(action_label.lower(), count)
