"""The staff groups' baseline permissions, kept complete after every `migrate`.

Content editors edit everything visitors see (the content apps, settings.CONTENT_APPS: the
registry, the news and the site's own pages, such as the home page and the accessibility
statement). Reviewers may do the same and approve and publish what editors submit when the
review step is on (settings.CONTENT_REVIEW_REQUIRED).

The enquiries app's data migrations create the groups; this keeps them whole when a content
app later gains a model (its permissions appear only after its own migration). It only adds
what is missing, so permissions granted on top are left alone.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission

OFFICER_CODENAMES = (
    "view_enquiry",
    "change_enquiry",
    "view_note",
    "add_note",
    "view_notification",
    "view_privacynotice",
    "add_privacynotice",
    "change_privacynotice",
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


# The review step's queue (portal.core.review): editors follow their submissions there,
# reviewers approve and publish them.
EDITOR_REVIEW_CODENAMES = ("view_pendingchange",)
REVIEWER_REVIEW_CODENAMES = ("view_pendingchange", "change_pendingchange", "review_content")


def ensure_groups(**kwargs):
    content = Permission.objects.filter(content_type__app_label__in=settings.CONTENT_APPS)
    editors, _ = Group.objects.get_or_create(name="Content editors")
    editors.permissions.add(*content)
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="review", codename__in=EDITOR_REVIEW_CODENAMES
        )
    )
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")
    reviewers.permissions.add(*content)
    reviewers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="review", codename__in=REVIEWER_REVIEW_CODENAMES
        )
    )
    officers, _ = Group.objects.get_or_create(name="Enquiry officers")
    officers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="enquiries", codename__in=OFFICER_CODENAMES
        )
    )
    administrators, _ = Group.objects.get_or_create(name="Administrators")
    administrators.permissions.add(*Permission.objects.all())
