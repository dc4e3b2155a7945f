"""Charging in the GUI: the picker greys what cannot be charged, asks for the sunset
confirmation, and the catalog view names each provision's kind and the policy's dates."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import text

from app.domain.cases import CaseStatus
from app.services import cases
from app.ui.case_view.models import ProvisionModel
from app.ui.case_view.provision_picker import ProvisionPicker
from app.ui.catalog.page import CatalogPage


def _row(picker: ProvisionPicker, citation: str) -> int:
    for row in range(picker.proxy.rowCount()):
        if picker.proxy.index(row, ProvisionModel.CITATION).data() == citation:
            return row
    raise AssertionError(f"{citation} is not listed")


def test_the_picker_greys_a_definition_and_will_not_charge_it(workspace_for, qtbot) -> None:
    ivy = workspace_for("investigator")
    picker = ProvisionPicker(ivy, "ARDHS")
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.loaded, timeout=10_000):
        picker.show()
    definition = picker.proxy.index(_row(picker, "AR-DHS II(A)(2)"), ProvisionModel.CITATION)
    rule = picker.proxy.index(_row(picker, "AR-DHS II(A)"), ProvisionModel.CITATION)
    # Greyed, with a tooltip that says why and what to charge instead.
    assert definition.data(ProvisionModel.ChargeableRole) is False
    assert definition.data(Qt.ItemDataRole.ForegroundRole) is not None
    tip = definition.data(Qt.ItemDataRole.ToolTipRole)
    assert "definition; cannot be charged" in tip and "II(A), II(C)(1)" in tip
    assert rule.data(ProvisionModel.ChargeableRole) is True
    assert rule.data(Qt.ItemDataRole.ForegroundRole) is None

    picker.select_row(definition.row())
    assert not picker.choose_button.isEnabled()
    assert picker.message.isVisible()
    assert "AR-DHS II(A)(2) cannot be charged" in picker.message.text()
    assert "Confidential information includes" in picker.text.toPlainText()  # still readable
    picker.on_choose_clicked()  # a double click does nothing either
    assert picker.isVisible()

    picker.select_row(rule.row())
    assert picker.choose_button.isEnabled()
    assert not picker.message.isVisible()
    assert picker.in_force.isHidden()  # AR DHS has no sunset date
    picker.reject()


def test_a_policy_past_its_sunset_needs_the_box_ticked(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INTAKE, lambda d: d.agency_code == "MODMH")
    assert detail.fields.conduct_from is not None and detail.fields.conduct_from.year > 2018
    cited = next(
        c for c in ("MO-DMH-DOR-6.675 (1)(B)9", "MO-DMH-DOR-6.675 (1)(B)7")
        if c not in {a.citation for a in detail.allegations}
    )  # fmt: skip
    view = open_view(ivy, detail.id)
    view.tabs.setCurrentWidget(view.allegations)
    view.allegations.add_button.click()
    picker = view.allegations.picker
    assert isinstance(picker, ProvisionPicker)
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0)
    picker.select_row(_row(picker, cited))
    assert not picker.in_force.isHidden()
    assert "2018-07-01" in picker.in_force.text()
    assert "sunset date 2018-07-01" in picker.text.toPlainText()  # the policy's dates

    # Without the confirmation the service refuses; the picker says why and stays open.
    picker.choose_button.click()
    qtbot.waitUntil(lambda: picker.message.isVisible(), timeout=10_000)
    assert "sunset date 2018-07-01 is before the conduct" in picker.message.text()
    assert picker.isVisible() and picker.choose_button.isEnabled()
    assert cited not in {a.citation for a in cases.get_case(ivy.database, ivy.actor,
                                                            detail.id).allegations}  # fmt: skip

    picker.in_force.setChecked(True)
    assert not picker.message.isVisible()
    with qtbot.waitSignal(picker.finished, timeout=10_000):
        picker.choose_button.click()
    settle(ivy)
    saved = cases.get_case(ivy.database, ivy.actor, detail.id)
    assert cited in {a.citation for a in saved.allegations}
    with ivy.database.engine.connect() as connection:
        details = connection.execute(
            text(
                "SELECT details FROM audit_events WHERE action = 'allegation.add' "
                "ORDER BY seq DESC LIMIT 1"
            )  # fmt: skip
        ).scalar_one()
    details = details if isinstance(details, dict) else json.loads(details)
    assert details["provision"] == cited
    assert details["policy_in_force_confirmed"]["sunset"] == "2018-07-01"


def test_the_catalog_view_names_the_kind_and_the_sunset_date(workspace_for, qtbot, settle) -> None:
    ivy = workspace_for("investigator")
    page = CatalogPage(ivy)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    settle(ivy)

    assert page.select("MO-DMH-DOR-6.675 (3)")
    panel = page.provision_panel
    assert "permissive clause; cannot be charged" in panel.kind.text()
    assert "sunset date 2018-07-01" in panel.policy.text()
    assert page.select("STL-AR-150 IV.K.1.h")
    assert "prohibits conduct; can be charged" in panel.kind.text()
    assert panel.lead_in.isVisible()
    assert "Employees of the Police Division" in panel.lead_in.text()
    assert page.select("MO-DMH-DOR-6.675")
    assert "charging conduct after it needs a confirmation" in page.policy_panel.sunset.text()
    settle(ivy)
