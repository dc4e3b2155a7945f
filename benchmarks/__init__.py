"""Benchmarks: a large generated database and the figures measured on it.

``python -m benchmarks`` (``make bench``) generates (or reuses) a database of
100,000 cases, 1,000,000 notes and 1,000,000 audit events and prints the
timings of the case list, text search and ``audit verify``. BENCHMARKS.md
holds the recorded figures.
"""
