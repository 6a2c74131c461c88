"""Ticket codes on paper and in mail: QR images and the mail-merge list."""
