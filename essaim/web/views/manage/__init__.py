"""The everyday administration at ``/manage/``: people, departments, official accounts and
communities, for administrators only (``web_view()`` asks the policy's rule, as the
actions do). These pages show accounts and communities, never the text of a post."""
