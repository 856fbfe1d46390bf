"""Files chosen before a validation error are kept for the corrected save.

A browser never sends a chosen file twice: when a form comes back with an error, every file
input is empty again, and a clerk on a county uplink would upload each photo two or three times.
So a change form that fails keeps each upload that was itself valid in a private folder, and
the re-rendered form carries a signed token for it in a hidden field (`<input name>__kept`).
The next post puts the kept file back where the browser would have put it, as if chosen again;
it is checked again like any new upload (content, size, format), so the token adds no way
round the upload rules.

Why keep rather than check before uploading: the errors that lose files are mostly other
fields' (a negative amount, a missing date), found only by the server, and the file checks
(decoding the pixels, a PDF's magic bytes) belong on the server too.

The token is signed, bound to the user who chose the file and valid for
`UPLOAD_STASH_MAX_AGE` seconds (a day by default). Kept files live in `UPLOAD_STASH_ROOT`
(a folder of the server's temporary directory by default), never under the media storage, so
no address serves them. A successful save deletes the files it used; each time a file is kept,
files older than the limit go too, so an abandoned form leaves nothing behind for long and no
cron job is needed.
"""

import os
import tempfile
import time
import uuid

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

SUFFIX = "__kept"
SALT = "portal.core.upload_stash"
DEFAULT_MAX_AGE = 24 * 60 * 60


def max_age():
    return getattr(settings, "UPLOAD_STASH_MAX_AGE", DEFAULT_MAX_AGE)


def storage():
    root = getattr(settings, "UPLOAD_STASH_ROOT", None) or os.path.join(
        tempfile.gettempdir(), "portal-upload-stash"
    )
    return FileSystemStorage(location=root, file_permissions_mode=0o600)


def _extension(filename):
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    return "".join(c for c in extension if c.isalnum())[:5] or "bin"


def keep(request, upload):
    """Store `upload` in the stash and return the token that brings it back."""
    store = storage()
    remove_expired(store)
    upload.seek(0)
    name = store.save(f"{uuid.uuid4().hex}.{_extension(upload.name)}", upload)
    upload.seek(0)
    return signing.dumps(
        {
            "name": name,
            "filename": os.path.basename(upload.name or "")[:200],
            "type": getattr(upload, "content_type", None) or "application/octet-stream",
            "user": request.user.pk,
        },
        salt=SALT,
        compress=True,
    )


def _load(request, token):
    try:
        kept = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.BadSignature:
        return None
    if kept.get("user") != request.user.pk:
        return None
    store = storage()
    name = kept.get("name", "")
    if not name or os.path.basename(name) != name or not store.exists(name):
        return None
    upload = UploadedFile(
        file=store.open(name, "rb"),
        name=kept.get("filename") or name,
        content_type=kept.get("type"),
        size=store.size(name),
    )
    upload.stash_token = token
    upload.stash_name = name
    return upload


def restore(request):
    """Put every kept file of a post back into `request.FILES`, where the browser sends a
    new choice; a file chosen again replaces the kept one."""
    restored = []
    for key in list(request.POST):
        if not key.endswith(SUFFIX):
            continue
        field = key[: -len(SUFFIX)]
        if request.FILES.get(field):
            continue
        upload = _load(request, request.POST.get(key, ""))
        if upload is not None:
            request.FILES[field] = upload
            restored.append(upload)
    return restored


def forget(uploads):
    """Once a save has used them (after its commit), the kept files go."""
    names = [upload.stash_name for upload in uploads if hasattr(upload, "stash_name")]
    if not names:
        return

    def remove():
        store = storage()
        for upload in uploads:
            upload.close()
        for name in names:
            store.delete(name)

    transaction.on_commit(remove)


def remove_expired(store=None):
    """Delete kept files older than the token's lifetime: nothing can bring them back."""
    store = store or storage()
    if not os.path.isdir(store.location):
        return 0
    limit = time.time() - max_age()
    removed = 0
    for entry in os.scandir(store.location):
        if entry.is_file() and entry.stat().st_mtime < limit:
            os.remove(entry.path)
            removed += 1
    return removed


def keep_valid_uploads(request, forms):
    """[(form, field name, key, token, file name)] for each file in `request.FILES` that one of
    `forms` accepted, kept for the next post; files the form refused are not kept, their error
    says why."""
    kept = []
    for form in forms:
        if form.is_bound and _deleted(form):
            continue
        for name, field in form.fields.items():
            if not hasattr(field, "widget") or not field.widget.needs_multipart_form:
                continue
            key = form.add_prefix(name)
            upload = request.FILES.get(key)
            if not upload or name in form.errors:
                continue
            token = getattr(upload, "stash_token", None) or keep(request, upload)
            kept.append((form, name, key, token, os.path.basename(upload.name or "")))
    return kept


def _deleted(form):
    return form.cleaned_data.get("DELETE") if hasattr(form, "cleaned_data") else False
