"""Alembic environment: runs migrations on the connection handed over by db.engine (or a URL for tooling)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import db.exchange.models  # noqa: F401 - its tables are part of the schema
from db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Migrate the connection given in config.attributes, else the configured URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
