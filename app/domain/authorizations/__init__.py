"""Authorization rules: MA DYS social-media authorizations and credential-request rule packs.

API overview (pure functions over frozen dataclasses; nothing here raises for
a refusal, every rule returns a :class:`~.decision.Decision`):

- :mod:`.decision`: ``Decision(allowed, reasons, basis)``, ``Reason(code,
  message, citations, field)``; ``decision.raise_if_refused(what)`` raises
  :class:`~.decision.RuleRefused`, whose message lists every reason with its
  citations.
- :mod:`.ma_dys`: ``decide_supervision(SupervisionFacts)`` (B.2),
  ``decide_investigation(InvestigationFacts)`` (B.3), ``is_active``,
  ``review_status`` (B.3.b overdue flag), ``account_key`` (B.2.e).
- :mod:`.credentials`: the jurisdiction-neutral facts of credential
  requests, approvals and uses; statuses, origins, exclusions, demands.
- :mod:`.packs`: ``pack_for(jurisdiction)`` gives a rule pack
  (:class:`~.packs.RulePack`); :mod:`.packs.arkansas` is AR DHS policy
  II(B), II(E), II(G), II(H), I(A)-(D) under Ark. Code Ann. § 11-2-124.
"""

from app.domain.authorizations.decision import Decision, Reason, RuleRefused

__all__ = ["Decision", "Reason", "RuleRefused"]
