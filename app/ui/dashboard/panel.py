"""One chart of the dashboard: the QChartView, what it counts, Export CSV and Save as PNG."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.privatefiles import write_atomic_private
from app.services.dashboard import Chart
from app.ui.dashboard.drawing import RENDER_HINTS, build_chart
from app.ui.report_dialog import reports_folder


class ChartPanel(QGroupBox):
    """A chart and its two exports; both come from the same :class:`Chart`."""

    saved = Signal(str)  #: a CSV or PNG was written (its path)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.chart: Chart | None = None
        self.view = QChartView()
        self.view.setRenderHints(RENDER_HINTS)
        self.view.setMinimumHeight(300)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.save_png = QPushButton(self.tr("Save as PNG…"))
        for button in (self.export_csv, self.save_png):
            button.setEnabled(False)
        self.export_csv.clicked.connect(self.on_export_csv_clicked)
        self.save_png.clicked.connect(self.on_save_png_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.export_csv)
        buttons.addWidget(self.save_png)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def set_chart(self, chart: Chart) -> None:
        """Show ``chart``'s figures (replacing the ones shown)."""
        self.chart = chart
        self.setTitle(chart.title)
        old = self.view.chart()
        self.view.setChart(build_chart(chart))
        old.deleteLater()
        empty = self.tr("Nothing to count for this filter.")
        self.note.setText(chart.note if chart.rows else empty)
        for button in (self.export_csv, self.save_png):
            button.setEnabled(True)

    def _file_name(self, suffix: str) -> Path:
        assert self.chart is not None
        return reports_folder() / f"{re.sub(r'[^a-z0-9]+', '-', self.chart.key)}.{suffix}"

    def _ask(self, caption: str, suffix: str, kind: str) -> Path | None:
        try:
            suggested = str(self._file_name(suffix))
        except InvalidInput:
            suggested = f"{self.chart.key if self.chart else 'chart'}.{suffix}"
        chosen, _filter = QFileDialog.getSaveFileName(self, caption, suggested, kind)
        if not chosen:
            return None
        path = Path(chosen)
        return (
            path
            if path.suffix.lower() == f".{suffix}"
            else path.with_name(path.name + f".{suffix}")
        )

    def _write(self, path: Path, data: bytes) -> None:
        try:
            write_atomic_private(path, data)
        except OSError as error:
            QMessageBox.warning(
                self, self.tr("Not saved"),
                self.tr("Cannot write {0}: {1}. Choose another folder.").format(
                    path, error.strerror or error),
            )  # fmt: skip
            return
        self.saved.emit(str(path))

    def png_bytes(self) -> bytes:
        """The chart as the view shows it, as PNG."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.view.grab().save(buffer, "PNG")
        data = QByteArray(buffer.data())
        return bytes(data.data())

    @Slot()
    def on_export_csv_clicked(self) -> None:
        """Write the chart's rows as CSV where the user chooses."""
        if self.chart is None:
            return
        path = self._ask(self.tr("Export chart as CSV"), "csv", self.tr("CSV files (*.csv)"))
        if path is not None:
            self._write(path, self.chart.csv_text().encode("utf-8"))

    @Slot()
    def on_save_png_clicked(self) -> None:
        """Save the chart as drawn, as a PNG image, where the user chooses."""
        if self.chart is None:
            return
        path = self._ask(self.tr("Save chart as PNG"), "png", self.tr("PNG images (*.png)"))
        if path is not None:
            self._write(path, self.png_bytes())
