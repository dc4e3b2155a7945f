"""Commands for administrators: init, db, user, audit, demo."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import access
from app.cli import encryption as encryption_commands
from app.cli.context import ENV_PASSWORD, Context, read_new_passphrase, read_password
from app.cli.output import local_time, print_fields, print_json, print_table
from app.domain.errors import IntegrityFailure, InvalidInput
from app.domain.permissions import Permission, parse_roles, permissions_of
from app.domain.settings import SETTINGS
from app.services import accounts, encryption, settings, setup
from app.services.integrity import registry, verification
from app.services.integrity.checkpoints import CheckpointOutcome
from app.services.integrity.keys import KeyStorage
from app.services.integrity.registry import Registration

ENV_NEW_PASSWORD = "CASEDESK_NEW_PASSWORD"


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:  # noqa: E501
    init = commands.add_parser(
        "init",
        parents=common,
        help="create or upgrade the database, load the policy catalog, add the first administrator",
    )
    init.add_argument("--admin-user", default="admin", help="user name of the first administrator")
    init.add_argument(
        "--admin-name", default="Administrator", help="full name of the first administrator"
    )
    init.add_argument(
        "--encrypt",
        action="store_true",
        help="create the SQLite file encrypted (passphrase from CASEDESK_DB_PASSPHRASE or a "
        "prompt, or --keyring)",
    )
    init.add_argument(
        "--keyring",
        action="store_true",
        help="with --encrypt: generate the key and keep it in the OS keyring",
    )
    _signing_key_option(init)
    init.set_defaults(handler=cmd_init, creates_database=True)

    db = commands.add_parser("db", parents=common, help="database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    db_commands.add_parser(
        "upgrade", parents=common, help="upgrade the schema to this version"
    ).set_defaults(handler=cmd_db_upgrade)
    db_commands.add_parser("current", parents=common, help="show the schema revision").set_defaults(
        handler=cmd_db_current
    )
    encryption_commands.register(db_commands, common)

    user = commands.add_parser("user", parents=common, help="accounts and roles")
    users = user.add_subparsers(dest="user_command", required=True, metavar="COMMAND")
    add = users.add_parser(
        "add", parents=common, help="add a user (password from CASEDESK_NEW_PASSWORD or a prompt)"
    )
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument(
        "--roles", required=True, help="comma-separated: administrator,investigator,supervisor,hr"
    )
    add.add_argument("--agency", action="append", default=[], metavar="CODE",
                     help="an agency whose cases the user sees (repeatable)")  # fmt: skip
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(handler=cmd_user_add)
    listing = users.add_parser("list", parents=common, help="list users")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_user_list)
    for name, handler, text in (
        ("disable", cmd_user_disable, "disable an account"),
        ("enable", cmd_user_enable, "enable a disabled account"),
        ("unlock", cmd_user_unlock, "lift a lock-out after failed sign-ins"),
        (
            "reset-password",
            cmd_user_reset_password,
            "set a new password (from CASEDESK_NEW_PASSWORD or a prompt)",
        ),
    ):
        sub = users.add_parser(name, parents=common, help=text)
        sub.add_argument("username")
        sub.set_defaults(handler=handler)
    roles = users.add_parser("roles", parents=common, help="replace a user's roles")
    roles.add_argument("username")
    roles.add_argument("--roles", required=True, help="comma-separated role names")
    roles.set_defaults(handler=cmd_user_roles)
    access.add_user_commands(users, common)

    audit_parser = commands.add_parser("audit", parents=common, help="the tamper-evident audit log")
    audit_commands = audit_parser.add_subparsers(
        dest="audit_command", required=True, metavar="COMMAND"
    )
    verify = audit_commands.add_parser(
        "verify", parents=common, help="recompute the hash chain; exit 1 if broken"
    )
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.add_argument(
        "--checkpoint", action="append", default=[], metavar="SEQ:HASH",
        help="also check against this checkpoint, as printed on a report (repeatable)",
    )  # fmt: skip
    verify.set_defaults(handler=cmd_audit_verify)
    key = audit_commands.add_parser(
        "key", parents=common, help="this workstation's key that signs audit checkpoints"
    )
    key_commands = key.add_subparsers(dest="key_command", required=True, metavar="COMMAND")
    key_register = key_commands.add_parser(
        "register", parents=common,
        help="create this workstation's signing key if missing and register it (administrators)",
    )  # fmt: skip
    _signing_key_option(key_register)
    key_register.set_defaults(handler=cmd_audit_key_register)
    key_list = key_commands.add_parser("list", parents=common, help="list the registered keys")
    key_list.add_argument("--json", action="store_true", help="print JSON")
    key_list.set_defaults(handler=cmd_audit_key_list)
    key_trust = key_commands.add_parser(
        "trust", parents=common,
        help="trust a registered key on this workstation, e.g. the key of the workstation a "
             "database came from (administrators; check its id there first)",
    )  # fmt: skip
    key_trust.add_argument(
        "key_id", metavar="KEYID", help="the key's id, as 'audit key list' shows"
    )
    key_trust.set_defaults(handler=cmd_audit_key_trust)

    settings_parser = commands.add_parser("setting", parents=common, help="business settings")
    settings_commands = settings_parser.add_subparsers(
        dest="setting_command", required=True, metavar="COMMAND"
    )
    settings_list = settings_commands.add_parser("list", parents=common, help="list settings")
    settings_list.add_argument("--json", action="store_true", help="print JSON")
    settings_list.set_defaults(handler=cmd_setting_list)
    settings_set = settings_commands.add_parser(
        "set", parents=common, help="change a setting (administrators)"
    )
    settings_set.add_argument("key", help="e.g. security.idle_lock_minutes")
    settings_set.add_argument("value")
    settings_set.set_defaults(handler=cmd_setting_set)

    demo_parser = commands.add_parser(
        "demo", parents=common, help="fill a new database with demo users and cases"
    )
    demo_parser.add_argument(
        "--if-missing", action="store_true", help="do nothing if the database already has accounts"
    )
    _signing_key_option(demo_parser)
    demo_parser.set_defaults(handler=cmd_demo, creates_database=True)


def _signing_key_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--signing-key", choices=[s.value for s in KeyStorage], default=None,
        help="where a new signing key for audit checkpoints is kept: the OS keyring or a file "
             "readable only by you (default: the keyring when one is usable, else a file)",
    )  # fmt: skip


def cmd_init(ctx: Context) -> int:
    if ctx.args.keyring and not ctx.args.encrypt:
        raise InvalidInput("--keyring goes with --encrypt: casedesk init --encrypt --keyring.")
    if ctx.args.encrypt:
        use_keyring = bool(ctx.args.keyring)
        if use_keyring:
            problem = encryption.keyring_problem()
            if problem is not None:
                raise InvalidInput(problem)
        # The file must be new before a passphrase is asked for it.
        encryption.require_new_file(ctx.url)
        key = encryption.new_database_key(
            ctx.url,
            passphrase=None if use_keyring else read_new_passphrase(),
            use_keyring=use_keyring,
        )
        database = ctx.open_database(key)
    else:
        database = ctx.database
    password = None
    if setup.needs_administrator(database):
        password = read_password(
            f"Password for the new administrator {ctx.args.admin_user}: ",
            env=ENV_PASSWORD,
            confirm=True,
        )
    result = setup.initialize(
        database,
        admin_username=ctx.args.admin_user,
        admin_full_name=ctx.args.admin_name,
        admin_password=password,
        signing_key=ctx.args.signing_key,
    )
    encrypted = " (encrypted)" if database.encrypted else ""
    print(f"Database ready{encrypted}: {database.display_name}")
    _say_earlier_checkpoints(result.earlier_checkpoints)
    loaded = result.catalog
    print(
        f"Policy catalog: {loaded.policies_added} policies and {loaded.provisions_added} "
        f"provisions added, {loaded.provisions_updated} updated."
    )
    if result.administrator:
        print(f"Administrator {result.administrator.username} created.")
    if result.signing is not None:
        _say_registration(ctx, result.signing)
    if result.checkpoint is not None:
        _say_checkpoint(ctx, result.checkpoint)
    return 0


def _say_registration(ctx: Context, registration: Registration) -> None:
    key = registration.key
    where = "the OS keyring" if key.storage is KeyStorage.KEYRING else f"{key.private_path} (0600)"
    made = "created; private key in" if registration.created else "private key in"
    print(f"Signing key {key.key_id} of {key.name}: {made} {where}.")
    if registration.newly_registered:
        print(f"Signing key {key.key_id} registered in the database.")
    else:
        print(f"Signing key {key.key_id} was already registered in the database.")
    ctx.warn(registration.note)


def _say_earlier_checkpoints(moved: Path | None) -> None:
    if moved is not None:
        print(
            f"A checkpoint file of an earlier database at this place was moved to {moved}: "
            "its checkpoints are not this database's. Keep it while that database may "
            "come back."
        )


def _say_checkpoint(ctx: Context, outcome: CheckpointOutcome) -> None:
    if outcome.line:
        print(outcome.line)
    for place in outcome.written:
        print(f"  kept in {place}")
    ctx.warn(outcome.warning)


def cmd_db_upgrade(ctx: Context) -> int:
    database = ctx.database  # opening upgrades
    state = database.state()
    print(f"{database.display_name} is at schema revision {state.current} (newest: {state.head}).")
    pending = accounts.agencies_to_review(database)
    if pending:
        print(
            f"Agency membership: {pending} account(s) were given the agencies of the cases "
            "they worked on; an administrator should review them ('casedesk user list')."
        )
    return 0


def cmd_db_current(ctx: Context) -> int:
    return cmd_db_upgrade(ctx)


def _new_password(username: str) -> str:
    return read_password(f"New password for {username}: ", env=ENV_NEW_PASSWORD, confirm=True)


def cmd_user_add(ctx: Context) -> int:
    actor = ctx.actor
    actor.require(Permission.USER_MANAGE)
    roles = parse_roles(ctx.args.roles)
    info = accounts.add_user(
        ctx.database,
        actor,
        username=ctx.args.username,
        full_name=ctx.args.name,
        password=_new_password(ctx.args.username),
        roles=roles,
        agency_codes=tuple(ctx.args.agency),
    )
    if ctx.args.json:
        print_json(info)
    else:
        print(f"User {info.username} added with roles {', '.join(info.roles)}.")
        if info.agencies:
            print(f"{info.username} sees the cases of {', '.join(info.agencies)}.")
        elif Permission.CASE_VIEW in permissions_of(info.roles):
            ctx.warn(
                f"{info.username} belongs to no agency and sees no case; add one with "
                f"'casedesk user agencies {info.username} --add CODE'."
            )
    return 0


def cmd_user_list(ctx: Context) -> int:
    users = accounts.list_users(ctx.database, ctx.actor)
    if ctx.args.json:
        print_json(users)
        return 0
    print_table(
        ("User", "Name", "Roles", "Agencies", "State", "Last sign-in"),
        [
            (
                u.username,
                u.full_name,
                ",".join(u.roles),
                ",".join(u.agencies) + (" (review)" if u.agencies_to_review else ""),
                "disabled" if not u.is_active else ("locked" if u.locked_until else "active"),
                local_time(u.last_login_at),
            )
            for u in users
        ],
    )
    _say_review([u.username for u in users if u.agencies_to_review])
    return 0


def _say_review(usernames: list[str]) -> None:
    if usernames:
        print(
            f"Review the agencies of {', '.join(usernames)}: the upgrade gave each the agencies "
            "of the cases they worked on ('casedesk user agencies USER --add/--remove CODE')."
        )


def cmd_user_disable(ctx: Context) -> int:
    info = accounts.set_active(ctx.database, ctx.actor, ctx.args.username, active=False)
    print(f"User {info.username} disabled.")
    return 0


def cmd_user_enable(ctx: Context) -> int:
    info = accounts.set_active(ctx.database, ctx.actor, ctx.args.username, active=True)
    print(f"User {info.username} enabled.")
    return 0


def cmd_user_unlock(ctx: Context) -> int:
    info = accounts.unlock(ctx.database, ctx.actor, ctx.args.username)
    print(f"User {info.username} unlocked.")
    return 0


def cmd_user_reset_password(ctx: Context) -> int:
    actor = ctx.actor
    actor.require(Permission.USER_MANAGE)
    info = accounts.reset_password(
        ctx.database, actor, ctx.args.username, _new_password(ctx.args.username)
    )
    print(f"Password of {info.username} reset.")
    return 0


def cmd_user_roles(ctx: Context) -> int:
    info = accounts.set_roles(
        ctx.database, ctx.actor, ctx.args.username, parse_roles(ctx.args.roles)
    )
    print(f"User {info.username} now has roles {', '.join(info.roles)}.")
    return 0


#: Rows ``audit verify`` lists that no longer hold what the log recorded (``--json``: all).
_LISTED = 20


def cmd_audit_verify(ctx: Context) -> int:
    verification.parse_given(ctx.args.checkpoint)  # bad input is said before signing in
    result = verification.verify_audit(ctx.database, ctx.actor, given=ctx.args.checkpoint)
    chain = result.chain
    written = result.written
    if ctx.args.json:
        print_json(
            {
                "intact": result.intact,
                "checked": chain.checked,
                "first_bad_event": chain.finding.seq if chain.finding else None,
                "problem": chain.finding.problem.value if chain.finding else None,
                "message": result.problem,
                "checkpoints": result.counts,
                "keys_known_only_from_database": list(result.database_keyed),
                "records_changed": list(result.record_problems),
                "checkpoint": written.line if written and written.checkpoint else None,
            }
        )
    if result.record_problems:
        if not ctx.args.json:
            for line in result.record_problems[:_LISTED]:
                print(f"- {line}.")
            if len(result.record_problems) > _LISTED:
                print(f"- and {len(result.record_problems) - _LISTED:,} more ('--json' lists all).")
        count = len(result.record_problems)
        raise IntegrityFailure(
            f"The audit log is intact ({chain.checked} events verified, {result.summary}), but "
            + (
                "1 record does not hold what the log recorded for it"
                if count == 1
                else f"{count} records do not hold what the log recorded for them"
            )
            + (" (listed above)" if not ctx.args.json else "")
            + ": changed outside Casedesk. The log keeps what was recorded, by whom and "
            "when ('casedesk audit log')."
        )
    if result.problem is not None:
        raise IntegrityFailure(f"The audit log is broken: {result.problem} ({result.summary}).")
    if not ctx.args.json:
        print(f"Audit log intact: {chain.checked} events verified, {result.summary}.")
        print(result.anchor_note)
        if written is not None:
            _say_checkpoint(ctx, written)
    elif written is not None:
        ctx.warn(written.warning)
    return 0


def cmd_audit_key_register(ctx: Context) -> int:
    registration = registry.register_local_key(
        ctx.database, ctx.actor, storage=ctx.args.signing_key
    )
    _say_registration(ctx, registration)
    return 0


def cmd_audit_key_list(ctx: Context) -> int:
    keys = registry.list_keys(ctx.database, ctx.actor)
    if ctx.args.json:
        print_json(keys)
        return 0
    print_table(
        ("Key", "Workstation", "Trusted here", "Registered by", "Registered", "Public key"),
        [
            (
                k.key_id + (" (this one)" if k.local else ""),
                k.name,
                "yes" if k.trusted_here else "no (known only from the database)",
                k.registered_by,
                local_time(k.registered_at),
                k.public_key,
            )
            for k in keys
        ],
    )
    return 0


def cmd_audit_key_trust(ctx: Context) -> int:
    key, newly = registry.trust_registered_key(ctx.database, ctx.actor, ctx.args.key_id)
    if not newly:
        print(f"Key {key.key_id} of {key.name} is trusted on this workstation already.")
        return 0
    print(
        f"Key {key.key_id} of {key.name} is now trusted on this workstation: the checkpoints "
        "it signed in the checkpoint file anchor the audit log ('casedesk audit verify')."
    )
    return 0


def cmd_setting_list(ctx: Context) -> int:
    values = settings.all_settings(ctx.database)
    if ctx.args.json:
        print_json(values)
        return 0
    print_table(
        ("Setting", "Value", "Meaning"),
        [(key, value, SETTINGS[key].label) for key, value in values.items()],
    )
    return 0


def cmd_setting_set(ctx: Context) -> int:
    value = settings.set_value(ctx.database, ctx.actor, ctx.args.key, ctx.args.value)
    print(f"{ctx.args.key} = {value}")
    return 0


def cmd_demo(ctx: Context) -> int:
    # The demo's story data is loaded only when asked for, not on every command.
    from app.services import demo

    database = ctx.database
    if ctx.args.if_missing and not setup.needs_administrator(database):
        print(f"{database.display_name} already has accounts; demo data not added.")
        return 0
    result = demo.create_demo(database, signing_key=ctx.args.signing_key)
    print(f"Demo data added to {database.display_name}: {result.case_count} cases.")
    _say_earlier_checkpoints(result.earlier_checkpoints)
    ctx.warn(result.signing_note)
    if result.checkpoint is not None:
        _say_checkpoint(ctx, result.checkpoint)
    print_fields([("Demo accounts", "")])
    print_table(
        ("User", "Name", "Role", "Password"),
        [(u.username, u.full_name, u.role, u.password) for u in demo.DEMO_USERS],
    )
    return 0
