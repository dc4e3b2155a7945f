"""Use cases. Each takes the database and the acting user, checks permission,
writes its audit event in the same transaction, and returns plain data."""
