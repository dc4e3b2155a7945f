"""The Authorizations and Credential requests views, their forms, and a case's tab of them.

- :class:`~.authorizations_page.AuthorizationsPage`: MA DYS 01.05.22 B.2/B.3
  authorizations with filters and overdue-review flags; log, review, revoke.
- :class:`~.credentials_page.CredentialRequestsPage`: AR-DHS II(G) credential
  requests; request, approve or deny, record uses and inadvertent receipts.
- :class:`~.case_tab.CaseAuthorizationsTab`: both, for one case.

Refusals show every reason with its citation next to the input it concerns
(:mod:`.forms`).
"""
