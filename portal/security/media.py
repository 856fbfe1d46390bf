"""Uploaded files served safely from local disk.

Only the types the upload fields accept are served, each with its own content type, so a
file can never be sniffed or rendered as HTML or script; PDFs are downloaded rather than
opened inside the site, in a sandbox where no script of theirs runs with the site's origin;
anything outside MEDIA_ROOT or of another type is a 404.

An upload is public only while the record it belongs to is. A draft's photo or PDF at its
random address would otherwise reach anyone who got the link (a preview shared by mail), and
once a proxy kept it for a year it could not be recalled. So the view looks up the row that
stores the file, by its name in the upload fields of the installed models (renditions by the
name of their original), and the record that row belongs to: the row itself when it is
publishable, or the publishable record it points to (a project's image, a park's document).
A file of a record visitors cannot see is a 404; staff who may change that record get it,
marked `private, no-store`. Published uploads keep their random names, which never change,
so browsers may keep them for a year; an upload that no row stores any more (its clean-up
failed) only for an hour. This was preferred to
withholding only the long caching from drafts, which would still leave them public.

The lookup is one query on the upload folder's model, made for each media request (browsers
keep what they were given, so a visitor asks once). Files whose name no upload field would
give (a logo placed by hand) are not uploads and are served as they are. This module imports
nothing of the portal: it finds the upload fields and the publishable records through
Django's app registry (`upload_to.folder`, `is_visible`).

With S3 (`AWS_STORAGE_BUCKET_NAME`) media are served by the bucket and never reach this
view; the deployment must keep drafts' files out of public reach there (see the README).
"""

import functools
import os
import posixpath
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.db import models
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
}
DOWNLOADS = {".pdf"}
# RandomName gives uploads a 32-digit hexadecimal name; renditions may add a suffix to it.
RANDOM_NAME = re.compile(r"^[0-9a-f]{32}[\w.-]*$")
YEAR = 365 * 24 * 60 * 60
FOR_A_YEAR = f"public, max-age={YEAR}, immutable"
BRIEFLY = "public, max-age=3600"
# A media file is never a page: it may not run script, load anything or be framed.
MEDIA_POLICY = "default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox"


@functools.cache
def _upload_fields_by_folder():
    """{folder: [(model, field)]} for the upload fields that store under a folder of their own
    (the portal's RandomName); the app registry does not change while the process runs."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            folder = getattr(getattr(field, "upload_to", None), "folder", None)
            if isinstance(field, models.FileField) and isinstance(folder, str):
                found.setdefault(folder.strip("/"), []).append((model, field))
    return found


def _publishable_links(model):
    """The forward foreign keys of `model` to publishable records."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and hasattr(field.related_model, "is_visible")
    ]


def _owner(name):
    """(found, record): whether a row stores the upload `name` (relative to MEDIA_ROOT), and
    the publishable record it belongs to (None when it belongs to none, like the home page)."""
    folder, filename = posixpath.split(name)
    fields = _upload_fields_by_folder()
    if folder not in fields:
        # A rendition lives in a subfolder of its original's folder.
        folder = posixpath.dirname(folder)
    # Originals keep the random part of the name; renditions add a width and a format to it.
    candidates = [f"{folder}/{filename[:32]}{extension}" for extension in CONTENT_TYPES]
    for model, field in fields.get(folder, ()):
        links = _publishable_links(model)
        row = (
            model._base_manager.filter(**{f"{field.name}__in": candidates})
            .select_related(*(link.name for link in links))
            .first()
        )
        if row is None:
            continue
        if hasattr(model, "is_visible"):
            return True, row
        return True, next((getattr(row, link.name) for link in links), None)
    return False, None


def _may_preview(request, record):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    opts = record._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def _cache_control(request, full_path):
    """How the file may be kept: for a year (an upload of a visible record), an hour (a file
    that is no upload, or an upload no row stores: it may be gone soon), by no one (a draft's
    file, for staff who may change the draft); None when the visitor may not have it."""
    if not RANDOM_NAME.match(full_path.name):
        return BRIEFLY
    # safe_join gave an absolute path inside the media folder, normalised the same way.
    name = full_path.relative_to(os.path.abspath(settings.MEDIA_ROOT)).as_posix()
    found, record = _owner(name)
    if not found:
        return BRIEFLY
    if record is None or record.is_visible:
        return FOR_A_YEAR
    return "private, no-store" if _may_preview(request, record) else None


@require_safe
def serve_media(request, path):
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except (SuspiciousFileOperation, ValueError) as exc:
        raise Http404("Not found") from exc
    extension = full_path.suffix.lower()
    if extension not in CONTENT_TYPES or not full_path.is_file():
        raise Http404("Not found")
    cache_control = _cache_control(request, full_path)
    if cache_control is None:
        raise Http404("Not found")
    stat = full_path.stat()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        return HttpResponseNotModified()
    response = FileResponse(
        full_path.open("rb"),
        content_type=CONTENT_TYPES[extension],
        as_attachment=extension in DOWNLOADS,
        filename=full_path.name,
    )
    response["Last-Modified"] = http_date(stat.st_mtime)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = cache_control
    return response
