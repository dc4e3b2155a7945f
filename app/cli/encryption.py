"""``casedesk db encrypt`` / ``db decrypt``: encryption at rest of the SQLite file.

Like ``db upgrade`` they act on the file, not as a user: whoever can open the
file (and, to decrypt, knows its passphrase) can run them.
"""

from __future__ import annotations

import argparse

from app.cli.context import Context, read_database_key, read_new_passphrase
from app.domain.errors import InvalidInput
from app.services import encryption


def register(
    db_commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    encrypt = db_commands.add_parser(
        "encrypt",
        parents=common,
        help="encrypt the SQLite file in place (passphrase from CASEDESK_DB_PASSPHRASE or a "
        "prompt, or --keyring)",
    )
    encrypt.add_argument(
        "--keyring",
        action="store_true",
        help="generate a key and keep it in the OS keyring instead of a passphrase",
    )
    encrypt.set_defaults(handler=cmd_db_encrypt)
    db_commands.add_parser(
        "decrypt", parents=common, help="write the encrypted SQLite file back unencrypted"
    ).set_defaults(handler=cmd_db_decrypt)


def cmd_db_encrypt(ctx: Context) -> int:
    url = ctx.url
    use_keyring = bool(ctx.args.keyring)
    passphrase = None
    if use_keyring:
        problem = encryption.keyring_problem()
        if problem is not None:
            raise InvalidInput(problem)
    else:
        # Check the file before asking for a passphrase it cannot use.
        encryption.existing_file(url, encryption.FileKind.PLAIN)
        passphrase = read_new_passphrase()
    result = encryption.encrypt(url, passphrase=passphrase, use_keyring=use_keyring)
    print(
        f"Encrypted {result.path}: {result.tables} tables, {result.rows} rows and the audit "
        f"chain of {result.audit_events} events checked in the new file."
    )
    if result.in_keyring:
        print("Its key is kept in your OS keyring; Casedesk finds it there when it opens the file.")
    else:
        print(
            "Casedesk asks for the passphrase when it opens the file (or reads "
            "CASEDESK_DB_PASSPHRASE). If the passphrase is lost, the data is lost: keep a backup."
        )
    return 0


def cmd_db_decrypt(ctx: Context) -> int:
    url = ctx.url
    encryption.existing_file(url, encryption.FileKind.ENCRYPTED)
    key = read_database_key(url)
    result = encryption.decrypt(url, key=key)
    print(
        f"Decrypted {result.path}: {result.tables} tables, {result.rows} rows and the audit "
        f"chain of {result.audit_events} events checked; the file is no longer encrypted."
    )
    return 0
