"""Insight: the interaction network, adoption and silos (definitions in docs/insight.md)."""
