"""Importers: bring a company's people and history into Essaim in batches.

``company`` imports accounts, follows, posts, likes and bookmarks (demo and benchmark seeding,
history from elsewhere). Each importer writes the same rows as the one-by-one actions and refuses
the whole batch on a bad row.
"""
