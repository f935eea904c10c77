"""Refuse UPDATE and DELETE of history rows in the database itself, and create the chain head."""

from django.db import migrations


def install_guards(apps, schema_editor):
    from iso20k.history import guards

    guards.install(schema_editor.connection)


def remove_guards(apps, schema_editor):
    from iso20k.history import guards

    guards.remove(schema_editor.connection)


def create_head(apps, schema_editor):
    ChainHead = apps.get_model("history", "ChainHead")
    ChainHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": "0" * 64})


class Migration(migrations.Migration):
    dependencies = [("history", "0001_initial")]

    operations = [
        migrations.RunPython(install_guards, remove_guards),
        migrations.RunPython(create_head, migrations.RunPython.noop),
    ]
