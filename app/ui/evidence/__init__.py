"""Screenshot evidence in the case view: the list, intake, capture, viewer, redaction, export."""
