"""Make sure the site has an administrator account: on a fresh clone for `make run`, and on a
first deployment.

The user name is never a guessable default such as `admin`: a known name is half of what a
password guesser needs. It comes from `--username` or `DJANGO_SUPERUSER_USERNAME`; in debug
without either, a random one is made and printed with the password, so that `make run` needs
no input.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

# Names that password guessers try first; refused outside debug.
GUESSABLE = {"admin", "administrator", "root", "superuser", "sysadmin", "test", "user", "webmaster"}


class Command(BaseCommand):
    help = (
        "Create a superuser when none exists, named by --username or DJANGO_SUPERUSER_USERNAME "
        "(in debug without either, a random name), with DJANGO_SUPERUSER_PASSWORD or a "
        "generated password that is printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DJANGO_SUPERUSER_USERNAME"))
        parser.add_argument(
            "--email", default=os.environ.get("DJANGO_SUPERUSER_EMAIL", "admin@localhost")
        )

    def handle(self, *args, username, email, **options):
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account exists already; its password is unchanged.")
            return
        username = (username or "").strip()
        if not username:
            if not settings.DEBUG:
                raise CommandError(
                    "No administrator account was created: set DJANGO_SUPERUSER_USERNAME (or "
                    "pass --username) to a name that is hard to guess, and optionally "
                    "DJANGO_SUPERUSER_PASSWORD."
                )
            username = f"staff-{secrets.token_hex(4)}"
        elif username.lower() in GUESSABLE and not settings.DEBUG:
            raise CommandError(
                f"No administrator account was created: {username!r} is among the first names "
                "a password guesser tries. Choose another DJANGO_SUPERUSER_USERNAME."
            )
        given_password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        password = given_password or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email=email, password=password)
        shown = "(from DJANGO_SUPERUSER_PASSWORD)" if given_password else password
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator account created: user name {username!r}, password {shown}"
            )
        )
