"""Trust and governance: the code of conduct, reports and moderation (docs/moderation.md)."""
