"""The Discipline tab's "Letters" menu: the pre-action notice, the decision and closure letters.

Each letter of the employee shown is offered when its step is on record;
otherwise it is disabled with a tooltip saying why, and a draft (watermarked
DRAFT on every page) is offered where one can be printed. The letter is
built in the background by :func:`report_building.generate_letter`; a
refusal (e.g. an agency setting not yet made) shows beside the button, in
the window's words, and a letter made opens in :class:`LetterDialog` to be
opened or saved like every report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.domain.cases import Finding
from app.domain.discipline import Outcome
from app.domain.discipline.flow import Stage
from app.domain.errors import InvalidInput, Refused
from app.services.discipline import DisciplineFlow
from app.services.letter_kinds import LetterKind
from app.ui.case_view.discipline.text import gui_message
from app.ui.case_view.support import alive
from app.ui.i18n import tr
from app.ui.report_dialog import LetterDialog, letter_work
from app.ui.wording import for_window
from app.ui.workspace import Workspace

if TYPE_CHECKING:
    from app.services.report_building import GeneratedReportInfo

_C = "DisciplineLetters"


@dataclass(frozen=True, slots=True)
class Availability:
    """Whether a letter can be printed for the flow, a draft of it, and why not."""

    final: bool
    draft: bool
    why_not: str = ""


def availability(flow: DisciplineFlow, kind: LetterKind) -> Availability:
    """What the services would print of ``kind`` for ``flow`` (they check again)."""
    findings = {g.finding for g in flow.grounds}
    provider = flow.outcome is Outcome.REFERRAL_TO_PROVIDER
    if kind is LetterKind.NOTICE:
        if provider:
            why = tr(_C, "A contracted provider's employee gets no pre-action notice; the "
                         "referral to the provider is under Decision letter.")  # fmt: skip
            return Availability(False, False, why)
        if flow.notice is None:
            why = tr(_C, "No pre-action notice is on record yet (1 Notice).")
            return Availability(False, True, why)
        return Availability(True, True)
    if kind is LetterKind.DECISION:
        if flow.decision is not None or flow.referral is not None:
            return Availability(True, True)
        if flow.stage is Stage.NO_GROUNDS and Finding.PENDING not in findings:
            why = tr(_C, "No allegation is substantiated: there is no decision; the "
                         "document is the closure letter.")  # fmt: skip
            return Availability(False, False, why)
        if provider:
            why = tr(_C, "No referral to the provider is on record yet (Referral).")
        else:
            why = tr(_C, "No decision is on record yet (3 Decision).")
        return Availability(False, True, why)
    if Finding.SUBSTANTIATED in findings:
        why = tr(_C, "An allegation is substantiated: the outcome is a decision, not a closure.")
        return Availability(False, False, why)
    if not findings:
        return Availability(False, False, tr(_C, "No allegation against the employee."))
    if Finding.PENDING in findings:
        why = tr(_C, "A finding is still pending: record every finding first.")
        return Availability(False, True, why)
    return Availability(True, True)


def _titles() -> dict[LetterKind, tuple[str, str]]:
    return {
        LetterKind.NOTICE: (
            tr(_C, "Pre-action &notice…"),
            tr(_C, "Draft pre-action notice (watermarked)…"),
        ),
        LetterKind.DECISION: (
            tr(_C, "&Decision letter…"),
            tr(_C, "Draft decision letter (watermarked)…"),
        ),
        LetterKind.CLOSURE: (
            tr(_C, "&Closure letter…"),
            tr(_C, "Draft closure letter (watermarked)…"),
        ),
    }


def window_refusal(error: BaseException) -> str:
    """A letter's refusal in the window's words: no command, no command-line option."""
    text = for_window(gui_message(error))
    draft = tr(_C, "print a draft (watermarked) from Letters")
    text = text.replace("Or print a draft with --draft", draft[0].upper() + draft[1:])
    return text.replace("print a draft with --draft", draft)


class LettersButton(QToolButton):
    """ "Letters" with its menu; ``refused`` carries a refusal in the window's words."""

    refused = Signal(str)
    produced = Signal(object)  #: the :class:`GeneratedReportInfo`

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.flow: DisciplineFlow | None = None
        self.dialog: LetterDialog | None = None
        self.setObjectName("lettersButton")
        self.setText(self.tr("&Letters"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip(self.tr("The letters of the disciplinary process for this employee"))
        menu = QMenu(self)
        menu.setObjectName("lettersMenu")
        menu.setToolTipsVisible(True)
        self.actions_of: dict[tuple[LetterKind, bool], QAction] = {}
        for number, (kind, (final, draft)) in enumerate(_titles().items()):
            if number:
                menu.addSeparator()
            for is_draft, text in ((False, final), (True, draft)):
                action = menu.addAction(text)
                action.setObjectName(f"letter-{kind.value}{'-draft' if is_draft else ''}")
                action.triggered.connect(self._producer(kind, is_draft))
                self.actions_of[kind, is_draft] = action
        self.setMenu(menu)
        self.set_flow(None)

    def action(self, kind: LetterKind, draft: bool = False) -> QAction:
        """The menu's action for ``kind`` (or its draft)."""
        return self.actions_of[kind, draft]

    def set_flow(self, flow: DisciplineFlow | None) -> None:
        """Offer the letters of ``flow``'s employee as its steps stand."""
        self.flow = flow
        self.setEnabled(flow is not None)
        for kind in LetterKind:
            final, draft = self.action(kind), self.action(kind, True)
            if flow is None:
                final.setEnabled(False)
                draft.setVisible(False)
                continue
            can = availability(flow, kind)
            final.setEnabled(can.final)
            final.setToolTip(can.why_not)
            draft.setVisible(can.draft and not can.final)
            draft.setToolTip(self.tr("Watermarked DRAFT on every page, with no signature part."))

    def _producer(self, kind: LetterKind, draft: bool) -> Callable[[], None]:
        return lambda: self.produce(kind, draft)

    def produce(self, kind: LetterKind, draft: bool) -> None:
        """Build the letter in the background, with progress and Cancel."""
        flow = self.flow
        if flow is None:
            return
        self.refused.emit("")
        work = letter_work(self.workspace, kind, flow.case_number, flow.employee.id, draft)
        self.setEnabled(False)
        self.workspace.tasks.run(
            work,
            on_success=alive(self, lambda info: self._on_produced(kind, draft, info)),
            on_failure=alive(self, self._on_failed),
            progress=self.tr("Generating the letter for {0}…").format(flow.employee.full_name),
            parent=self,
        )

    def _on_produced(self, kind: LetterKind, draft: bool, info: GeneratedReportInfo | None) -> None:
        self.setEnabled(self.flow is not None)
        flow = self.flow
        if info is None or flow is None:
            return
        dialog = LetterDialog(self.workspace, kind, flow.case_number, flow.employee.id,
                              flow.employee.full_name, draft, self.window())  # fmt: skip
        dialog.finished.connect(dialog.deleteLater)
        dialog.show_generated(info)
        self.dialog = dialog
        dialog.open()
        self.produced.emit(info)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.setEnabled(self.flow is not None)
        if isinstance(error, (Refused, InvalidInput)):
            self.refused.emit(window_refusal(error))
        else:
            self.workspace.errors.show(error, self)
