"""Password rules and sign-in answers through the command line (in-process, both backends).

``init``, ``user add`` and ``user reset-password`` refuse a guessable password
(exit 2, with zxcvbn's advice); signing in as an unknown, disabled, locked or
mistyped account gets one answer (exit 1), while ``user list`` tells the
administrator which accounts are disabled or locked.
"""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher

from app.cli import run
from app.services import accounts

ROOT_PASSWORD = "keeper-of-keys-1"
IVAN_PASSWORD = "walrus-passage-1"


class Cli:
    """``casedesk`` run in this process against one database."""

    def __init__(
        self, url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        self.url = url
        self.monkeypatch = monkeypatch
        self.capsys = capsys

    def __call__(
        self, *args: str, user: str | None = None, password: str = "", new_password: str = ""
    ) -> tuple[int, str, str]:
        self.monkeypatch.setenv("CASEDESK_PASSWORD", password)
        self.monkeypatch.setenv("CASEDESK_NEW_PASSWORD", new_password)
        head = ["--db", self.url] + (["--user", user] if user else [])
        code = run([*head, *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Cli:
    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )
    return Cli(database_url, monkeypatch, capsys)


def _init(cli: Cli) -> None:
    code, _, err = cli("init", "--admin-user", "root", "--admin-name", "Rita Root",
                       password=ROOT_PASSWORD)  # fmt: skip
    assert code == 0, err


def test_guessable_passwords_are_refused_everywhere_a_password_is_set(cli: Cli) -> None:
    for weak, problem in [
        ("aaaaaaaaaa", 'Repeats like "aaa" are easy to guess.'),
        (" " * 10, "too easy to guess (0 of 4, at least 3 needed)"),
        ("rootrootroot", "contains the user name 'root'"),
    ]:
        code, _, err = cli("init", "--admin-user", "root", "--admin-name", "Rita Root",
                           password=weak)  # fmt: skip
        assert code == 2, err
        assert problem in err
    _init(cli)

    add = ["user", "add", "ivan", "--name", "Ivan Ito", "--roles", "investigator"]
    code, _, err = cli(*add, user="root", password=ROOT_PASSWORD, new_password="ivan")
    assert code == 2 and "too short" in err
    code, _, err = cli(*add, user="root", password=ROOT_PASSWORD, new_password="ivan-ito-ivan")
    assert code == 2 and "contains the user name 'ivan'" in err
    code, _, err = cli(*add, user="root", password=ROOT_PASSWORD, new_password="1234567890")
    assert code == 2 and "This is a top-100 common password. Add another word or two." in err
    code, _, err = cli(*add, user="root", password=ROOT_PASSWORD, new_password=IVAN_PASSWORD)
    assert code == 0, err

    reset = ["user", "reset-password", "ivan"]
    code, _, err = cli(*reset, user="root", password=ROOT_PASSWORD, new_password="qwertyuiopas")
    assert code == 2 and "too easy to guess" in err and "Traceback" not in err
    code, _, err = cli("case", "list", user="ivan", password=IVAN_PASSWORD)
    assert code == 0, err  # the old password still works: nothing was changed


def test_every_refused_sign_in_gets_the_same_answer(cli: Cli) -> None:
    _init(cli)
    for name in ("ivan", "dora", "lena"):
        code, _, err = cli("user", "add", name, "--name", f"{name.title()} Tester", "--roles",
                           "investigator", user="root", password=ROOT_PASSWORD,
                           new_password=IVAN_PASSWORD)  # fmt: skip
        assert code == 0, err
    assert cli("user", "disable", "dora", user="root", password=ROOT_PASSWORD)[0] == 0
    for _ in range(5):
        assert cli("case", "list", user="lena", password="not the password")[0] == 1

    answers = set()
    for user, password in [
        ("nobody", IVAN_PASSWORD),  # unknown
        ("ivan", "not the password"),  # wrong password
        ("dora", IVAN_PASSWORD),  # disabled, right password
        ("lena", IVAN_PASSWORD),  # locked, right password
    ]:
        code, out, err = cli("case", "list", user=user, password=password)
        assert code == 1, (user, err)
        assert out == ""
        answers.add(err)
    assert answers == {f"casedesk: {accounts.SIGN_IN_REFUSED}\n"}

    code, out, err = cli("user", "list", "--json", user="root", password=ROOT_PASSWORD)
    assert code == 0, err
    users = {u["username"]: u for u in json.loads(out)}
    assert users["dora"]["is_active"] is False
    assert users["lena"]["locked_until"] is not None
    assert users["ivan"]["is_active"] and users["ivan"]["locked_until"] is None
