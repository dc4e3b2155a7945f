"""The Settings view (``page``): business settings and each agency's discipline settings."""
