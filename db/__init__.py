"""Database layer: the ORM schema (models.py), the engine (pragmas, Alembic migrations at start-up), the
queries behind each view (queries/), the rows data packages carry (exchange/), the audit trail, derived
columns, and database files handled as files (backup.py).

The boundary as it is followed (tests/test_layers.py checks it):
- Only db/ opens connections itself and uses sqlite3 directly.
- Services take ORM sessions from Database.transaction() / Database.reading() and may build SQLAlchemy
  statements on them with the models of db.models; a query longer than a few lines lives in db/queries/.
- db imports the pure rules of desktop_app.domain and desktop_app.errors / messages; never io, services, ui
  or the command line.
- The UI imports nothing from db, not even for type hints: it holds a services.workspace.Workspace.
- A migration holds its own SQL and imports nothing of db or desktop_app (tests/test_migrations_frozen.py).
"""
