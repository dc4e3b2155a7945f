"""``init`` and the policy catalog on real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.errors import InvalidInput, NotFound, PermissionDenied, Refused
from app.domain.permissions import Role
from app.resources import policy_files
from app.services import accounts, catalog, setup
from app.services.catalog import read_policy_file
from app.services.database import Database

ADMIN_PASSWORD = "correct horse battery staple"


def _init(database: Database) -> setup.InitResult:
    return setup.initialize(
        database,
        admin_username="Admin",
        admin_full_name="Ada Administrator",
        admin_password=ADMIN_PASSWORD,
    )


def _actions(database: Database) -> list[str]:
    with database.engine.connect() as connection:
        return list(connection.scalars(text("SELECT action FROM audit_events ORDER BY seq")))


def _investigator(database: Database, admin: Actor) -> Actor:
    info = accounts.add_user(
        database,
        admin,
        username="ivan",
        full_name="Ivan Investigator",
        password="Walrus long passphrase",
        roles=frozenset({Role.INVESTIGATOR}),
        agency_codes=("ARDHS", "MADYS", "MODMH", "MODNR", "STLCITY"),
    )
    return Actor(info.id, info.username, info.full_name, frozenset(info.roles))


def test_init_creates_the_administrator_and_loads_five_policies(database: Database) -> None:
    result = _init(database)
    shipped = sum(len(read_policy_file(p).provisions) for p in policy_files())

    assert result.administrator is not None
    assert result.administrator.username == "admin"
    assert result.administrator.roles == {Role.ADMINISTRATOR}
    assert result.catalog.policies_added == 5
    assert result.catalog.provisions_added == shipped
    assert result.catalog.provisions_updated == 0
    assert _actions(database) == (
        ["user.bootstrap"] + ["agency.add", "catalog.load"] * 5 + ["signing_key.register"]
    )

    policies = catalog.list_policies(database, result.administrator)
    assert [p.code for p in policies] == sorted(p.code for p in policies)
    assert {p.agency_code for p in policies} == {"ARDHS", "MADYS", "MODMH", "MODNR", "STLCITY"}
    assert sum(p.provision_count for p in policies) == shipped


def test_init_runs_again_without_changing_anything(database: Database) -> None:
    admin = _init(database).administrator
    assert admin is not None
    before = _actions(database)

    again = _init(database)

    assert again.administrator is None
    assert again.catalog == catalog.CatalogLoad(0, 0, 0)
    assert _actions(database) == before
    assert len(catalog.list_policies(database, admin)) == 5
    assert [u.username for u in accounts.list_users(database, admin)] == ["admin"]


def test_init_with_a_bad_administrator_writes_nothing(database: Database) -> None:
    with pytest.raises(InvalidInput, match="too short"):
        setup.initialize(
            database, admin_username="admin", admin_full_name="Ada", admin_password="short"
        )
    assert setup.needs_administrator(database)
    assert _actions(database) == []


def test_a_second_bootstrap_is_refused(database: Database) -> None:
    _init(database)
    with pytest.raises(Refused, match="already has accounts"):
        accounts.bootstrap_administrator(
            database, username="eve", full_name="Eve", password=ADMIN_PASSWORD
        )


def test_a_provision_changed_in_the_database_is_restored_on_reload(database: Database) -> None:
    admin = _init(database).administrator
    assert admin is not None
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE provisions SET text = 'edited' WHERE ref = 'II(G)' AND policy_id = "
                "(SELECT id FROM policies WHERE code = 'AR-DHS')"
            )
        )
    before = len(_actions(database))

    result = catalog.reload_catalog(database, admin)

    assert result == catalog.CatalogLoad(0, 0, 1)
    assert "formal investigation" in catalog.get_provision(database, admin, "AR-DHS II(G)").text
    with database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT action, details FROM audit_events WHERE seq > :seq"), {"seq": before}
        ).all()
    assert len(rows) == 1
    assert rows[0][0] == "catalog.load"
    details = rows[0][1] if isinstance(rows[0][1], dict) else json.loads(rows[0][1])
    assert details == {"policy": "AR-DHS", "added": [], "updated": ["II(G)"]}


def test_only_an_administrator_reloads_the_catalog(database: Database) -> None:
    admin = _init(database).administrator
    assert admin is not None
    ivan = _investigator(database, admin)
    with pytest.raises(PermissionDenied, match="catalog.manage"):
        catalog.reload_catalog(database, ivan)


def test_a_provision_is_quoted_by_its_citation(database: Database) -> None:
    admin = _init(database).administrator
    assert admin is not None
    ivan = _investigator(database, admin)

    provision = catalog.get_provision(database, ivan, "ma-dys-01.05.22 C.2.e")

    assert provision.citation == "MA-DYS-01.05.22 C.2.e"
    assert provision.parent_ref == "C.2"
    assert "youth" in provision.tags
    with pytest.raises(NotFound, match="no provision AR-DHS II\\(Z\\)"):
        catalog.get_provision(database, ivan, "AR-DHS II(Z)")


def test_provisions_are_found_by_words_tag_and_agency(database: Database) -> None:
    admin = _init(database).administrator
    assert admin is not None
    ivan = _investigator(database, admin)

    found = catalog.search_provisions(database, ivan, text="PASSWORD username")
    assert "AR-DHS II(G)" in {p.citation for p in found}
    assert all("password" in (p.text + p.title).lower() for p in found)

    youth = catalog.search_provisions(database, ivan, agency_code="madys", tag="youth")
    assert youth and {p.policy_code for p in youth} == {"MA-DYS-01.05.22"}
    assert all("youth" in p.tags for p in youth)

    stl = catalog.search_provisions(database, ivan, policy_code="STL-AR-150")
    refs = [p.ref for p in stl]
    assert refs[:3] == ["II-Blog", "II-Page", "II-Post"]
    assert "V.B.2" in refs

    with pytest.raises(NotFound, match="no policy 'NOPE'"):
        catalog.search_provisions(database, ivan, policy_code="NOPE")


def test_agencies_are_listed_for_pickers(database: Database) -> None:
    admin = _init(database).administrator
    assert admin is not None
    agencies = catalog.list_agencies(database, admin)
    assert [a.code for a in agencies] == ["ARDHS", "MADYS", "MODMH", "MODNR", "STLCITY"]
    assert agencies[0].name == "Arkansas Department of Human Services"
    assert agencies[0].jurisdiction == "AR"
