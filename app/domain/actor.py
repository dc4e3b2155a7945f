"""The acting user that every service call names."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.permissions import Permission, Role, can, require


@dataclass(frozen=True, slots=True)
class Actor:
    """A signed-in user: who acts, and with which roles."""

    user_id: int
    username: str
    full_name: str
    roles: frozenset[Role]

    def can(self, permission: Permission) -> bool:
        """Whether this user's roles grant ``permission``."""
        return can(self.roles, permission)

    def require(self, permission: Permission) -> None:
        """Raise :class:`~app.domain.errors.PermissionDenied` unless granted."""
        require(self.roles, permission, username=self.username)
