"""Fill an empty site with the cluster's real facts and clearly labelled sample content."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Seed the demo content: each installed app of the portal with a `demo` module adds its "
        "own, in INSTALLED_APPS order. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        with translation.override("en"), transaction.atomic():
            for app_config in apps.get_app_configs():
                if not module_has_submodule(app_config.module, "demo"):
                    continue
                demo = import_module(f"{app_config.name}.demo")
                demo.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
