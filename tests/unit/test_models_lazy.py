"""``app.db.models`` loads a model module when one of its classes is first asked for.

The rules that keep that safe (see the package's docstring) are checked here:
each module, loaded alone, brings every table its foreign keys and
relationships name, so mapper configuration and the unit of work's table
sort work; a class outside the core modules loads every model; the whole
schema is there for alembic (``test_migrations``). That a ``case list`` loads
only the core modules is checked in ``tests/e2e/test_cli_start_light.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import models
from app.db.base import Base

_ROOT = Path(__file__).resolve().parents[2]

#: Each model module's first class asked of the package in a forked child (after
#: SQLAlchemy is imported): every foreign key resolves, the mappers configure, and
#: each mapped table sorts.
_EACH_MODULE_ALONE = """
import json, os, sys
import sqlalchemy.orm
from sqlalchemy.orm import configure_mappers

results = {}
for arg in sys.argv[1:]:
    cls, name = arg.split(":")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            from app.db import models
            getattr(models, cls)
            from app.db.base import Base
            for table in Base.metadata.tables.values():
                for key in table.foreign_keys:
                    key.column  # raises NoReferencedTableError if its table is missing
            configure_mappers()
            for mapper in Base.registry.mappers:
                mapper._sorted_tables  # what a flush sorts its inserts by
            loaded = sorted(m.rsplit(".", 1)[1] for m in sys.modules
                            if m.startswith("app.db.models."))
            message = json.dumps({"ok": True, "loaded": loaded,
                                  "record_ids": "app.db.record_ids" in sys.modules})
        except Exception as error:
            message = json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}"})
        os.write(write, message.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        results[name] = json.loads(pipe.read())
    os.waitpid(pid, 0)
print(json.dumps(results))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="forks one child per model module")
def test_each_model_module_alone_brings_what_its_keys_and_relationships_name() -> None:
    first: dict[str, str] = {}
    for cls, module in models._MODULE_OF.items():
        first.setdefault(module, cls)
    done = subprocess.run(
        [sys.executable, "-c", _EACH_MODULE_ALONE, *(f"{c}:{m}" for m, c in first.items())],
        capture_output=True, text=True, cwd=_ROOT, timeout=120, check=True,
    )  # fmt: skip
    results = json.loads(done.stdout)
    assert set(results) == set(models.MODULES)
    for name, result in results.items():
        assert result["ok"], f"app.db.models.{name} alone: {result.get('error')}"
    # The core modules stay among themselves: none of them loads another part's models.
    for name in models.CORE:
        assert set(results[name]["loaded"]) <= models.CORE, name
    # Authorizations and evidence load with the core alone, and always with the id
    # allocation of their confidential rows.
    for name in models.WITH_CORE:
        assert set(results[name]["loaded"]) <= models.CORE | models.WITH_CORE, name
        assert results[name]["record_ids"], name
    # The discipline decisions and their due process load together, with the core alone.
    for name in models.DISCIPLINE:
        loaded = set(results[name]["loaded"])
        assert models.DISCIPLINE <= loaded <= models.CORE | models.DISCIPLINE, name
    for name in set(models.MODULES) - models.CORE - models.WITH_CORE - models.DISCIPLINE:
        assert set(results[name]["loaded"]) == set(models.MODULES), name


def test_every_class_is_declared_and_every_table_mapped() -> None:
    models.load_all()
    mapped = {m.class_.__name__: m.class_ for m in Base.registry.mappers}
    assert set(mapped) == set(models.__all__)
    for name, cls in mapped.items():
        assert getattr(models, name) is cls
        assert cls.__module__ == f"app.db.models.{models._MODULE_OF[name]}"
    assert set(models.MODULES) == {m.__module__.rsplit(".", 1)[1] for m in mapped.values()}
    with pytest.raises(AttributeError):
        _ = models.NoSuchModel  # type: ignore[attr-defined]


def test_the_postgresql_predicate_is_declared_for_postgresql(database_url: str) -> None:
    from app.db.engine import make_engine
    from app.db.models.audit import EVIDENCE_CHECKS_INDEX, EVIDENCE_CHECKS_WHERE, AuditEvent

    engine = make_engine(database_url)
    try:
        [index] = [i for i in AuditEvent.__table__.indexes if i.name == EVIDENCE_CHECKS_INDEX]
        assert str(index.dialect_options["sqlite"]["where"]) == EVIDENCE_CHECKS_WHERE
        if engine.dialect.name == "postgresql":
            assert str(index.dialect_options["postgresql"]["where"]) == EVIDENCE_CHECKS_WHERE
    finally:
        engine.dispose()


#: The classes with confidential rows, imported straight from their modules (not
#: through the package), each first in a fresh interpreter.
_DIRECT_IMPORT = """
import sys
from sqlalchemy import event
exec(sys.argv[1])
from app.db.models.authorizations import Authorization
from app.db.models.evidence import EvidenceItem
record_ids = sys.modules.get("app.db.record_ids")  # not imported here: the models must
print(record_ids is not None and all(event.contains(m, "before_insert", record_ids._assign_id)
                                     for m in (Authorization, EvidenceItem)))
"""


@pytest.mark.parametrize(
    "first",
    [
        "from app.db.models.authorizations import Authorization",
        "from app.db.models.evidence import EvidenceItem",
    ],
)
def test_confidential_ids_hold_however_their_classes_are_imported(first: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _DIRECT_IMPORT, first],
        capture_output=True, text=True, cwd=_ROOT, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
