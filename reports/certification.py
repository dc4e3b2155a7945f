"""The certification that goes with a case bundle, for the custodian to sign.

Written in the form Fed. R. Evid. 902(13) and 902(14) (and the states' rules
modelled on them) ask for: a certification by a qualified person that each
record was produced by a process that yields an accurate result, with the
process described, and that each copy was verified by its hash. The same
:class:`Certification` prints as text (:func:`text`) and as PDF
(:func:`build`); neither fills in who signs: the custodian does.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer

from reports.fonts import use_font_folder
from reports.layout import (
    TEXT_WIDTH,
    Styles,
    build_pdf,
    checkpoint_line,
    fields_table,
    para,
    signature_block,
)
from reports.model import DocumentInfo

__all__ = ["Certification", "CertifiedFile", "CertifiedItem", "build", "text", "use_font_folder"]

RULES = "Fed. R. Evid. 902(13) and 902(14), or the equivalent rule of the forum"


@dataclass(frozen=True)
class CertifiedFile:
    """One file of the bundle and its SHA-256."""

    path: str
    role: str
    sha256: str


@dataclass(frozen=True)
class CertifiedItem:
    """One evidence item: how and when it was captured, by whom, and its files."""

    item_id: int
    title: str
    how: str
    source_url: str
    captured_at: str
    captured_by: str
    added_by: str
    details: tuple[tuple[str, str], ...]
    files: tuple[CertifiedFile, ...]


@dataclass(frozen=True)
class Certification:
    """Everything the certification states."""

    case_number: str
    agency: str
    exported_at: dt.datetime
    exported_by: str
    items: tuple[CertifiedItem, ...]
    #: How the capture browser makes each file (label, description).
    process: tuple[tuple[str, str], ...]
    audit_checkpoint: str = ""


def statements(cert: Certification) -> list[str]:
    """The numbered statements the custodian certifies."""
    return [
        "I am a qualified person to make this certification: I am the custodian of the records "
        f"of case {cert.case_number} of {cert.agency}, or another person familiar with how "
        "they were captured and kept.",
        "Each record listed below that is a web capture was produced by the capture process "
        "described below, which produces an accurate result: at the moment of capture it "
        "records the page as the browser displayed and saved it, the address requested and the "
        "address reached, the time from the system clock and the person capturing, and it "
        "computes the SHA-256 hash of every file it stores.",
        "Each record that is a screenshot supplied as a file was stored unchanged as received, "
        "and its SHA-256 hash was computed when it was added.",
        "Each file in this bundle is a copy of the stored record. When the bundle was made, each "
        "record's SHA-256 hash was computed again and matched the hash recorded when the record "
        "was stored. The SHA-256 hash of each file is listed below and in the file SHA256SUMS; "
        "verify.py in the bundle checks them again without Casedesk.",
    ]


def _when(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def text(cert: Certification) -> str:
    """The certification as plain text (certification.txt)."""
    wrap = textwrap.TextWrapper(width=78, subsequent_indent="   ")
    lines = [
        "CERTIFICATION OF RECORDS AND OF THEIR COPIES",
        f"({RULES})",
        "",
        f"Case: {cert.case_number} ({cert.agency})",
        f"Bundle made: {_when(cert.exported_at)} by {cert.exported_by}",
        "",
        "I, ______________________________ (name), ____________________ (title), certify:",
        "",
    ]
    for number, statement in enumerate(statements(cert), start=1):
        lines += wrap.wrap(f"{number}. {statement}") + [""]
    lines += ["Signature: ______________________________   Date: ______________", "", ""]
    lines += ["RECORDS", "======="]
    for item in cert.items:
        lines += ["", f"Item {item.item_id}: {item.title}", f"  How: {item.how}"]
        lines.append(f"  Source: {item.source_url or '(none)'}")
        lines.append(f"  Captured: {item.captured_at or '(not stated)'} by {item.captured_by}")
        lines.append(f"  Added to the case by: {item.added_by}")
        lines += [f"  {label}: {value}" for label, value in item.details]
        lines += [f"  SHA-256 {f.sha256}  {f.path} ({f.role})" for f in item.files]
    lines += ["", "THE CAPTURE PROCESS", "==================="]
    for label, description in cert.process:
        lines += wrap.wrap(f"- {label}: {description}")
    if cert.audit_checkpoint:
        lines += ["", checkpoint_line(cert.audit_checkpoint)]
    return "\n".join(lines) + "\n"


def _item(item: CertifiedItem) -> Flowable:
    rows = [
        ("How", item.how),
        ("Source", item.source_url),
        ("Captured", f"{item.captured_at} by {item.captured_by}"),
        ("Added by", item.added_by),
        *item.details,
        *((f"{f.role}", f"{f.path}\nSHA-256 {f.sha256}") for f in item.files),
    ]
    return KeepTogether(
        [para(f"Item {item.item_id}: {item.title}", Styles.subheading), fields_table(rows)]
    )


def build(cert: Certification) -> bytes:
    """The certification as PDF bytes (certification.pdf)."""
    story: list[Flowable] = [
        para(cert.agency, Styles.subheading),
        para("Certification of records and of their copies", Styles.title),
        para(f"Case {cert.case_number} \u00b7 {RULES}", Styles.subtitle),
        fields_table(
            [
                ("Case", cert.case_number),
                ("Bundle made", f"{_when(cert.exported_at)} by {cert.exported_by}"),
                ("Records", str(len(cert.items))),
            ]
        ),
        Spacer(1, 8),
        para("I, the undersigned, certify:"),
    ]
    story += [para(f"{n}. {s}") for n, s in enumerate(statements(cert), start=1)]
    story.append(Spacer(1, 6))
    story.append(
        signature_block(
            "Custodian or other qualified person",
            "",
            "",
            "Print name and title below; sign and date.",
            TEXT_WIDTH * 0.7,
        )  # fmt: skip
    )
    story.append(para("Records", Styles.heading))
    story += [_item(item) for item in cert.items] or [para("The bundle holds no record.")]
    story.append(para("The capture process", Styles.heading))
    story.append(
        fields_table(list(cert.process), label_width=1.6 * inch)
        if cert.process
        else para("No record in this bundle was captured from the web.")
    )
    document = DocumentInfo(
        title=f"Certification of records, case {cert.case_number}",
        author=cert.exported_by,
        subject="Certification of records generated by an electronic process and of their copies",
        keywords=(cert.case_number, "FRE 902(13)", "FRE 902(14)"),
    )
    return build_pdf(
        story, document,
        header_left=f"Certification \u00b7 {cert.case_number}",
        header_right=_when(cert.exported_at),
        marking="CONFIDENTIAL",
        last_page_line=checkpoint_line(cert.audit_checkpoint),
    )  # fmt: skip
