"""PDF rendering with reportlab: plain report dataclasses in, PDF bytes out.

This package imports nothing of :mod:`app`.
"""
