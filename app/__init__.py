"""Casedesk: case management for employee social-media policy investigations."""

__version__ = "0.1.0"
