"""The Policy catalog view: the source policies, their provisions, search and citing.

A tree on the left (policy → provisions nested by their parent), a search
field and a tag filter above it, and on the right the selected policy's
header or the selected provision's verbatim text with its citation, its
kind (whether it can be charged) and the lead-in it is quoted after. Searching asks
:func:`app.services.catalog.search_provisions` in the background; the tree
then shows the matching provisions together with the provisions and policies
they sit under, so a match is never read out of context.

- :mod:`.model`: the tree's rows (:class:`~.model.CatalogModel`), filtered by a search;
- :mod:`.panels`: the detail on the right, a policy's header or a provision's text;
- :mod:`.page`: the page itself (:class:`~.page.CatalogPage`), searching and citing.
"""
