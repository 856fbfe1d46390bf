"""Content editors also edit the site shell's pages: the home page and the accessibility statement."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SHELL_APP = "portal"


def grant_shell_permissions(apps, schema_editor):
    # As in 0002: permissions are normally created after all migrations ran.
    app_config = apps.get_app_config(SHELL_APP)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Content editors")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label=SHELL_APP))


def revoke_shell_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Content editors").first()
    if editors is not None:
        editors.permissions.remove(*Permission.objects.filter(content_type__app_label=SHELL_APP))


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0003_first_privacy_notice"),
        ("portal", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_shell_permissions, revoke_shell_permissions)]
