"""The administration views on the demo database: Audit log (model, filters, details,
Verify chain after tampering, Export CSV) and Settings (validation beside each field,
audited changes, discipline settings shown "not set")."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy.engine import make_url

from app.services import discipline
from app.services.audit_log.events import AuditFilter, events_page
from app.services.audit_log.visibility import WITHHELD
from app.services.integrity import registry
from app.services.settings import all_settings
from app.ui.audit_log.model import AuditLogModel
from app.ui.audit_log.page import AuditLogPage
from app.ui.settings_view.page import SettingsPage
from tests import sqlite_files
from tests.unit.tampering import forge_file_checkpoints


def _loaded(qtbot, page: AuditLogPage) -> None:
    qtbot.waitUntil(lambda: page.model.total is not None and not page.workspace.tasks.busy,
                    timeout=10_000)  # fmt: skip


def test_the_audit_log_pages_filters_and_withholds_case_content_from_administrators(
    workspace_for, open_list_page, qtbot, qtmodeltester
) -> None:
    admin = workspace_for("admin")
    page = open_list_page(AuditLogPage, admin)
    _loaded(qtbot, page)
    model = page.model
    assert model.total is not None and model.total > model.rowCount() > 0  # a page at a time
    qtmodeltester.check(model)
    first = model.rowCount()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() > first, timeout=10_000)
    seqs = [model.data(model.index(r, 0), AuditLogModel.SeqRole) for r in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)

    number = next(e.case_number for e in model.events if e.case_number)
    page.case.setText(number)
    page.apply_filters()
    _loaded(qtbot, page)
    assert {e.case_number for e in model.events} == {number}
    assert "event" in page.count_label.text()
    page.table.selectRow(0)
    assert WITHHELD in page.details.toPlainText()

    page.case.setText("NOPE-2026-9999")
    page.apply_filters()
    qtbot.waitUntil(lambda: "case_number" in page.messages.visible(), timeout=10_000)
    assert "no case numbered NOPE-2026-9999" in page.messages.visible()["case_number"]


def test_verify_chain_says_when_the_file_s_checkpoints_are_signed_by_a_key_only_the_database_knows(
    workspace_for, open_list_page, qtbot, demo_url: str
) -> None:
    admin = workspace_for("admin")
    # This workstation's key, as `init` makes it: its checkpoints go into the file.
    registry.register_local_key(admin.database, admin.actor, storage="file")
    supervisor = workspace_for("supervisor")
    page = open_list_page(AuditLogPage, supervisor)
    _loaded(qtbot, page)
    for _ in range(2):  # the first writes a checkpoint into the file, the second checks it
        page.result.clear()
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "The chain is intact" in page.result.text(), timeout=30_000)
    assert "known only from the database" not in page.result.text()
    assert page.result.toolTip().startswith("The checkpoint file and the checkpoints given anchor")

    path = Path(str(make_url(demo_url).database))
    forged = forge_file_checkpoints(demo_url, path.with_name(path.name + ".checkpoints"))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: forged in page.result.text(), timeout=30_000)
    text = page.result.text()
    assert text.startswith("The chain is intact")
    assert f"signed by {forged}, which this workstation knows only from the database" in text
    assert page.result.toolTip().startswith("No checkpoint from outside the database was checked")


def test_verify_chain_names_and_selects_the_first_tampered_event_and_export_writes_csv(
    workspace_for, open_list_page, qtbot, demo_url: str, tmp_path: Path
) -> None:
    supervisor = workspace_for("supervisor")
    page = open_list_page(AuditLogPage, supervisor)
    _loaded(qtbot, page)
    target = page.model.events[40].seq
    with sqlite_files.connect(make_url(demo_url).database) as raw:
        raw.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = ?", (target,))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "fails verification" in page.result.text(), timeout=30_000)
    assert f"first bad event {target}:" in page.result.text()
    _loaded(qtbot, page)
    qtbot.waitUntil(lambda: bool(page.table.selectionModel().selectedRows()), timeout=10_000)
    selected = page.table.selectionModel().selectedRows()[0]
    assert page.model.data(selected, AuditLogModel.SeqRole) == target
    assert "mallory" in page.details.toPlainText()  # a supervisor sees everything

    page.action.setEditText("note")
    page.apply_filters()
    _loaded(qtbot, page)
    out = tmp_path / "notes"
    page.export_to(out)
    qtbot.waitUntil(lambda: "exported" in page.result.text(), timeout=10_000)
    with (tmp_path / "notes.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == page.model.total and {r["action"] for r in rows} == {"note.add"}


def test_verify_chain_names_a_record_changed_behind_casedesk_s_back(
    workspace_for, open_list_page, qtbot, demo_url: str
) -> None:
    supervisor = workspace_for("supervisor")
    page = open_list_page(AuditLogPage, supervisor)
    _loaded(qtbot, page)
    with sqlite_files.connect(make_url(demo_url).database) as raw:
        raw.execute("UPDATE user_roles SET role = 'administrator' WHERE user_id = "
                    "(SELECT id FROM users WHERE username = 'hr')")  # fmt: skip
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no longer holds" in page.result.text(), timeout=30_000)
    text = page.result.text()
    assert text.startswith("The chain is intact (")
    assert "but 1 record no longer holds what the log recorded for it" in text
    assert "The roles of hr are administrator where audit event" in text
    assert page.result.toolTip().startswith("The roles of hr are administrator")


def test_settings_show_every_problem_beside_its_field_then_save_audited(
    workspace_for, open_list_page, qtbot
) -> None:
    admin = workspace_for("admin")
    page = open_list_page(SettingsPage, admin)
    qtbot.waitUntil(lambda: bool(page.business.inputs and page.discipline.inputs), timeout=10_000)
    idle = page.business.inputs["security.idle_lock_minutes"]
    size = page.business.inputs["evidence.max_megabytes"]
    hint = page.findChild(type(page.business.intro), "hint_security.idle_lock_minutes")
    assert hint.text().startswith("minutes, 1 to 240")
    idle.setText("0")
    size.setText("lots")
    qtbot.mouseClick(page.business.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.business.messages.visible()) == 2, timeout=10_000)
    shown = page.business.messages.visible()
    assert "between 1 and 240" in shown["security.idle_lock_minutes"]
    assert "whole number" in shown["evidence.max_megabytes"]
    assert all_settings(admin.database)["security.idle_lock_minutes"] == 10  # nothing saved

    idle.setText("15")
    size.setText("")
    size.setText("50")
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        qtbot.mouseClick(page.business.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [1]
    assert all_settings(admin.database)["security.idle_lock_minutes"] == 15
    change = events_page(admin.database, admin.actor, AuditFilter(action="setting.set"))
    assert change.events[0].details == {"before": 10, "after": 15}


def test_discipline_settings_show_not_set_and_store_a_value(
    workspace_for, open_list_page, qtbot, settle
) -> None:
    admin = workspace_for("admin")
    page = open_list_page(SettingsPage, admin)
    qtbot.waitUntil(lambda: bool(page.discipline.inputs), timeout=10_000)
    # The first agency with a setting the demo leaves unset (not a day kind).
    for index in range(page.agency.count()):
        code = page.agency.itemData(index)
        values = discipline.agency_values(admin.database, admin.actor, code)
        unset = next((v for v in values if not v.is_set and not v.key.endswith("_kind")), None)
        if unset is not None:
            break
    assert unset is not None
    page.agency.setCurrentIndex(index)
    key = unset.key
    qtbot.waitUntil(lambda: page.agency.currentData() == code and key in page.discipline.inputs,
                    timeout=10_000)  # fmt: skip
    editor = page.discipline.inputs[unset.key]
    assert editor.text() == "" and editor.placeholderText() == "not set"
    assert "no default" in page.findChild(type(page.business.intro), f"hint_{unset.key}").text()
    editor.setText("Board of Appeals" if page.discipline.fields[unset.key].kind == "text" else "12")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        qtbot.mouseClick(page.discipline.save_button, Qt.MouseButton.LeftButton)
    settle(admin)
    after = {v.key: v.value for v in discipline.agency_values(admin.database, admin.actor, code)}
    assert after[unset.key] in ("Board of Appeals", "12")
