"""Watches ("la veille"): saved searches that gather the new posts matching them.

A watch is a query of the search language (words, phrases, ``#tag``, ``from:@person``,
``in:community``, ``list:``…) with a delivery: a notification at once, a daily or weekly
digest, or nothing (its timeline and unread count only). New posts are matched after their
search indexing (:mod:`essaim.watches.matching`); every match, count and delivery goes
through the visibility policy.
"""
