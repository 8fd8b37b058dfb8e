"""Database layer: schema, engine, migrations and queries; the only place that imports SQLAlchemy."""
