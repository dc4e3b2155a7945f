"""Merging two edits of a case's intake facts (app/ui/case_view/merge.py, plain data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.services.cases import CaseFields
from app.ui.case_view.merge import changed_fields, merge

BASE = CaseFields(agency_code="MODNR", title="Post", reported_on=dt.date(2026, 3, 2),
                  platforms=("Facebook", "Reddit"), subject_ids=(3, 1))  # fmt: skip


def test_different_fields_merge_into_theirs_with_mine_laid_over() -> None:
    mine = replace(BASE, title="Mine", platforms=("Reddit", "Facebook"))  # reordering is no edit
    theirs = replace(BASE, narrative="Theirs", subject_ids=(1, 3, 4))
    outcome = merge(BASE, mine, theirs)
    assert outcome.mine == ("title",) and outcome.theirs == ("narrative", "subject_ids")
    assert outcome.merged == replace(theirs, title="Mine")


def test_one_field_changed_by_both_does_not_merge() -> None:
    outcome = merge(BASE, replace(BASE, title="Mine"), replace(BASE, title="Theirs"))
    assert outcome.merged is None and outcome.collisions == ("title",)
    assert changed_fields(BASE, BASE) == ()
