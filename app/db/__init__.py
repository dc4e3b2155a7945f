"""SQLAlchemy: mapped classes, engine, unit of work and the migration runner."""
