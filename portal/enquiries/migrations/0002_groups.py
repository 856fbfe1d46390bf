"""The staff groups: content editors, enquiry officers and administrators."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ("projects", "news")
OFFICER_ACTIONS = {
    "enquiry": ("view", "change"),
    "note": ("view", "add"),
    "notification": ("view",),
    "privacynotice": ("view", "add", "change"),
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so that
    # the groups get them on a fresh database too.
    for label in ("contenttypes", "auth", "projects", "news", "enquiries"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors, _ = Group.objects.get_or_create(name="Content editors")
    editors.permissions.set(Permission.objects.filter(content_type__app_label__in=CONTENT_APPS))

    officers, _ = Group.objects.get_or_create(name="Enquiry officers")
    codenames = [
        f"{action}_{model}" for model, actions in OFFICER_ACTIONS.items() for action in actions
    ]
    officers.permissions.set(
        Permission.objects.filter(content_type__app_label="enquiries", codename__in=codenames)
    )

    administrators, _ = Group.objects.get_or_create(name="Administrators")
    administrators.permissions.set(Permission.objects.all())


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=("Content editors", "Enquiry officers", "Administrators")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0001_initial"),
        ("news", "0001_initial"),
        ("enquiries", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
