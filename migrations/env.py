"""Alembic environment: runs migrations on the connection Casedesk hands it.

From the command line (``alembic check``, ``alembic revision``) the database
is ``CASEDESK_DATABASE_URL``, or the default SQLite file.
"""

from __future__ import annotations

import warnings

from alembic import context
from sqlalchemy import Connection
from sqlalchemy.exc import SAWarning

from app.db import models
from app.db.base import Base, UTCDateTime
from app.db.models.audit import declare_postgresql_options

models.load_all()  # every table on Base.metadata (the package loads its modules on demand)
declare_postgresql_options()  # declared on a PostgreSQL engine only, declared here for both
target_metadata = Base.metadata

#: Full-text search objects made by hand in migrations; autogenerate ignores them.
_SEARCH_OBJECTS = ("case_search",)


#: Expression indexes: SQLite's reflection cannot read them back (it warns and
#: skips them), so autogenerate compares them by hand-written migration only.
_EXPRESSION_INDEXES = ("ix_cases_title_lower",)
warnings.filterwarnings(
    "ignore", message="Skipped unsupported reflection of expression-based index", category=SAWarning
)
warnings.filterwarnings(
    "ignore", message="autogenerate skipping metadata-specified expression-based index"
)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not (name or "").startswith(_SEARCH_OBJECTS + _EXPRESSION_INDEXES)


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations stay frozen: UTC timestamps are written as plain sa.DateTime.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    from app.config import database_url
    from app.db.engine import make_engine

    engine = make_engine(database_url(None))
    with engine.begin() as conn:
        run(conn)
    engine.dispose()


main()
