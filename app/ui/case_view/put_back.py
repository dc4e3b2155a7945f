"""Work a crashed session left behind, put back where it was made (``app.ui.recovery``).

A note goes back into its case's note editor, a finding into its
allegation's finding editor, the intake facts' typed text into the case's
Overview, a step of the discipline flow into its form; redaction boxes drawn
and not saved go back on their evidence item's picture, in its viewer, still
unsaved. Each is then this session's unrecorded work: the user records it
(adds the note, records the finding, saves the boxes) or discards it there.
This module also words the boxes a viewer has not saved and the discipline
steps not recorded as drafts to keep (:func:`unsaved_boxes`,
:func:`unrecorded_steps`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.services.recovery import (
    DISCIPLINE,
    FINDING,
    INTAKE,
    NOTE,
    REDACTION,
    DraftEntry,
    KeptBoxes,
    KeptFinding,
    KeptStep,
    kept_boxes,
    kept_step,
)
from app.ui.evidence.labels import redaction_reason_labels
from app.ui.i18n import tr

if TYPE_CHECKING:
    from app.ui.case_view.view import CaseView
    from app.ui.evidence.viewer import EvidenceViewer

_C = "PutBack"


def put_back_note(
    view: CaseView, text: str, placed: Callable[[], object], _refused: Callable[[str], object]
) -> None:
    """Put a recovered note back into the case's note editor, once the case is shown.

    ``placed`` is called when it is there (never, if the case does not load); a note
    is never refused.
    """

    def place() -> None:
        view.notes.put_back(text)
        view.tabs.setCurrentWidget(view.notes)
        view.notes.note_text.setFocus()
        placed()

    view.when_shown(place)


def _clashes(typed: dict[str, str], kept: dict[str, str]) -> bool:
    """Whether text typed and not recorded in an input differs from what would go back
    into it (never overwritten)."""
    return any(name in kept and text != kept[name] for name, text in typed.items())


def _put_in(
    view: CaseView,
    tab: QWidget,
    put: Callable[[], str | None],
    placed: Callable[[], object],
    refused: Callable[[str], object],
) -> None:
    """Once the case is shown, show ``tab`` and ``put`` the work there: then ``placed``,
    or ``refused`` with the reason ``put`` gives for finding no place for it."""

    def place() -> None:
        view.tabs.setCurrentWidget(tab)
        why_not = put()
        if why_not is None:
            placed()
        else:
            refused(why_not)

    view.when_shown(place)


def put_back_finding(
    view: CaseView,
    kept: KeptFinding,
    placed: Callable[[], object],
    refused: Callable[[str], object],
) -> None:
    """Put a recovered finding back into its allegation's finding editor, not recorded;
    refused when the case no longer has that allegation or another finding is being
    written on it."""
    tab = view.allegations
    _put_in(view, tab, lambda: tab.put_back(kept.allegation_id, kept.finding, kept.reasoning),
            placed, refused)  # fmt: skip


def put_back_intake(
    view: CaseView,
    fields: dict[str, str],
    placed: Callable[[], object],
    refused: Callable[[str], object],
) -> None:
    """Put the recovered text of the intake facts back into the case's Overview, not
    saved; refused when other changes to those inputs are not saved (never
    overwritten), or none of the inputs is there (the facts cannot be edited here)."""
    from app.ui.typed_work import put_back_fields

    def put() -> str | None:
        form = view.overview.form
        if _clashes(form.typed_changes(), fields):
            return tr(_C, "The intake facts have other changes that are not saved: save or "
                      "revert them first.")  # fmt: skip
        if not put_back_fields(form, fields):
            return tr(_C, "The intake facts of this case cannot be edited here.")
        return None

    _put_in(view, view.overview, put, placed, refused)


def put_back_step(
    view: CaseView,
    kept: KeptStep,
    placed: Callable[[], object],
    refused: Callable[[str], object],
) -> None:
    """Put a step of the discipline flow back into its form for the same employee, not
    recorded, once the case's discipline has loaded; refused when the employee or the
    step is gone, or something was recorded for that step since (its form would now
    record something else), or other work typed for another employee is in the way."""
    from app.ui.case_view.discipline.drafts import key_digest, step_keys
    from app.ui.typed_work import put_back_fields

    def loaded() -> None:
        tab = view.discipline
        assert tab is not None
        flow = tab.flows.get(kept.employee_id)
        form = tab.step_forms.get(kept.step)
        if flow is None or form is None:
            refused(tr(_C, "This case no longer has that employee's discipline step."))
            return
        if key_digest(step_keys(flow)[kept.step]) != kept.filled_from:
            refused(tr(_C, "Something was recorded in the discipline of {0} since this was "
                       "typed; copy the text back by hand if it still applies.")
                    .format(flow.employee.full_name))  # fmt: skip
            return
        if tab.shown_employee != kept.employee_id:
            if tab.unrecorded():
                refused(tr(_C, "Record or discard what is typed for {0} first.")
                        .format(tab.employee.currentText()))  # fmt: skip
                return
            tab.employee.setCurrentIndex(tab.employee.findData(kept.employee_id))
        if _clashes(tab.drafts.typed_changes(kept.step, form), kept.fields):
            refused(tr(_C, "Other text not recorded is in that step's form for {0}: record or "
                       "discard it first.").format(flow.employee.full_name))  # fmt: skip
            return
        tab.pages.setCurrentIndex(tab.pages.page_index[kept.step])
        if put_back_fields(form, kept.fields):
            placed()
        else:
            refused(tr(_C, "That step's form cannot be typed in here."))

    def shown() -> None:
        tab = view.discipline
        if tab is None:
            refused(tr(_C, "You may not see this case's discipline."))
            return
        view.tabs.setCurrentWidget(tab)
        if tab.overview is None:
            tab.loaded.connect(loaded, Qt.ConnectionType.SingleShotConnection)
        else:
            loaded()

    view.when_shown(shown)


def unrecorded_steps(view: CaseView, place: Callable[[str], str]) -> list[DraftEntry]:
    """The discipline steps typed in or chosen in and not recorded, to keep against a
    crash: each with its changed inputs (text and choices) by name when it has some (to
    put it back), else its text alone (to copy back by hand)."""
    from app.ui.case_view.discipline.drafts import key_digest
    from app.ui.typed_work import typed_entry

    tab = view.discipline
    detail = view.detail
    employee = tab.shown_employee if tab is not None else None
    if tab is None or detail is None or employee is None:
        return []
    found: list[DraftEntry] = []
    for said, step, form in tab.unrecorded_steps():
        changed = tab.drafts.typed_changes(step, form)
        digest = key_digest(tab.drafts.key(step))
        data = kept_step(employee, step, digest, changed) if changed else ""
        found += typed_entry(place(said), form, detail.id, kind=DISCIPLINE if data else "",
                             data=data, choices=tab.drafts.chosen_changes(step, form))  # fmt: skip
    return found


def put_back_boxes(
    view: CaseView,
    kept: KeptBoxes,
    placed: Callable[[], object],
    refused: Callable[[str], object],
) -> None:
    """Open the case's evidence item with the recovered boxes on its picture.

    Once the case and the item's viewer have loaded, the boxes replace the
    saved ones there, not saved, and ``placed`` is called; ``refused`` gets the
    reason when they cannot be put back (no such item in the case, the picture
    not shown, no permission to redact, other boxes not saved there).
    """
    item_id, boxes = kept.item_id, kept.boxes

    def shown(viewer: EvidenceViewer) -> None:
        if viewer.modified and viewer.current_boxes() != list(boxes):
            refused(tr(_C, "Other boxes drawn on evidence item {0} are not saved: save or "
                       "discard them first.").format(item_id))  # fmt: skip
        elif viewer.put_back_boxes(boxes):
            viewer.raise_()
            viewer.activateWindow()
            placed()
        elif not viewer.may_redact:
            refused(tr(_C, "You may not redact evidence, so the boxes cannot be put back."))
        else:
            refused(tr(_C, "The picture of evidence item {0} is not shown, so the boxes cannot "
                       "be put back on it.").format(item_id))  # fmt: skip

    def opened(viewer: EvidenceViewer | None) -> None:
        if viewer is None:
            refused(tr(_C, "This case holds no evidence item {0}.").format(item_id))
        elif not viewer.done_loading:
            viewer.opened.connect(lambda: shown(viewer), Qt.ConnectionType.SingleShotConnection)
        else:
            shown(viewer)

    def load() -> None:
        evidence = view.evidence
        if evidence is None:
            refused(tr(_C, "You may not see this case's evidence."))
            return
        view.tabs.setCurrentWidget(evidence)
        evidence.open_item(item_id, opened)

    view.when_shown(load)


def unsaved_boxes(viewer: EvidenceViewer, place: str, case_id: int) -> list[DraftEntry]:
    """The boxes drawn in ``viewer`` and not saved, as ``place`` of ``case_id``, to keep
    against a crash (none if there are none): the item and boxes for putting them back,
    and a text saying them for a person."""
    if not viewer.modified or not viewer.may_redact:
        return []
    boxes = viewer.current_boxes()
    labels = redaction_reason_labels()
    info = viewer.info
    head = tr(_C, "Evidence item {0} ({1}): {2} redaction boxes drawn and not saved.").format(
        info.id, info.original_filename, len(boxes)
    )
    lines = [
        tr(_C, "• {0}: {1} × {2} pixels at ({3}, {4})").format(
            labels.get(box.reason.value, box.reason.value), box.width, box.height, box.x, box.y
        )
        for box in boxes
    ]
    text = "\n".join([head, *lines])
    return [DraftEntry(place, text, case_id, kind=REDACTION, data=kept_boxes(info.id, boxes))]


#: How each kind of draft is put back: ``(view, what it keeps, placed, refused)``; what it
#: keeps is the text of a note, else its data read (``app.services.recovery.read_data``).
PUT_BACK: dict[
    str, Callable[[CaseView, Any, Callable[[], object], Callable[[str], object]], None]
] = {
    NOTE: put_back_note,
    FINDING: put_back_finding,
    INTAKE: put_back_intake,
    DISCIPLINE: put_back_step,
    REDACTION: put_back_boxes,
}
