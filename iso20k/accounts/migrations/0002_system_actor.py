"""Create the system actor (commands and background jobs act as it) with the schema."""

from django.contrib.auth.hashers import make_password
from django.db import migrations


def create_system_actor(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.get_or_create(
        username="system",
        defaults={"display_name": "system", "is_active": False, "password": make_password(None)},
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(create_system_actor, migrations.RunPython.noop)]
