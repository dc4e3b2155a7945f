"""Demo data for trying Casedesk out: ``casedesk demo`` fills a new, empty database.

``build`` plays the stories through the real services; ``stories`` holds the
people and cases (all invented); ``evidence`` draws the screenshots;
``authorizations`` logs the MA DYS and AR DHS authorizations the stories
need; ``due_process`` takes some cases through the disciplinary flow.
"""

from __future__ import annotations

from app.services.demo.build import DEMO_USERS, DemoResult, DemoUser, create_demo

__all__ = ["DEMO_USERS", "DemoResult", "DemoUser", "create_demo"]
