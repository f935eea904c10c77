"""Search indexes that only one database understands: pg_trgm GIN indexes on PostgreSQL, an
FTS5 trigram table kept by triggers on SQLite (see core.search)."""

from django.db import migrations


def install(apps, schema_editor):
    from iso20k.core.search import install_indexes

    install_indexes(schema_editor)


def remove(apps, schema_editor):
    from iso20k.core.search import remove_indexes

    remove_indexes(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_search_entry")]

    operations = [migrations.RunPython(install, remove, elidable=False)]
