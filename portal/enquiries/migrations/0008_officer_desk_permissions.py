"""Enquiry officers log enquiries from other channels and keep the reply templates and the
holiday calendar."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = (
    "add_enquiry",
    "view_replytemplate",
    "add_replytemplate",
    "change_replytemplate",
    "delete_replytemplate",
    "view_holiday",
    "add_holiday",
    "change_holiday",
    "delete_holiday",
)


def grant(apps, schema_editor):
    app_config = apps.get_app_config("enquiries")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    officers, _ = Group.objects.get_or_create(name="Enquiry officers")
    officers.permissions.add(
        *Permission.objects.filter(content_type__app_label="enquiries", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    officers = Group.objects.filter(name="Enquiry officers").first()
    if officers is not None:
        officers.permissions.remove(*officers.permissions.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0007_holidays_2026"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
