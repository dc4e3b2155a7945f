"""Plain-Python domain: enums, value objects, rules and permissions.

Nothing here imports Qt, SQLAlchemy or any other layer of the application, so
the policy and statute rules can be read and tested on their own.
"""
