"""Services: the operations the CLI and the windows share. Every write and decision goes here."""
