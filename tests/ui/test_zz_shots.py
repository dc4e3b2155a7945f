from tests.ui.test_credential_requests_page import ardhs_case, open_form, open_page  # noqa: F401
from app.domain.cases import CaseStatus


def test_shots(workspace_for, open_page, qtbot, settle) -> None:  # noqa: F811
    ivy = workspace_for("investigator")
    page = open_page(ivy)
    dialog = open_form(page, qtbot)
    dialog.case.setCurrentIndex(dialog.case.findData(ardhs_case(ivy, CaseStatus.INTAKE)))
    dialog.platform.setEditText("Facebook")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_label("employee").isVisible(), timeout=10_000)
    settle(ivy)
    qtbot.wait(200)
    print("request size", dialog.size().toTuple())
    dialog.grab().save("/tmp/shot_request.png")
    dialog.reject()
    d2 = page.record_inadvertent()
    with qtbot.waitSignal(d2.choices_loaded, timeout=10_000):
        pass
    d2.ok_button.click()
    qtbot.waitUntil(lambda: d2.error_label("employee").isVisible(), timeout=10_000)
    settle(ivy)
    qtbot.wait(200)
    print("inadvertent size", d2.size().toTuple())
    d2.grab().save("/tmp/shot_inadvertent.png")
    d2.reject()
