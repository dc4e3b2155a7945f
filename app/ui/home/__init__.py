"""Home: the first view after sign-in (what needs the user now, pinned and recent cases,
saved searches), its table models and the poll that keeps it current."""
