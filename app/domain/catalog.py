"""The policy catalog: provisions of the source policies a case can cite.

A provision is cited as ``<policy code> <ref>``, e.g. ``MA-DYS-01.05.22 C.2.e``.
:func:`parse_policy_document` checks one catalog file (already parsed from
TOML) and turns it into plain data, naming the file and entry on any error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.domain.charging import ProvisionKind
from app.domain.errors import InvalidInput

#: Tags an investigator can filter provisions by. Catalog files use only these.
TAGS: frozenset[str] = frozenset(
    {
        "confidentiality", "on-duty-use", "state-equipment", "harassment", "insignia",
        "political-activity", "youth", "cori", "hipaa", "credentials", "privacy-settings",
        "official-accounts", "personal-accounts", "agency-email", "speaking-for-agency",
        "disparagement", "threats", "discrimination", "criminal-justice", "law-enforcement",
        "media-relations", "reporting-duty", "public-information", "monitoring",
        "intellectual-property", "obscenity", "commercial-use", "records-retention",
        "investigation", "supervision", "photographs", "business-use", "discipline",
        "definitions", "endorsement",
    }
)  # fmt: skip

_REF = re.compile(r"^[A-Za-z0-9().\-]+$")
_CODE = re.compile(r"^[A-Z][A-Z0-9.\-]+$")
_AGENCY = re.compile(r"^[A-Z]{2,12}$")
TITLE_MAX = 120
VERSION_MAX = 120


@dataclass(frozen=True, slots=True)
class AgencyDoc:
    """The agency that issued a policy, as the catalog file describes it."""

    code: str
    name: str
    jurisdiction: str


@dataclass(frozen=True, slots=True)
class ProvisionDoc:
    """One citable provision: its reference, title, verbatim text, tags and kind.

    ``lead_in`` is what the file says introduces this provision's items (None:
    the whole text when it ends with a colon, else nothing); ``quoted_after``
    is the lead-in this provision is quoted after (the words of every
    ancestor that introduces its items, outermost first); ``see`` are the
    file's own pointers from a provision that cannot be charged, and
    ``charge_instead`` those plus its chargeable descendants.
    """

    ref: str
    title: str
    text: str
    tags: tuple[str, ...]
    parent: str | None
    position: int
    kind: ProvisionKind
    lead_in: str | None = None
    see: tuple[str, ...] = ()
    quoted_after: str = ""
    charge_instead: tuple[str, ...] = ()

    @property
    def introduction(self) -> str:
        """The words of this provision that its items are quoted after ("" if none)."""
        if self.lead_in is not None:
            return self.lead_in
        return self.text if self.text.rstrip().endswith(":") else ""


@dataclass(frozen=True, slots=True)
class PolicyDoc:
    """One source policy and its provisions, as loaded from its catalog file."""

    code: str
    title: str
    issuer: str
    document_number: str
    effective: dt.date | None
    references: tuple[str, ...]
    agency: AgencyDoc
    provisions: tuple[ProvisionDoc, ...]
    #: The document's own words for its version, e.g. "Revised and Reissued: May 26, 2020".
    version: str = ""
    #: The date the document says it expires, if it states one.
    sunset: dt.date | None = None


def citation(policy_code: str, ref: str) -> str:
    """The citation of a provision: ``<policy code> <ref>``."""
    return f"{policy_code} {ref}"


def parse_citation(text: str) -> tuple[str, str]:
    """Split ``"MA-DYS-01.05.22 C.2.e"`` into ``("MA-DYS-01.05.22", "C.2.e")``."""
    parts = text.strip().split()
    if len(parts) != 2:
        raise InvalidInput(
            f"'{text}' is not a provision citation; write '<policy code> <ref>', "
            "e.g. 'MA-DYS-01.05.22 C.2.e' (see 'casedesk policy list')."
        )
    return parts[0].upper(), parts[1]


def _str(data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise InvalidInput(f"{where}: '{key}' must be a string.")
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{where}: '{key}' is required.")
    return value


def parse_policy_document(data: Mapping[str, Any], source: str) -> PolicyDoc:
    """Check a parsed catalog file and return its policy; ``source`` names the file."""
    policy = data.get("policy")
    agency = data.get("agency")
    provisions = data.get("provisions")
    if not isinstance(policy, dict) or not isinstance(agency, dict):
        raise InvalidInput(f"{source}: needs a [policy] and an [agency] table.")
    if not isinstance(provisions, list) or not provisions:
        raise InvalidInput(f"{source}: needs at least one [[provisions]] entry.")
    code = _str(policy, "code", f"{source} [policy]")
    if not _CODE.match(code):
        raise InvalidInput(f"{source}: policy code '{code}' must be upper case, no spaces.")
    agency_code = _str(agency, "code", f"{source} [agency]")
    if not _AGENCY.match(agency_code):
        raise InvalidInput(f"{source}: agency code '{agency_code}' must be 2-12 capital letters.")
    effective = policy.get("effective")
    if effective is not None and not isinstance(effective, dt.date):
        raise InvalidInput(f"{source}: 'effective' must be a date such as 2019-09-03.")
    sunset = policy.get("sunset")
    if sunset is not None and not isinstance(sunset, dt.date):
        raise InvalidInput(f"{source}: 'sunset' must be a date such as 2018-07-01.")
    if sunset is not None and effective is not None and sunset <= effective:
        raise InvalidInput(f"{source}: the sunset date must come after the effective date.")
    version = _str(policy, "version", f"{source} [policy]", required=False)
    if len(version) > VERSION_MAX:
        raise InvalidInput(f"{source}: 'version' is longer than {VERSION_MAX} characters.")
    references = policy.get("references", [])
    if not isinstance(references, list) or not all(isinstance(r, str) for r in references):
        raise InvalidInput(f"{source}: 'references' must be a list of strings.")

    seen: set[str] = set()
    parsed: list[ProvisionDoc] = []
    for position, entry in enumerate(provisions):
        where = f"{source} provision #{position + 1}"
        if not isinstance(entry, dict):
            raise InvalidInput(f"{where}: must be a table.")
        ref = _str(entry, "ref", where)
        where = f"{source} provision {ref}"
        if not _REF.match(ref):
            raise InvalidInput(f"{where}: the ref may hold letters, digits, '.', '-', '(', ')'.")
        if ref in seen:
            raise InvalidInput(f"{where}: the ref appears twice.")
        parent = _str(entry, "parent", where, required=False) or None
        if parent is not None and parent not in seen:
            raise InvalidInput(f"{where}: parent '{parent}' must appear earlier in the file.")
        title = _str(entry, "title", where)
        if len(title) > TITLE_MAX:
            raise InvalidInput(f"{where}: the title is longer than {TITLE_MAX} characters.")
        text = _str(entry, "text", where)
        tags = entry.get("tags")
        if not isinstance(tags, list) or not tags:
            raise InvalidInput(f"{where}: needs at least one tag.")
        unknown = sorted(str(t) for t in tags if t not in TAGS)
        if unknown:
            raise InvalidInput(f"{where}: unknown tags {', '.join(unknown)}.")
        kind = _kind(entry, where)
        lead_in = _lead_in(entry, text, where)
        see = entry.get("see", [])
        if not isinstance(see, list) or not all(isinstance(r, str) for r in see):
            raise InvalidInput(f"{where}: 'see' must be a list of refs of this policy.")
        if see and kind.chargeable:
            raise InvalidInput(f"{where}: 'see' is for provisions that cannot be charged.")
        seen.add(ref)
        parsed.append(
            ProvisionDoc(ref, title, text, tuple(tags), parent, position, kind, lead_in, tuple(see))
        )

    return PolicyDoc(
        code=code,
        title=_str(policy, "title", f"{source} [policy]"),
        issuer=_str(policy, "issuer", f"{source} [policy]"),
        document_number=_str(policy, "document_number", f"{source} [policy]", required=False),
        effective=effective,
        references=tuple(references),
        agency=AgencyDoc(
            agency_code,
            _str(agency, "name", f"{source} [agency]"),
            _str(agency, "jurisdiction", f"{source} [agency]"),
        ),
        provisions=_resolved(parsed, source),
        version=version,
        sunset=sunset,
    )


def _kind(entry: Mapping[str, Any], where: str) -> ProvisionKind:
    value = entry.get("kind")
    kinds = ", ".join(k.value for k in ProvisionKind)
    if value is None:
        raise InvalidInput(f"{where}: needs a 'kind' (one of {kinds}).")
    try:
        return ProvisionKind(value)
    except ValueError:
        raise InvalidInput(f"{where}: unknown kind {value!r}; one of {kinds}.") from None


def _lead_in(entry: Mapping[str, Any], text: str, where: str) -> str | None:
    if "lead_in" not in entry:
        return None
    lead_in = _str(entry, "lead_in", where)
    if not text.endswith(lead_in):
        raise InvalidInput(f"{where}: 'lead_in' must be the closing words of the text, verbatim.")
    return lead_in


def _resolved(provisions: list[ProvisionDoc], source: str) -> tuple[ProvisionDoc, ...]:
    """Each provision with the lead-in it is quoted after and what to charge instead."""
    by_ref = {p.ref: p for p in provisions}
    children: dict[str, list[ProvisionDoc]] = {}
    for p in provisions:
        if p.parent is not None:
            children.setdefault(p.parent, []).append(p)

    def chargeable_below(ref: str) -> list[str]:
        found: list[str] = []
        for child in children.get(ref, []):
            if child.kind.chargeable:
                found.append(child.ref)
            found.extend(chargeable_below(child.ref))
        return found

    resolved = []
    for p in provisions:
        for target in p.see:
            if target not in by_ref or not by_ref[target].kind.chargeable:
                raise InvalidInput(
                    f"{source} provision {p.ref}: 'see' names {target!r}, which is not a "
                    "chargeable provision of this file."
                )
        lead_ins: list[str] = []
        parent = by_ref.get(p.parent) if p.parent else None
        while parent is not None:
            if parent.introduction:
                lead_ins.insert(0, parent.introduction)
            parent = by_ref.get(parent.parent) if parent.parent else None
        instead: tuple[str, ...] = ()
        if not p.kind.chargeable:
            instead = tuple(dict.fromkeys([*p.see, *chargeable_below(p.ref)]))
        resolved.append(replace(p, quoted_after="\n".join(lead_ins), charge_instead=instead))
    return tuple(resolved)
