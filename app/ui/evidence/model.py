"""The table model of a case's evidence items, with thumbnails that arrive later."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPalette, QPixmap

from app.services.evidence import EvidenceInfo
from app.ui.i18n import tr
from app.ui.palette import error_colour, link_colour, muted_colour

_C = "EvidenceModel"
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")

#: The side of the square a thumbnail is shown in, in the list.
THUMB_SIDE = 96

Index = QModelIndex | QPersistentModelIndex


def capture_zone(name: str | None) -> dt.tzinfo | None:
    """The capturer's zone from its stored name ("America/Chicago" or "+02:00")."""
    if not name:
        return None
    match = _OFFSET.match(name)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        minutes = int(match.group(2)) * 60 + int(match.group(3))
        return dt.timezone(sign * dt.timedelta(minutes=minutes))
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def capture_text(info: EvidenceInfo) -> str:
    """When the screenshot was taken, in the capturer's own zone, with the zone named."""
    if info.captured_at is None:
        return tr(_C, "not recorded")
    moment = info.captured_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    zone = capture_zone(info.capture_tz)
    if zone is None:
        return moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"{moment.astimezone(zone).strftime('%Y-%m-%d %H:%M')} {info.capture_tz}"


def size_text(size: int) -> str:
    if size < 1024:
        return tr(_C, "{0} bytes").format(size)
    if size < 1024 * 1024:
        return tr(_C, "{0:.1f} KB").format(size / 1024)
    return tr(_C, "{0:.1f} MB").format(size / (1024 * 1024))


def placeholder_pixmap() -> QPixmap:
    """What a row shows until its thumbnail has been made."""
    pixmap = QPixmap(QSize(THUMB_SIDE, THUMB_SIDE))
    pixmap.fill(QGuiApplication.palette().color(QPalette.ColorRole.AlternateBase))
    painter = QPainter(pixmap)
    painter.setPen(muted_colour())
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "…")
    painter.end()
    return pixmap


class EvidenceModel(QAbstractTableModel):
    """Evidence items of one case; thumbnails are set as they arrive."""

    PREVIEW, FILE, CAPTURED, PLATFORM, ACCOUNT, SHA256, STATUS = range(7)
    IdRole = Qt.ItemDataRole.UserRole + 1
    InfoRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[EvidenceInfo] = []
        self.thumbnails: dict[int, QPixmap] = {}
        self.failed: set[int] = set()  #: items whose last integrity check failed
        self._placeholder: QPixmap | None = None

    def headers(self) -> list[str]:
        return [tr(_C, "Preview"), tr(_C, "File"), tr(_C, "Captured"), tr(_C, "Platform"),
                tr(_C, "Account shown"), tr(_C, "SHA-256"), tr(_C, "Status")]  # fmt: skip

    def set_items(self, items: list[EvidenceInfo]) -> None:
        self.beginResetModel()
        self.items = list(items)
        known = {i.id for i in items}
        self.thumbnails = {k: v for k, v in self.thumbnails.items() if k in known}
        self.endResetModel()

    def set_thumbnails(self, images: dict[int, QImage]) -> None:
        """Show thumbnails made in the background (scaled there to fit the row)."""
        for item_id, image in images.items():
            if not image.isNull():
                self.thumbnails[item_id] = QPixmap.fromImage(image)
        if self.items:
            self.dataChanged.emit(self.index(0, self.PREVIEW),
                                  self.index(len(self.items) - 1, self.PREVIEW),
                                  [Qt.ItemDataRole.DecorationRole])  # fmt: skip

    def set_failed(self, failed: set[int]) -> None:
        self.failed = set(failed)
        if self.items:
            self.dataChanged.emit(self.index(0, self.STATUS),
                                  self.index(len(self.items) - 1, self.STATUS))  # fmt: skip

    def row_of(self, item_id: int) -> int:
        return next((row for row, i in enumerate(self.items) if i.id == item_id), -1)

    def info_at(self, row: int) -> EvidenceInfo | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    # -- QAbstractTableModel -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        info = self.items[index.row()]
        column = index.column()
        if role == self.IdRole:
            return info.id
        if role == self.InfoRole:
            return info
        if role == Qt.ItemDataRole.DecorationRole and column == self.PREVIEW:
            pixmap = self.thumbnails.get(info.id)
            if pixmap is None:
                if self._placeholder is None:
                    self._placeholder = placeholder_pixmap()
                return self._placeholder
            return pixmap
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info, column)
        if role == Qt.ItemDataRole.FontRole and column == self.SHA256:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if role == Qt.ItemDataRole.FontRole and column == self.FILE and info.void:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if info.id in self.failed or info.void:
                return error_colour()
            if info.redaction_count:
                return link_colour()
        return None

    def _display(self, info: EvidenceInfo, column: int) -> str | None:
        if column == self.FILE:
            dims = f"{info.width}×{info.height}" if info.width and info.height else ""
            return f"{info.original_filename}\n{dims}  {size_text(info.size)}".rstrip()
        if column == self.CAPTURED:
            return capture_text(info)
        if column == self.PLATFORM:
            return info.platform or "—"
        if column == self.ACCOUNT:
            return info.account_shown or "—"
        if column == self.SHA256:
            return info.sha256[:12] + "…"
        if column == self.STATUS:
            words = []
            if info.id in self.failed:
                words.append(tr(_C, "INTEGRITY FAILED"))
            if info.void:
                words.append(tr(_C, "VOID"))
            if info.redaction_count:
                words.append(tr(_C, "Redacted ({0})").format(info.redaction_count))
            return "\n".join(words)
        return None

    def _tooltip(self, info: EvidenceInfo, column: int) -> str | None:
        if column == self.SHA256:
            return tr(_C, "SHA-256 {0}").format(info.sha256)
        if column == self.FILE:
            return tr(_C, "{name}, {type}, added by {who}").format(
                name=info.original_filename, type=info.media_type, who=info.added_by
            )
        if column == self.PREVIEW and info.description:
            return info.description
        if column == self.STATUS and info.void:
            return tr(
                _C, "Void: {reason} ({who}). Left out of reports and bundles unless asked for."
            ).format(reason=info.void_reason, who=info.voided_by)
        if column == self.STATUS and info.redaction_count:
            return tr(_C, "{0} redaction boxes; the original is kept unchanged.").format(
                info.redaction_count
            )
        return None
