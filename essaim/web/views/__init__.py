"""Views of the web interface, split by area; each parses input and calls one action."""
