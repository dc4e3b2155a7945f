"""A row of buttons that wraps where its window is narrow (app.ui.fit.FlowLayout)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from app.ui.fit import FlowLayout


def test_a_flow_row_is_one_row_when_wide_and_wraps_when_narrow(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    label = QLabel("Reason for the next box:")
    buttons = [QPushButton(text) for text in ("Delete box", "Save redactions", "Discard changes")]
    for widget in (label, *buttons):
        flow.addWidget(widget)
    hidden = QPushButton("Not shown")
    flow.addWidget(hidden)
    hidden.hide()
    widest = max(w.sizeHint().width() for w in (label, *buttons))
    one_row = flow.sizeHint()
    # Its minimum is the widest item, not the whole row; a hidden item takes no room.
    assert flow.minimumSize().width() == widest < one_row.width()
    assert one_row.width() == sum(w.sizeHint().width() for w in (label, *buttons)) + 3 * 6

    holder.resize(one_row.width(), one_row.height())
    holder.show()
    QApplication.processEvents()
    assert len({w.geometry().center().y() for w in (label, *buttons)}) == 1  # one row, centred
    assert flow.heightForWidth(one_row.width()) == one_row.height()

    holder.resize(widest, flow.heightForWidth(widest))
    QApplication.processEvents()
    tops = [w.geometry().top() for w in (label, *buttons)]
    assert tops == sorted(tops) and len(set(tops)) == 4  # one item a row at the narrowest
    assert all(w.geometry().right() < widest for w in (label, *buttons))
    assert flow.heightForWidth(widest) >= 4 * min(w.sizeHint().height() for w in buttons)
