"""Keyword filters, the opposite of a watch: hide posts matching words, or show them behind a
warning, per context (home, notifications, the company flow, threads, profiles), until an
expiry. The model and rules of Mastodon's v2 filters, so apps' filter screens work."""
