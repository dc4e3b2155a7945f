"""The policy catalog files: their checks, citations, and the five shipped policies."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from app.domain.catalog import TAGS, PolicyDoc, citation, parse_citation, parse_policy_document
from app.domain.errors import InvalidInput
from app.resources import policy_files
from app.services.catalog import read_policy_file

VALID: dict[str, Any] = {
    "policy": {
        "code": "XX-TEST-1",
        "title": "Social Media Policy",
        "issuer": "Test Agency",
        "effective": dt.date(2020, 1, 2),
        "references": ["Test Code § 1"],
    },
    "agency": {"code": "XXTEST", "name": "Test Agency", "jurisdiction": "XX"},
    "provisions": [
        {
            "ref": "I",
            "title": "Scope",
            "text": "Applies to staff.",
            "tags": ["definitions"],
            "kind": "purpose",
        },
        {
            "ref": "I(A)",
            "parent": "I",
            "title": "On duty",
            "text": "No personal posts on duty.",
            "tags": ["on-duty-use", "personal-accounts"],
            "kind": "prohibits",
        },
    ],
}

#: Citations the investigators use most (DOMAIN.md "Provisions most cases cite").
WELL_KNOWN = [
    "MA-DYS-01.05.22 C.2.e",
    "MA-DYS-01.05.22 B.2.f",
    "MA-DYS-01.05.22 C.3",
    "AR-DHS II(G)",
    "AR-DHS II(B)(3)",
    "AR-DHS II(F)",
    "STL-AR-150 V.B.2",
    "STL-AR-150 IV.K.2.f",
    "MO-DMH-DOR-6.675 (1)(B)12",
    "MO-DMH-DOR-6.675 (2)",
    "MO-DNR-SN WorkHours",
    "MO-DNR-SN Confidentiality",
]


def _doc(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(VALID)
    for key, value in changes.items():
        doc[key] = value
    return doc


def _provisions(*extra: dict[str, Any]) -> list[dict[str, Any]]:
    return copy.deepcopy(VALID["provisions"]) + list(extra)


def test_a_valid_document_becomes_a_policy_with_ordered_provisions() -> None:
    policy = parse_policy_document(_doc(), "test.toml")
    assert (policy.code, policy.agency.code, policy.effective) == (
        "XX-TEST-1",
        "XXTEST",
        dt.date(2020, 1, 2),
    )
    assert [(p.ref, p.parent, p.position) for p in policy.provisions] == [
        ("I", None, 0),
        ("I(A)", "I", 1),
    ]
    assert policy.provisions[1].tags == ("on-duty-use", "personal-accounts")


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"agency": VALID["agency"], "provisions": VALID["provisions"]}, r"\[policy\] and an"),
        ({"policy": VALID["policy"], "provisions": VALID["provisions"]}, r"\[agency\] table"),
        ({"policy": VALID["policy"], "agency": VALID["agency"]}, "at least one"),
        (_doc(provisions=[]), r"at least one \[\[provisions\]\]"),
    ],
)
def test_missing_tables_are_refused(doc: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInput, match=f"^test.toml: needs .*{message}"):
        parse_policy_document(doc, "test.toml")


def test_a_duplicate_ref_is_refused_naming_it() -> None:
    twice = {"ref": "I", "title": "Again", "text": "Again.", "tags": ["definitions"]}
    with pytest.raises(InvalidInput, match=r"test.toml provision I: the ref appears twice"):
        parse_policy_document(_doc(provisions=_provisions(twice)), "test.toml")


def test_a_parent_must_come_before_its_child() -> None:
    child_first = [
        {"ref": "II(A)", "parent": "II", "title": "A", "text": "a", "tags": ["youth"]},
        {"ref": "II", "title": "II", "text": "b", "tags": ["youth"]},
    ]
    with pytest.raises(InvalidInput, match=r"provision II\(A\): parent 'II' must appear earlier"):
        parse_policy_document(_doc(provisions=child_first), "test.toml")


def test_an_unknown_tag_is_refused_naming_it() -> None:
    tagged = {"ref": "II", "title": "T", "text": "t", "tags": ["youth", "gossip", "chatter"]}
    with pytest.raises(InvalidInput, match="provision II: unknown tags chatter, gossip"):
        parse_policy_document(_doc(provisions=_provisions(tagged)), "test.toml")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"ref": "II", "title": "T", "text": "t", "tags": []}, "needs at least one tag"),
        ({"ref": "II", "title": "T", "text": "  ", "tags": ["youth"]}, "'text' is required"),
        ({"ref": "II", "title": "T" * 121, "text": "t", "tags": ["youth"]}, "title is longer"),
        ({"ref": "II B", "title": "T", "text": "t", "tags": ["youth"]}, "the ref may hold"),
        ({"title": "T", "text": "t", "tags": ["youth"]}, r"provision #3: 'ref' is required"),
        ({"ref": 2, "title": "T", "text": "t", "tags": ["youth"]}, "'ref' must be a string"),
        ("II", r"provision #3: must be a table"),
    ],
)
def test_a_malformed_provision_is_refused(entry: Any, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_policy_document(_doc(provisions=_provisions(entry)), "test.toml")


@pytest.mark.parametrize(
    ("section", "key", "value", "message"),
    [
        ("policy", "code", "xx test", "policy code 'xx test' must be upper case"),
        ("agency", "code", "X", "agency code 'X' must be 2-12 capital letters"),
        ("policy", "effective", "2020-01-02", "'effective' must be a date"),
        ("policy", "references", "one", "'references' must be a list of strings"),
        ("policy", "title", "", r"\[policy\]: 'title' is required"),
    ],
)
def test_a_malformed_header_is_refused(section: str, key: str, value: Any, message: str) -> None:
    doc = _doc()
    doc[section][key] = value
    with pytest.raises(InvalidInput, match=message):
        parse_policy_document(doc, "test.toml")


def test_parse_citation_splits_code_and_ref() -> None:
    assert parse_citation("  ma-dys-01.05.22   C.2.e ") == ("MA-DYS-01.05.22", "C.2.e")
    assert citation("AR-DHS", "II(G)") == "AR-DHS II(G)"
    assert parse_citation(citation("AR-DHS", "II(G)")) == ("AR-DHS", "II(G)")


@pytest.mark.parametrize("text", ["", "AR-DHS", "AR-DHS II G", "MA DYS 01.05.22 C.2.e"])
def test_parse_citation_refuses_what_is_not_a_citation(text: str) -> None:
    with pytest.raises(InvalidInput, match="write '<policy code> <ref>'"):
        parse_citation(text)


# -- the shipped catalog --------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> dict[str, PolicyDoc]:
    return {doc.code: doc for doc in (read_policy_file(path) for path in policy_files())}


def test_five_policies_of_five_agencies_are_shipped(shipped: dict[str, PolicyDoc]) -> None:
    assert set(shipped) == {
        "MO-DMH-DOR-6.675",
        "MO-DNR-SN",
        "AR-DHS",
        "MA-DYS-01.05.22",
        "STL-AR-150",
    }
    agencies = {doc.agency.code for doc in shipped.values()}
    assert agencies == {"MODMH", "MODNR", "ARDHS", "MADYS", "STLCITY"}


@pytest.mark.parametrize("path", policy_files(), ids=lambda p: Path(p).name)
def test_each_shipped_file_parses_with_enough_unique_provisions(path: Path) -> None:
    doc = parse_policy_document(tomllib.loads(path.read_text(encoding="utf-8")), path.name)
    refs = [p.ref for p in doc.provisions]
    assert len(refs) >= 20
    assert len(set(refs)) == len(refs)
    assert all(set(p.tags) <= TAGS for p in doc.provisions)
    assert all(p.parent is None or p.parent in refs for p in doc.provisions)
    assert doc.title and doc.issuer and doc.agency.name


@pytest.mark.parametrize("path", policy_files(), ids=lambda p: Path(p).name)
def test_shipped_provision_texts_are_clean(path: Path) -> None:
    for provision in read_policy_file(path).provisions:
        where = f"{path.name} {provision.ref}"
        assert provision.text == provision.text.strip(), where
        for artifact in ("\ufffd", "\t", "[bookmark", "<u>", "</u>", "\x0c"):
            assert artifact not in provision.text, f"{where}: {artifact!r}"


@pytest.mark.parametrize("cited", WELL_KNOWN)
def test_well_known_provisions_exist(shipped: dict[str, PolicyDoc], cited: str) -> None:
    code, ref = parse_citation(cited)
    refs = {p.ref: p for p in shipped[code].provisions}
    assert ref in refs, cited
    assert refs[ref].text.strip()


def test_the_credential_provision_quotes_the_policy(shipped: dict[str, PolicyDoc]) -> None:
    provision = next(p for p in shipped["AR-DHS"].provisions if p.ref == "II(G)")
    assert "formal investigation" in provision.text
    assert "credentials" in provision.tags
