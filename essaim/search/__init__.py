"""Search: one index of posts, people, communities and their artefacts, behind one engine
interface (SQLite FTS5 embedded, PostgreSQL full-text at scale), read through the one
visibility policy. See docs/search.md."""
