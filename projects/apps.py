from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Investment registry")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save, pre_save

        from projects import renditions, stored_files

        # Every model with a safe image field, news covers included, gets its renditions
        # made once, when a new image is uploaded.
        for model in apps.get_models():
            if renditions.image_fields(model):
                label = model._meta.label_lower
                pre_save.connect(
                    renditions.note_new_uploads, sender=model, dispatch_uid=f"renditions-{label}"
                )
                post_save.connect(
                    renditions.render_new_uploads, sender=model, dispatch_uid=f"renditions-{label}"
                )
        # Files replaced or deleted in a committed change leave the storage (stored_files.py).
        for model in apps.get_models():
            if stored_files.upload_fields(model):
                label = model._meta.label_lower
                uid = f"stored-files-{label}"
                pre_save.connect(stored_files.note_replaced_files, sender=model, dispatch_uid=uid)
                post_save.connect(
                    stored_files.remove_replaced_files, sender=model, dispatch_uid=uid
                )
                post_delete.connect(
                    stored_files.remove_deleted_files, sender=model, dispatch_uid=uid
                )
