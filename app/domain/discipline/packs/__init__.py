"""Each employer's discipline law as a pack; ``pack_for`` picks the agency's.

Agencies in the catalog (resources/policies/*.toml): MODMH and MODNR
(Missouri state agencies, merit system), STLCITY (City of St. Louis, AR 150),
ARDHS (Arkansas DHS), MADYS (Massachusetts DYS). Any other agency gets a
pack whose every unverified fact is an agency setting.
"""

from __future__ import annotations

from app.domain.discipline.pack import DisciplinePack
from app.domain.discipline.packs.arkansas import arkansas_pack
from app.domain.discipline.packs.common import unknown_pack
from app.domain.discipline.packs.massachusetts import massachusetts_pack
from app.domain.discipline.packs.missouri import missouri_pack
from app.domain.discipline.packs.st_louis import st_louis_pack
from app.domain.discipline.rules import PolicyReference
from app.domain.discipline.workdays import CALENDARS, calendar_for

MO_DNR_REFERENCES = (
    PolicyReference(
        "Disciplinary Action",
        "Violation of the social networking policy",
        "DNR Progressive Discipline Policy 1.08; 1 CSR 20-3.070",
        "An employee determined to be in violation of this policy is subject to disciplinary "
        "action, including dismissal, in accordance with Progressive Discipline (1.08) and "
        "1 CSR 20-3.070, the Personnel Advisory Board Rules and Regulations.",
    ),
)

#: The agency codes with a pack of their own.
KNOWN_AGENCIES = ("MODMH", "MODNR", "STLCITY", "ARDHS", "MADYS")


def pack_for(agency_code: str, jurisdiction: str) -> DisciplinePack:
    """The discipline law of agency ``agency_code`` in ``jurisdiction`` ("MO", "AR", "MA" …).

    An agency without a pack of its own gets one whose every unverified fact
    comes from its settings, with the working days of its jurisdiction (or
    the federal holidays where there is no calendar for it).
    """
    code = agency_code.strip().upper()
    if code == "MODMH":
        return missouri_pack(code, "Missouri Department of Mental Health", ())
    if code == "MODNR":
        return missouri_pack(code, "Missouri Department of Natural Resources", MO_DNR_REFERENCES)
    if code in ("STLCITY", "STL"):
        return st_louis_pack(code)
    if code == "ARDHS":
        return arkansas_pack(code)
    if code == "MADYS":
        return massachusetts_pack(code)
    place = jurisdiction.strip().upper()
    return unknown_pack(code, place, calendar_for(place if place in CALENDARS else "US"))
