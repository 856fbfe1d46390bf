"""The "Reviewers" group, who approve and publish what content editors submit when the review
step is on; content editors may follow their submissions in the review queue."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ("projects", "news", "portal")
EDITOR_REVIEW_CODENAMES = ("view_pendingchange",)
REVIEWER_REVIEW_CODENAMES = ("view_pendingchange", "change_pendingchange", "review_content")


def create_reviewers(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so that
    # the group gets them on a fresh database too.
    for label in ("review", *CONTENT_APPS):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")
    reviewers.permissions.add(*content)
    reviewers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="review", codename__in=REVIEWER_REVIEW_CODENAMES
        )
    )
    editors, _ = Group.objects.get_or_create(name="Content editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="review", codename__in=EDITOR_REVIEW_CODENAMES
        )
    )


def remove_reviewers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Reviewers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_site_settings_identity_and_demo_notice"),
        ("review", "0001_pending_changes"),
        ("projects", "0001_initial"),
        ("news", "0001_initial"),
        ("enquiries", "0004_content_editors_edit_site_pages"),
    ]

    operations = [migrations.RunPython(create_reviewers, remove_reviewers)]
