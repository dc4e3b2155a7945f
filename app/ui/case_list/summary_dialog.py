"""Case summary report…: one PDF with a page for each case selected in the case list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from app.services import report_building
from app.services.case_queries import CaseRow
from app.ui.report_dialog import GenerateReportDialog
from app.ui.tasks import TaskControl
from app.ui.workspace import Workspace

if TYPE_CHECKING:
    from app.services.report_building import GeneratedReportInfo


class CaseSummaryDialog(GenerateReportDialog):
    """The cases chosen, in the list's order; Generate builds their case summary."""

    #: Rows of the case list shown before it scrolls.
    VISIBLE_ROWS = 6

    def __init__(
        self, workspace: Workspace, cases: Sequence[CaseRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, parent)
        self.case_ids = [case.id for case in cases]
        self.case_numbers = [case.number for case in cases]
        self.setObjectName("caseSummaryDialog")
        self.setWindowTitle(self.tr("Case summary report"))

        self.cases = QListWidget()
        self.cases.setObjectName("summaryCases")
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Long titles end in "…" (the whole title is the tooltip), not in a sideways scroll.
        self.cases.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cases.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.cases.setUniformItemSizes(True)
        for case in cases:
            item = QListWidgetItem(f"{case.number}  {case.title}")
            item.setToolTip(f"{case.number} ({case.agency_code}): {case.title}")
            self.cases.addItem(item)
        rows = min(len(cases), self.VISIBLE_ROWS)
        self.cases.setFixedHeight(self.cases.sizeHintForRow(0) * rows + 2 * self.cases.frameWidth())
        self.form.addRow(self.tr("Cases ({0}):").format(len(cases)), self.cases)
        self.note.setText(
            self.tr("One page per case, in the order of the list: status, employees, "
                    "allegations with their findings, discipline and evidence count. The "
                    "report is recorded with its SHA-256.")
        )  # fmt: skip
        self.resize(560, 300)

    def report_work(self) -> Callable[[TaskControl], GeneratedReportInfo]:
        database, actor = self.workspace.database, self.workspace.actor
        case_ids = list(self.case_ids)

        def work(control: TaskControl) -> GeneratedReportInfo:
            return report_building.generate_case_summaries(
                database, actor, case_ids, progress=control.progress
            )

        return work

    def progress_text(self) -> str:
        return self.tr("Generating the case summary…")
