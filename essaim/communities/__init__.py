"""Communities: on-demand collaboration spaces (internal or with external guests) and their
artefacts: files, links, ideas, tasks, events, questions."""
