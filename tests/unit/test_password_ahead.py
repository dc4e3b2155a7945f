"""The password check a command starts before its modules load (app.services.password_ahead).

``authenticate`` takes its result only for the very hash and password it
checked; every rule of signing in still applies.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text

from app.db.early import stored_password_hash
from app.db.models import User
from app.domain.actor import Actor
from app.domain.errors import AuthenticationFailed
from app.services import accounts, password_ahead
from app.services.database import Database
from app.services.password_ahead import PasswordAhead

PASSWORD = "correct horse battery staple"


@pytest.fixture
def admin(database: Database, cheap_hashing: None) -> Actor:
    return accounts.bootstrap_administrator(
        database, username="admin", full_name="Ada Administrator", password=PASSWORD
    )


def _stored_hash(database: Database) -> str:
    with database.unit_of_work() as uow:
        return str(uow.session.scalar(select(User.password_hash).where(User.username == "admin")))


def _actions(database: Database) -> list[str]:
    with database.engine.connect() as connection:
        return list(connection.scalars(text("SELECT action FROM audit_events ORDER BY seq")))


def test_started_from_the_sqlite_file_it_signs_in_as_authenticate_alone_does(
    database: Database, admin: Actor, database_url: str
) -> None:
    ahead = password_ahead.start(database_url, " Admin ", PASSWORD)
    if database.dialect != "sqlite":
        assert ahead is None  # read only from a plain SQLite file; authenticate verifies
        return
    assert ahead is not None
    stored = stored_password_hash(database_url, "ADMIN")
    assert stored is not None and stored.password_hash == _stored_hash(database)
    actor = accounts.authenticate(database, "admin", PASSWORD, ahead=ahead)
    assert actor.username == "admin"
    assert _actions(database)[-1] == "user.login"


def test_a_wrong_password_checked_ahead_is_refused_and_counted(
    database: Database, admin: Actor
) -> None:
    ahead = PasswordAhead(_stored_hash(database), "not the password")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(database, "admin", "not the password", ahead=ahead)
    assert _actions(database)[-1] == "user.login_failed"
    with database.unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == "admin"))
        assert user is not None and user.failed_logins == 1


def test_a_check_ahead_that_fails_unexpectedly_leaves_the_sign_in_to_verify(
    database: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anything but a verdict on the thread (an import that raised, argon2 itself
    failing) is never taken as a wrong password: authenticate verifies, and the
    right password signs in."""

    def failing(_hash: str, _password: str) -> bool:
        raise RuntimeError("deadlock detected by _ModuleLock('argon2')")

    monkeypatch.setattr(password_ahead, "verify_sparing_a_core", failing)
    ahead = PasswordAhead(_stored_hash(database), PASSWORD)
    assert ahead.result_for(_stored_hash(database), PASSWORD) is None
    actor = accounts.authenticate(database, "admin", PASSWORD, ahead=ahead)
    assert actor.username == "admin"
    assert _actions(database)[-1] == "user.login"


def test_a_check_of_another_hash_or_password_is_not_taken(database: Database, admin: Actor) -> None:
    # The password matches the hash checked ahead, but not the stored one (it was
    # changed since, or the file read was another database): authenticate verifies.
    other = PasswordHasher(time_cost=1, memory_cost=64).hash("guessed")
    ahead = PasswordAhead(other, "guessed")
    assert ahead.result_for(other, "guessed") is True
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(database, "admin", "guessed", ahead=ahead)
    # The right hash checked with another password is not taken for this one either.
    ahead = PasswordAhead(_stored_hash(database), "guessed")
    assert ahead.result_for(_stored_hash(database), PASSWORD) is None
    assert accounts.authenticate(database, "admin", PASSWORD, ahead=ahead).username == "admin"


def test_a_disabled_account_is_refused_even_with_the_right_password_checked_ahead(
    database: Database, admin: Actor
) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE users SET is_active = false WHERE username = 'admin'"))
    ahead = PasswordAhead(_stored_hash(database), PASSWORD)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(database, "admin", PASSWORD, ahead=ahead)


def test_an_unknown_name_costs_the_same_work_ahead_and_is_refused(
    database: Database, admin: Actor, database_url: str
) -> None:
    if database.dialect == "sqlite":
        stored = stored_password_hash(database_url, "nobody")
        assert stored is not None and stored.password_hash is None
        assert password_ahead.start(database_url, "nobody", PASSWORD) is not None
    ahead = PasswordAhead(None, PASSWORD)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(database, "nobody", PASSWORD, ahead=ahead)
    assert ahead.result_for(None, PASSWORD) is False
    # A user added since the file was read is checked against their own hash.
    assert ahead.result_for(_stored_hash(database), PASSWORD) is None
    assert accounts.authenticate(database, "admin", PASSWORD, ahead=ahead).username == "admin"


