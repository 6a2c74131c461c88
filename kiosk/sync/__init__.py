"""Sync between kiosks: offline bundles, the PostgreSQL hub."""
