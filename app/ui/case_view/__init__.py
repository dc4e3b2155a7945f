"""The case view: one case's intake facts, allegations, findings, notes and timeline.

``CaseView`` (view.py) is one case in its tab; ``NewCaseDialog`` (new_case.py)
records a new report with the same ``CaseForm`` (form.py); ``ProvisionPicker``
(provision_picker.py) chooses the policy provision an allegation cites.
"""
