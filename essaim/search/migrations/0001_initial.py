from django.db import migrations, models

import essaim.search.models

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_document_fts USING fts5(head, body, "
    "content='search_document', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0', prefix='2 3')",
    "CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN "
    "INSERT INTO search_document_fts(rowid, head, body) VALUES (new.id, new.head, new.body); "
    "END",
    "CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN "
    "INSERT INTO search_document_fts(search_document_fts, rowid, head, body) "
    "VALUES ('delete', old.id, old.head, old.body); END",
    "CREATE TRIGGER search_document_au AFTER UPDATE OF head, body ON search_document BEGIN "
    "INSERT INTO search_document_fts(search_document_fts, rowid, head, body) "
    "VALUES ('delete', old.id, old.head, old.body); "
    "INSERT INTO search_document_fts(rowid, head, body) VALUES (new.id, new.head, new.body); "
    "END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_au", "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_ai", "DROP TABLE IF EXISTS search_document_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX search_document_vector_gin ON search_document USING gin (vector)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_document_vector_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):

    initial = True

    dependencies: list = []

    operations = [
        migrations.CreateModel(
            name="Document",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                           serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[
                    ("post", "Post"), ("account", "Person"), ("community", "Community"),
                    ("file", "File"), ("idea", "Idea"), ("link", "Link")], max_length=10)),
                ("object_id", models.BigIntegerField()),
                ("head", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("language", models.CharField(blank=True, max_length=2)),
                ("created_at", models.DateTimeField()),
                ("indexed_at", models.DateTimeField(auto_now=True)),
                ("vector", essaim.search.models.VectorField(blank=True, null=True)),
            ],
            options={
                "indexes": [models.Index(fields=["kind", "created_at"],
                                         name="search_doc_kind_created")],
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"),
                                                        name="uniq_search_document")],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
