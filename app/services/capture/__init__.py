"""Web captures: a page captured in the capture browser, stored as one evidence item.

The browser engine itself is Qt (:mod:`app.webcapture`, used by the GUI's
capture window and by ``casedesk evidence capture``); what it hands over is
a plain :class:`~app.domain.web_capture.CapturedPage`. The modules here:

``archive``  the WARC, the main document's status, headers, addresses and
             certificate, from fetching the page's addresses again;
``store``    the checks (authorization, B.2.d) and the one transaction that
             stores the item, its parts, metadata, log and audit event;
``details``  reading captures, their parts (re-hashed) and the capture log;
``certify``  the certification and the verifier script of a case bundle.
"""
