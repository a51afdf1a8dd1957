"""The demo company and the synthetic company generator.

* ``data``: names, departments, job titles, skills, places and the demo personas;
* ``people``: who works there (account rows);
* ``graph``: who follows whom (department homophily, a few bridge people, official accounts);
* ``content``: what they post (French and English, hashtags, mentions, links, threads);
* ``activity``: a few recent interactions made through the ordinary actions;
* ``runner``: puts it all in the database, deterministically for a given seed.
"""

DEMO_PASSWORD = "essaim-demo"
