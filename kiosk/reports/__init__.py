"""Counts, the attendance register and file exports."""
