"""Ambassadors and reach: tracked share links, campaigns, internal views, external visits."""
