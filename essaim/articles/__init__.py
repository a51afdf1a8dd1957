"""Articles: long-form posts (a title, a Markdown body, a cover) announced in the flow."""
