"""The Mastodon API adapter keeps no data of its own: OAuth lives in ``essaim.oauth``."""
