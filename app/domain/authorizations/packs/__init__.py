"""Rule packs: one jurisdiction's employer social-media law, as rules over plain facts.

A pack decides credential requests, approvals, uses and other demands made of
employees about their personal accounts, citing its own policy and statute.
Services pick the pack by the agency's jurisdiction (:func:`pack_for`); an
agency whose jurisdiction has no pack cannot log credential requests.

To add a state, write ``packs/<state>.py`` with a class satisfying
:class:`RulePack` and add it to ``_BUILT_IN`` below; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from app.domain.authorizations.credentials import (
    AccountExclusion,
    ApprovalFacts,
    CredentialRequestFacts,
    CredentialUseFacts,
    Demand,
    ProvidedFacts,
)
from app.domain.authorizations.decision import Decision
from app.domain.authorizations.packs.arkansas import ArkansasPack
from app.domain.errors import Refused


class RulePack(Protocol):
    """What every jurisdiction's pack provides."""

    #: The agency jurisdiction code it serves ("AR").
    jurisdiction: str
    #: A name for people ("Arkansas: DHS Social Media Policy and Ark. Code Ann. § 11-2-124").
    name: str
    #: The offices whose formal investigations credentials may be requested for, key → label.
    offices: Mapping[str, str]
    #: What a refusal of a credential request outside the allowed path cites.
    request_citations: tuple[str, ...]

    def decide_request(self, facts: CredentialRequestFacts) -> Decision: ...

    def decide_approval(self, facts: ApprovalFacts) -> Decision: ...

    def decide_use(self, facts: CredentialUseFacts) -> Decision: ...

    def decide_provided(self, facts: ProvidedFacts) -> Decision: ...

    def decide_demand(self, demand: Demand) -> Decision: ...

    def exclusion_citations(self, exclusion: AccountExclusion) -> tuple[str, ...]: ...

    def public_viewing(self) -> Decision: ...


_BUILT_IN: tuple[RulePack, ...] = (ArkansasPack(),)

#: Every pack, by jurisdiction.
PACKS: dict[str, RulePack] = {pack.jurisdiction: pack for pack in _BUILT_IN}


def pack_for(jurisdiction: str) -> RulePack:
    """The pack for ``jurisdiction``; refused when none exists."""
    try:
        return PACKS[jurisdiction.strip().upper()]
    except KeyError:
        known = ", ".join(sorted(PACKS)) or "none"
        raise Refused(
            f"No credential-request rules are defined for jurisdiction {jurisdiction!r} "
            f"(rule packs exist for: {known}); credential requests cannot be logged for "
            "its agencies."
        ) from None
