"""Printers: one small protocol, adapters for ESC/POS, system printers, PDF and PNG outputs."""
