"""Trends (what the company talks about now) and weak signals (new subjects that spread).

Posts become *term uses* (hashtags, links, 1–3 word phrases; one row per post, scope and term),
aggregated into hourly buckets of distinct people. ``essaim trends refresh`` (and a task run
every few minutes) rebuilds the buckets without removed posts or deactivated people, scores the
trends and runs the weak-signal detector; pages and APIs read what it stored.
"""
