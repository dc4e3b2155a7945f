"""The administration views' use cases: ``settings`` (the Settings view's fields).

The audit log's are in ``app.services.audit_log``. Modules are imported by name.
"""
