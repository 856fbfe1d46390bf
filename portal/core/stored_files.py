"""Uploads that no row uses any more leave the storage, renditions included.

Django keeps a stored file when its row is deleted or the file is replaced. Media are public
at addresses that do not change, so a photo that staff withdraw (a wrong site, a person who
asked to be removed) would stay on the web for anyone who had its address, and on S3 the
bucket would only grow. Here, once the transaction that replaced or deleted it commits, the
old file and every rendition made of it are deleted through the storage API, unless another
row of the same model still points at the same name. A transaction that rolls back deletes
nothing; a storage that fails is logged and does not undo the change.

A file that a kept version of a record still names (django-reversion: "Recover deleted …",
"Restore this version") stays, so that a recovered record comes back with its pictures and
documents. It is not public meanwhile: the media view serves only files of visible records.

The upload fields connect these handlers for each model they are added to
(`portal.core.uploads`), so every model with an upload is covered without a list to keep.
"""

import json
import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

logger = logging.getLogger(__name__)


def upload_fields(model):
    """The portal's own upload fields (images and PDFs) of `model`: those that know the names
    they store."""
    return [f for f in model._meta.concrete_fields if hasattr(f, "stored_names")]


def watch(model):
    """Connect the clean-up to `model`; called by each upload field it has, once in effect."""
    uid = f"stored-files-{model._meta.label_lower}"
    pre_save.connect(note_replaced_files, sender=model, dispatch_uid=uid)
    post_save.connect(remove_replaced_files, sender=model, dispatch_uid=uid)
    post_delete.connect(remove_deleted_files, sender=model, dispatch_uid=uid)


def _width_attname(field):
    return getattr(field, "width_field", None)


def _named_by_a_version(name):
    """Whether a kept version of any record still refers to the stored file `name`."""
    from reversion.models import Version

    return Version.objects.filter(serialized_data__contains=json.dumps(name)).exists()


def _remove_after_commit(model, field, name, width):
    def remove():
        if model._base_manager.filter(**{field.attname: name}).exists():
            return
        if _named_by_a_version(name):
            return
        for stored in field.stored_names(name, width):
            try:
                field.storage.delete(stored)
            except Exception:
                logger.exception("could not delete %s from the media storage", stored)

    transaction.on_commit(remove, robust=True)


def note_replaced_files(sender, instance, raw=False, **kwargs):
    """pre_save: remember the stored names (and widths) that this save replaces or clears."""
    instance._replaced_files = []
    if raw or instance._state.adding or instance.pk is None:
        return
    fields = upload_fields(sender)
    update_fields = kwargs.get("update_fields")
    if update_fields is not None:
        fields = [f for f in fields if f.name in update_fields or f.attname in update_fields]
        if not fields:
            return
    columns = [f.attname for f in fields]
    columns += [_width_attname(f) for f in fields if _width_attname(f)]
    old = sender._base_manager.filter(pk=instance.pk).values(*columns).first()
    if old is None:
        return
    for field in fields:
        name = old[field.attname]
        if name and name != getattr(instance, field.attname).name:
            width = old.get(_width_attname(field)) if _width_attname(field) else None
            instance._replaced_files.append((field, name, width))


def remove_replaced_files(sender, instance, **kwargs):
    """post_save: delete what the save replaced, once it is committed."""
    for field, name, width in getattr(instance, "_replaced_files", ()):
        _remove_after_commit(sender, field, name, width)
    instance._replaced_files = []


def remove_deleted_files(sender, instance, **kwargs):
    """post_delete: delete the row's files, once the deletion is committed."""
    for field in upload_fields(sender):
        name = getattr(instance, field.attname).name
        if name:
            width_attname = _width_attname(field)
            width = getattr(instance, width_attname) if width_attname else None
            _remove_after_commit(sender, field, name, width)
