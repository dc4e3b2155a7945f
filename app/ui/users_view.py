"""The Users view (``UsersPage``); the parts live in :mod:`app.ui.users`."""

from app.ui.users.page import UsersPage

__all__ = ["UsersPage"]
