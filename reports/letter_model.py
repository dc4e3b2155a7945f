"""The letters of the disciplinary process: what each one prints, as plain frozen values.

A pre-action notice, a decision letter (or its withdrawal), a closure letter
and a referral to a provider are all a :class:`Letter`: a letterhead, a
title, the case and the employee, then sections of text, quotations and
label / value rows in the order the caller gives them; optionally the
evidence index of the disciplinary report, an acknowledgement of receipt
(signatures, a "refused to sign" box, delivery) and a DRAFT watermark.
The application decides what each letter says; this package only lays it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reports.model import (
    DEFAULT_CONFIDENTIALITY,
    Agency,
    DocumentInfo,
    EvidenceItem,
    Interview,
    SignatureBlock,
)

#: The watermark of a document printed before what it records exists.
DRAFT = "DRAFT"


@dataclass(frozen=True)
class TextBlock:
    """A paragraph; ``lead`` (if any) is printed in bold before it."""

    text: str
    lead: str = ""


@dataclass(frozen=True)
class QuoteBlock:
    """Text quoted verbatim (a provision, a statute's notice) and where it comes from."""

    source: str
    text: str


@dataclass(frozen=True)
class FieldsBlock:
    """Label / value rows."""

    rows: tuple[tuple[str, str], ...]


LetterBlock = TextBlock | QuoteBlock | FieldsBlock


@dataclass(frozen=True)
class LetterSection:
    """A numbered section: its heading and blocks; ``evidence`` adds the evidence index."""

    heading: str
    blocks: tuple[LetterBlock, ...] = ()
    evidence: bool = False


@dataclass(frozen=True)
class Acknowledgement:
    """The receipt part of a letter: signatures, a "refused to sign" box, delivery."""

    signatures: tuple[SignatureBlock, ...]
    #: Delivery as recorded ("" leaves a line to fill in by hand).
    delivered_on: dt.date | None = None
    delivery_method: str = ""
    delivered_by: str = ""
    #: Who may refuse to sign, as the box names them: the employee, or the provider
    #: that receives a referral.
    refusing_party: str = "The employee"


@dataclass(frozen=True)
class Letter:
    """One document of the disciplinary process."""

    document: DocumentInfo
    agency: Agency
    #: What the document is, e.g. "Notice of proposed suspension".
    title: str
    #: Under the title, e.g. "Case MODNR-2026-0003 · 2026-09-14".
    subtitle: str
    #: The header's right-hand side on every page, e.g. "Decision letter · Case …".
    header: str
    #: The case and the employee: label / value rows at the top.
    facts: tuple[tuple[str, str], ...]
    sections: tuple[LetterSection, ...]
    #: Printed in a box under the title when set (a withdrawal, a referral).
    banner: str = ""
    #: The evidence relied on (for a section with ``evidence``), re-hashed by the caller.
    evidence: tuple[EvidenceItem, ...] = ()
    interviews: tuple[Interview, ...] = ()
    integrity_verified_at: str = ""
    #: What was left out for another subject of the case ("" if nothing).
    left_out: str = ""
    #: ``None``: no signature or receipt part (a draft, a closure without one).
    acknowledgement: Acknowledgement | None = None
    #: A watermark printed diagonally on every page ("" prints none): ``DRAFT``.
    watermark: str = ""
    confidentiality: str = DEFAULT_CONFIDENTIALITY
    #: The audit checkpoint printed on the last page ("" prints nothing).
    audit_checkpoint: str = ""
