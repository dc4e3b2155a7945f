"""Typed work kept against a crash (services.recovery), both backends.

A session's drafts are replaced whole on each call and removed by an empty
one; another session's drafts are offered back only once they stopped being
refreshed, only to their own user, and only while that user may still see
their case. Each figure is checked against the table itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from app.db.models import WorkDraft
from app.domain.actor import Actor
from app.domain.cases import Finding
from app.domain.errors import InvalidInput
from app.domain.evidence import MAX_REDACTION_BOXES, RedactionBox, RedactionReason
from app.domain.permissions import Role
from app.domain.settings import RECOVERED_WORK_KEEP_DAYS
from app.services import access, cases, settings
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.recovery import (
    DISCIPLINE,
    FINDING,
    INTAKE,
    NOTE,
    REDACTION,
    DraftEntry,
    KeptStep,
    discard_drafts,
    expire_drafts,
    keep_drafts,
    kept_boxes,
    kept_fields,
    kept_finding,
    kept_step,
    read_boxes,
    read_fields,
    read_finding,
    read_step,
    recovered_drafts,
)

MakeUser = Callable[..., Actor]
NOW = dt.timedelta(0)


def _rows(db: Database, user: Actor) -> list[tuple[str, str, str]]:
    with db.engine.connect() as connection:
        found = connection.execute(
            text("SELECT session, place, text FROM work_drafts WHERE user_id = :u ORDER BY id"),
            {"u": user.user_id},
        )
        return [tuple(row) for row in found]  # type: ignore[misc]


def _case(db: Database, user: Actor, agency: str) -> tuple[int, str]:
    fields = CaseFields(agency_code=agency, title="Posts about clients",
                        reported_on=dt.date(2026, 9, 3), investigator=user.username)  # fmt: skip
    made = cases.create_case(db, user, fields)
    return made.id, made.number


def test_a_session_replaces_its_drafts_and_an_empty_call_forgets_them(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    case_id, number = _case(database, ivy, "MODNR")
    keep_drafts(database, ivy, "s1", [
        DraftEntry(f"{number}: a note not yet added", "Called the reporter back.", case_id),
        DraftEntry("New case", "Title: Posts on the park page"),
        DraftEntry("blank", "   "),
    ])  # fmt: skip
    assert _rows(database, ivy) == [
        ("s1", f"{number}: a note not yet added", "Called the reporter back."),
        ("s1", "New case", "Title: Posts on the park page"),
    ]
    keep_drafts(database, ivy, "s1", [DraftEntry("New case", "Title: Posts on the park pages")])
    assert _rows(database, ivy) == [("s1", "New case", "Title: Posts on the park pages")]
    keep_drafts(database, ivy, "s1", [])
    assert _rows(database, ivy) == []


def test_drafts_a_session_left_behind_are_offered_to_their_user_only(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    ian = make_user("ian", "Ian Investigator", Role.INVESTIGATOR)
    case_id, number = _case(database, ivy, "MODNR")
    keep_drafts(database, ivy, "crashed", [
        DraftEntry(f"{number}: a note not yet added", "Called the reporter back.", case_id),
    ])  # fmt: skip
    keep_drafts(database, ian, "his", [DraftEntry("New case", "Title: Someone else's")])
    # Still refreshed (another workstation's live window): not offered yet.
    assert recovered_drafts(database, ivy, "new") == []
    offered = recovered_drafts(database, ivy, "new", quiet_for=NOW)
    assert [(d.place, d.text, d.case_id, d.case_number) for d in offered] == [
        (f"{number}: a note not yet added", "Called the reporter back.", case_id, number)
    ]
    # The session that keeps them is not offered its own drafts.
    assert recovered_drafts(database, ivy, "crashed", quiet_for=NOW) == []
    # Another user cannot discard them, nor sees them.
    assert discard_drafts(database, ian, [offered[0].id]) == 0
    assert [d.text for d in recovered_drafts(database, ian, "x", quiet_for=NOW)] == [
        "Title: Someone else's"
    ]
    assert discard_drafts(database, ivy, [offered[0].id]) == 1
    assert recovered_drafts(database, ivy, "new", quiet_for=NOW) == []
    assert _rows(database, ivy) == []


def test_a_draft_of_a_case_the_user_may_no_longer_see_is_not_offered(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    case_id, number = _case(database, ivy, "MODNR")
    keep_drafts(database, ivy, "crashed", [
        DraftEntry(f"{number}: a note not yet added", "About the case.", case_id),
        DraftEntry("New case", "Title: No case yet"),
    ])  # fmt: skip
    access.set_user_agencies(database, admin, "ivy", remove=["MODNR"])
    assert [d.text for d in recovered_drafts(database, ivy, "new", quiet_for=NOW)] == [
        "Title: No case yet"
    ]
    access.set_user_agencies(database, admin, "ivy", add=["MODNR"])
    assert len(recovered_drafts(database, ivy, "new", quiet_for=NOW)) == 2


def test_a_session_id_is_checked(database: Database, make_user: MakeUser) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    for session in ("", "x" * 41):
        with pytest.raises(InvalidInput):
            keep_drafts(database, ivy, session, [DraftEntry("New case", "Title")])
        with pytest.raises(InvalidInput):
            recovered_drafts(database, ivy, session)


def test_a_drafts_kind_comes_back_with_it_and_an_unknown_kind_is_refused(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    case_id, number = _case(database, ivy, "MODNR")
    keep_drafts(database, ivy, "crashed", [
        DraftEntry(f"{number}: a note not yet added", "Called back.", case_id, kind=NOTE),
        DraftEntry(f"{number}: the intake facts not saved", "Title:\nPosts", case_id),
    ])  # fmt: skip
    offered = recovered_drafts(database, ivy, "new", quiet_for=NOW)
    assert [(d.place, d.kind) for d in offered] == [
        (f"{number}: a note not yet added", "note"),
        (f"{number}: the intake facts not saved", ""),
    ]
    with pytest.raises(InvalidInput, match="Unknown kind of draft: dialog"):
        refused = DraftEntry("x", "Title:\nPosts", case_id, kind="dialog")
        keep_drafts(database, ivy, "new", [refused])
    # Nothing of the refused call was kept, and the earlier session's drafts are untouched.
    assert [row[0] for row in _rows(database, ivy)] == ["crashed", "crashed"]


def _refuses_damaged(
    db: Database, user: Actor, case_id: int, kind: str, read: Callable[[str], object],
    damaged: list[tuple[str, str]],
) -> None:  # fmt: skip
    """Each damaged ``data`` is refused with its reason, when read and when kept."""
    for bad, why in damaged:
        with pytest.raises(InvalidInput, match=re.escape(f"cannot be read ({why})")):
            read(bad)
        with pytest.raises(InvalidInput, match="cannot be read"):
            keep_drafts(db, user, "new", [DraftEntry("x", "text", case_id, kind=kind, data=bad)])


def test_unsaved_redaction_boxes_come_back_with_their_item_and_damaged_ones_are_refused(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    case_id, number = _case(database, ivy, "MODNR")
    boxes = (
        RedactionBox(10, 20, 300, 40, RedactionReason.YOUTH_IDENTITY),
        RedactionBox(0, 0, 1, 1, RedactionReason.OTHER),
    )
    said = f"{number}: the redaction boxes drawn on evidence item 7"
    keep_drafts(database, ivy, "crashed", [
        DraftEntry(said, "2 boxes", case_id, kind=REDACTION, data=kept_boxes(7, boxes)),
    ])  # fmt: skip
    [offered] = recovered_drafts(database, ivy, "new", quiet_for=NOW)
    assert (offered.place, offered.kind) == (said, REDACTION)
    kept = read_boxes(offered.data)
    assert (kept.item_id, kept.boxes) == (7, boxes)

    # A draft of another kind keeps no data, and a redaction draft only boxes it can read.
    damaged = [
        ("[1, 2]", "not an item and its boxes"),
        ("{", "not JSON"),
        ('{"item": 7, "boxes": [[1, 2, 3, 4]]}', "a box is not x, y, width, height and reason"),
        ('{"item": 7, "boxes": [[1, 2, 0, 4, "other"]]}', "a width is not a whole number from 1"),
        ('{"item": 7, "boxes": [[-1, 2, 3, 4, "other"]]}', "x is not a whole number from 0"),
        ('{"item": 7, "boxes": [[1.5, 2, 3, 4, "other"]]}', "x is not a whole number"),
        ('{"item": 7, "boxes": [[1, 2, 3, 4, "gossip"]]}', "a box's reason is unknown"),
        ('{"item": true, "boxes": []}', "the item is not a whole number"),
        ('{"item": 7, "boxes": [], "saved": true}', "not an item and its boxes"),
        (kept_boxes(7, [boxes[1]] * (MAX_REDACTION_BOXES + 1)), "not a list of at most 500 boxes"),
    ]
    _refuses_damaged(database, ivy, case_id, REDACTION, read_boxes, damaged)
    with pytest.raises(InvalidInput, match="A draft of this kind keeps no data"):
        keep_drafts(database, ivy, "new", [DraftEntry("x", "Called back.", case_id, kind=NOTE,
                                                      data=kept_boxes(7, boxes))])  # fmt: skip
    # Nothing of the refused calls was kept.
    assert [row[0] for row in _rows(database, ivy)] == ["crashed"]


def test_a_finding_not_recorded_comes_back_with_its_allegation_and_damaged_ones_are_refused(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    case_id, number = _case(database, ivy, "MODNR")
    said = f"{number}: the finding on 003 C.2.a"
    data = kept_finding(12, Finding.SUBSTANTIATED, "The post named a youth in care.")
    keep_drafts(database, ivy, "crashed", [
        DraftEntry(said, "Finding: Substantiated", case_id, kind=FINDING, data=data),
    ])  # fmt: skip
    [offered] = recovered_drafts(database, ivy, "new", quiet_for=NOW)
    assert (offered.place, offered.kind) == (said, FINDING)
    kept = read_finding(offered.data)
    assert (kept.allegation_id, kept.finding, kept.reasoning) == (
        12,
        Finding.SUBSTANTIATED,
        "The post named a youth in care.",
    )

    damaged = [
        ("[]", "not an allegation, a finding and its reasoning"),
        ("{", "not JSON"),
        ('{"allegation": 0, "finding": "pending", "reasoning": ""}',
         "the allegation is not a whole number from 1"),
        ('{"allegation": 3, "finding": "guilty", "reasoning": ""}', "the finding is unknown"),
        ('{"allegation": 3, "finding": "pending", "reasoning": 7}',
         "the reasoning is not a text of at most 10,000 characters"),
        (kept_finding(3, Finding.UNFOUNDED, "x" * 10_001),
         "the reasoning is not a text of at most 10,000 characters"),
    ]  # fmt: skip
    _refuses_damaged(database, ivy, case_id, FINDING, read_finding, damaged)
    assert [row[0] for row in _rows(database, ivy)] == ["crashed"]


def test_intake_facts_not_saved_come_back_by_input_and_damaged_ones_are_refused(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    case_id, number = _case(database, ivy, "MODNR")
    typed = {"titleEdit": "Posts about campers", "narrativeEdit": "Line one.\nLine two — ü"}
    said = f"{number}: the intake facts not saved"
    keep_drafts(database, ivy, "crashed", [
        DraftEntry(said, "Title:\nPosts", case_id, kind=INTAKE, data=kept_fields(typed)),
    ])  # fmt: skip
    [offered] = recovered_drafts(database, ivy, "new", quiet_for=NOW)
    assert (offered.kind, read_fields(offered.data)) == (INTAKE, typed)
    damaged = [
        ("{", "not JSON"),
        ('{"title": "x"}', "not a form's fields"),
        ('{"fields": {}}', "not 1 to 50 fields"),
        (kept_fields({f"f{n}": "x" for n in range(51)}), "not 1 to 50 fields"),
        ('{"fields": {"1st": "x"}}', "a field's name is not an input's"),
        ('{"fields": {"title Edit": "x"}}', "a field's name is not an input's"),
        ('{"fields": {"titleEdit": 3}}', "the text of titleEdit is not a text"),
    ]
    _refuses_damaged(database, ivy, case_id, INTAKE, read_fields, damaged)
    assert [row[0] for row in _rows(database, ivy)] == ["crashed"]


def test_a_discipline_step_not_recorded_comes_back_and_damaged_ones_are_refused(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    case_id, number = _case(database, ivy, "MODNR")
    digest = "ab" * 32
    data = kept_step(4, "decision", digest, {"decisionSteps": "Complete the training."})
    keep_drafts(database, ivy, "crashed", [
        DraftEntry(f"{number}: the decision for X", "Steps", case_id, kind=DISCIPLINE, data=data),
    ])  # fmt: skip
    [offered] = recovered_drafts(database, ivy, "new", quiet_for=NOW)
    assert read_step(offered.data) == KeptStep(
        4, "decision", digest, {"decisionSteps": "Complete the training."}
    )
    fields = '"fields": {"a": "b"}'
    damaged = [
        ("{", "not JSON"),
        ('{"fields": {"a": "b"}}', "not a step of an employee's discipline"),
        (f'{{"employee": 0, "step": "notice", "filled_from": "{digest}", {fields}}}',
         "the employee is not a whole number from 1"),
        (f'{{"employee": 4, "step": "Notice!", "filled_from": "{digest}", {fields}}}',
         "the step is not a step's name"),
        (f'{{"employee": 4, "step": "notice", "filled_from": "abc", {fields}}}',
         "what the form was filled from is not a SHA-256"),
        (f'{{"employee": 4, "step": "notice", "filled_from": "{digest}", "fields": {{}}}}',
         "not 1 to 50 fields"),
    ]  # fmt: skip
    _refuses_damaged(database, ivy, case_id, DISCIPLINE, read_step, damaged)
    assert [row[0] for row in _rows(database, ivy)] == ["crashed"]


def _age(db: Database, user: Actor, days: int) -> None:
    """As if ``user``'s drafts had been kept ``days`` days ago (a crashed window's)."""
    with db.unit_of_work(write=True) as uow:
        for draft in uow.session.scalars(
            select(WorkDraft).where(WorkDraft.user_id == user.user_id)
        ):
            draft.saved_at -= dt.timedelta(days=days)
        uow.commit()


def test_work_left_behind_expires_only_after_the_agency_s_keeping_time(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    ian = make_user("ian", "Ian Investigator", Role.INVESTIGATOR)
    keep_drafts(database, ivy, "crashed", [DraftEntry("New case", "Title: Ivy's")])
    keep_drafts(database, ian, "crashed", [DraftEntry("New case", "Title: Ian's")])
    _age(database, ivy, 3650)
    _age(database, ian, 6)
    # Never set (0): kept until discarded, however old.
    assert settings.get_int(database, RECOVERED_WORK_KEEP_DAYS) == 0
    assert expire_drafts(database) == 0
    assert len(recovered_drafts(database, ivy, "new")) == 1

    settings.set_value(database, admin, "recovery.keep_days", 7)
    # Any sign-in's offer removes everyone's drafts older than 7 days first.
    assert [d.text for d in recovered_drafts(database, ian, "new")] == ["Title: Ian's"]
    assert _rows(database, ivy) == []
    assert _rows(database, ian) == [("crashed", "New case", "Title: Ian's")]
    _age(database, ian, 2)
    assert expire_drafts(database) == 1
    assert _rows(database, ian) == []
