"""Make the renditions of images uploaded before renditions existed, or lost since."""

from django.apps import apps
from django.core.management.base import BaseCommand

from portal.core import renditions
from portal.core.uploads import SafeImageField


class Command(BaseCommand):
    help = (
        "Make the WebP and JPEG renditions of every stored image whose renditions are missing "
        "(all of them with --force). Works on local disk and on object storage alike."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Make every rendition again, even existing ones."
        )

    def handle(self, *args, force=False, **options):
        made = checked = failed = 0
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if not isinstance(field, SafeImageField):
                    continue
                rows = model._base_manager.exclude(**{field.attname: ""}).exclude(
                    **{f"{field.attname}__isnull": True}
                )
                for instance in rows.iterator():
                    file = getattr(instance, field.attname)
                    checked += 1
                    width = getattr(instance, field.width_field) if field.width_field else None
                    expected = renditions.rendition_names(file.name, width)
                    if not force and expected and all(file.storage.exists(n) for n in expected):
                        continue
                    try:
                        renditions.make_renditions(file)
                    except (OSError, ValueError) as exc:
                        failed += 1
                        self.stderr.write(f"{model._meta.label} {instance.pk}: {file.name}: {exc}")
                        continue
                    made += 1
        self.stdout.write(
            f"{checked} images checked, renditions made for {made}, {failed} could not be read."
        )
