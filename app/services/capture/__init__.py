"""Web captures: a page captured in the capture browser, stored as one evidence item.

The browser engine itself is Qt (:mod:`app.webcapture`, used by the GUI's
capture window and by ``casedesk evidence capture``); what it hands over is
a plain :class:`~app.domain.web_capture.CapturedPage`. The modules here:

``recorded`` the WARC of the browser's own traffic (its recording proxy) and
             the main document's status, headers, address and certificate;
``archive``  the same from fetching the page's addresses again: the fallback
             when the proxy saw nothing of the page;
``store``    the checks (authorization, B.2.d) and the one transaction that
             stores the item, its parts, metadata, log and audit event;
``details``  reading captures, their parts (re-hashed) and the capture log;
``certify``  the certification and the verifier script of a case bundle.
"""
