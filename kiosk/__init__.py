"""Kiosk: offline check-in and badge printing for the registration desk of a conference."""

__version__ = "0.1.0"
