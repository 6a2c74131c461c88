"""Pure domain: models, reason codes, the decision rule, text and codes. Standard library only."""
