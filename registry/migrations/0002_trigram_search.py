"""Trigram GIN indexes for substring search on PostgreSQL. SQLite has no pg_trgm and needs nothing here."""

from django.db import migrations

INDEXES = [
    ("registry_ormas_name_trgm", "registry_ormas", "name_search"),
    ("registry_ormas_abbr_trgm", "registry_ormas", "abbreviation_search"),
    ("registry_ormas_number_trgm", "registry_ormas", "number_search"),
    ("registry_person_name_trgm", "registry_person", "name_search"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