def test_an_unknown_name_costs_one_verification_ahead_as_a_known_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    known = PasswordHasher(time_cost=1, memory_cost=64).hash(PASSWORD)
    verified: list[str] = []
    made: list[str] = []
    verify, make = password_ahead.verify_sparing_a_core, PasswordHasher.hash

    def counted_verify(password_hash: str, password: str) -> bool:
        verified.append(password_hash)
        return verify(password_hash, password)

    def counted_make(self: PasswordHasher, password: str | bytes, **kwargs: object) -> str:
        made.append(str(password))
        return make(self, password, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(password_ahead, "verify_sparing_a_core", counted_verify)
    monkeypatch.setattr(PasswordHasher, "hash", counted_make)
    assert PasswordAhead(None, PASSWORD).result_for(None, PASSWORD) is False
    assert PasswordAhead(known, PASSWORD).result_for(known, PASSWORD) is True
    assert verified == [password_ahead.DUMMY_HASH, known]  # one argon2 run each
    assert made == []  # and no hash made first for the unknown name


def test_nothing_is_checked_ahead_without_a_readable_plain_sqlite_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert password_ahead.start("postgresql://u@localhost/db", "admin", PASSWORD) is None
    assert password_ahead.start(f"sqlite:///{tmp_path / 'none.sqlite3'}", "a", PASSWORD) is None
    garbage = tmp_path / "encrypted.sqlite3"
    garbage.write_bytes(b"\x8f" * 4096)  # what an encrypted file looks like to sqlite3
    garbage.chmod(0o600)
    # The file is read on the check's thread: it takes no part in a sign-in then,
    # whatever hash the sign-in finds (authenticate verifies itself).
    ahead = password_ahead.start(f"sqlite:///{garbage}", "admin", PASSWORD)
    assert ahead is not None
    some_hash = PasswordHasher(time_cost=1, memory_cost=64).hash(PASSWORD)
    assert ahead.result_for(None, PASSWORD) is None
    assert ahead.result_for(some_hash, PASSWORD) is None
    assert stored_password_hash(f"sqlite:///{garbage}", "admin") is None
    assert stored_password_hash(f"sqlite:///{garbage}?mode=ro", "admin") is None


def test_a_file_others_may_read_is_left_to_the_ordinary_open(
    database: Database, admin: Actor, database_url: str
) -> None:
    if database.dialect != "sqlite":
        return
    path = Path(database_url.removeprefix("sqlite:///"))
    path.chmod(0o644)
    ahead = password_ahead.start(database_url, "admin", PASSWORD)
    assert ahead is not None
    assert ahead.result_for(_stored_hash(database), PASSWORD) is None  # not read ahead
    path.chmod(0o600)
    assert accounts.authenticate(database, "admin", PASSWORD, ahead=ahead).username == "admin"


_LOADS_AHEAD = """
import sys, threading
from app.services import password_ahead
before = sorted(m for m in password_ahead.EXTENSIONS if m in sys.modules)
loaded_on = {}
phase = ["starting"]

def noted(event, args):
    if event == "import" and args[0] in password_ahead.EXTENSIONS:
        loaded_on.setdefault(args[0], (threading.current_thread().name, phase[0]))

sys.addaudithook(noted)
ahead = password_ahead.start(sys.argv[1], "nobody", "a password")
phase[0] = "asked"  # asked at once here (a command asks much later): it may load one too
ahead.result_for(None, "a password")
after = sorted(m for m in password_ahead.EXTENSIONS if m in sys.modules)
import json
print(json.dumps([before, after, sorted(set(loaded_on.values()))]))
"""


@pytest.mark.subprocess
def test_the_check_ahead_loads_the_extension_modules_on_its_thread(database_url: str) -> None:
    import json
    import subprocess
    import sys

    if not database_url.startswith("sqlite"):
        return
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _LOADS_AHEAD, database_url], capture_output=True, text=True,
        cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}, timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    before, after, threads = json.loads(done.stdout.splitlines()[-1])
    assert before == []  # none of them loaded by the main thread's imports so far
    assert after == sorted(password_ahead.EXTENSIONS)
    # Loaded on the check's thread; none by the main thread while it starts the check.
    assert any(thread == "password-check" for thread, _phase in threads)
    assert ["MainThread", "starting"] not in threads


@pytest.mark.parametrize("kind", ["ID", "I", "D"])
@pytest.mark.parametrize("parallelism", [1, 2, 4])
def test_the_one_thread_check_agrees_with_argon2s_own(kind: str, parallelism: int) -> None:
    from argon2 import Type
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = PasswordHasher(
        time_cost=2, memory_cost=64 * parallelism, parallelism=parallelism,
        hash_len=16 + 8 * parallelism, salt_len=16, type=Type[kind],
    )  # fmt: skip
    stored = hasher.hash("pässwörd ✓")
    for attempt in ("pässwörd ✓", "passwörd ✓", "", "pässwörd ✓ "):
        try:
            expected = hasher.verify(stored, attempt)
        except VerificationError:
            expected = False
        try:
            got = password_ahead.verify_sparing_a_core(stored, attempt)
        except VerificationError:
            got = False
        assert got == expected, attempt
    damaged = stored[:-4] + ("AAAA" if not stored.endswith("AAAA") else "BBBB")
    with pytest.raises(VerificationError):
        password_ahead.verify_sparing_a_core(damaged, "pässwörd ✓")
    for malformed in ("", "$argon2id$v=19$m=64,t=2,p=1$c2FsdA", "not a hash", stored + "$x"):
        with pytest.raises((InvalidHashError, VerificationError)):
            password_ahead.verify_sparing_a_core(malformed, "pässwörd ✓")
