"""The administrator, an investigator, a supervisor and HR in every agency, for the
due-process and letter commands (``hr_team_cli`` in ``tests/e2e/conftest.py``)."""

from __future__ import annotations

import pytest

from app.cli import run
from app.domain.permissions import Role
from app.services import accounts, setup
from app.services.database import Database

PASSWORD = "quartz lantern meadow"
#: Every agency of the catalog: the users work the cases of each.
AGENCIES = ("ARDHS", "MADYS", "MODMH", "MODNR", "STLCITY")


class Cli:
    """``casedesk`` run in this process against one database, as one user."""

    def __init__(
        self, url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        self.url, self.monkeypatch, self.capsys = url, monkeypatch, capsys

    def __call__(self, *args: str, user: str = "hana") -> tuple[int, str, str]:
        self.monkeypatch.setenv("CASEDESK_PASSWORD", PASSWORD)
        code = run(["--db", self.url, "--user", user, *args])
        out, err = self.capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err


def make_team(url: str) -> None:
    """``init`` and the three users (ivy, sam, hana); run once per backend as a template
    (password hashes at the test cost, as every template is made)."""
    database = Database.open(url)
    try:
        admin = setup.initialize(
            database, admin_username="admin", admin_full_name="Ada Admin",
            admin_password=PASSWORD,
        ).administrator  # fmt: skip
        assert admin is not None
        for name, full, role in (("ivy", "Ivy Investigator", Role.INVESTIGATOR),
                                 ("sam", "Sam Supervisor", Role.SUPERVISOR),
                                 ("hana", "Hana HR", Role.HR)):  # fmt: skip
            accounts.add_user(database, admin, username=name, full_name=full,
                              password=PASSWORD, roles=frozenset({role}),
                              agency_codes=AGENCIES)  # fmt: skip
    finally:
        database.close()
