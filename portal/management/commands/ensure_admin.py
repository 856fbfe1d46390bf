"""Make sure the site has an administrator account, for `make run` on a fresh clone."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' when no superuser exists, with DJANGO_SUPERUSER_PASSWORD "
        "or a generated password that is printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")

    def handle(self, *args, username, email, **options):
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account exists already; its password is unchanged.")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email=email, password=password)
        shown = (
            "(from DJANGO_SUPERUSER_PASSWORD)"
            if os.environ.get("DJANGO_SUPERUSER_PASSWORD")
            else password
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator account created: user name {username!r}, password {shown}"
            )
        )
