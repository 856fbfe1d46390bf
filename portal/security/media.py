"""Uploaded files served safely from local disk.

Only the types the upload fields accept are served, each with its own content type, so a
file can never be sniffed or rendered as HTML or script; PDFs are downloaded rather than
opened inside the site; anything outside MEDIA_ROOT or of another type is a 404. Uploads are
stored under random names that never change, so browsers may keep them for a year.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
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
# A media file is never a page: it may not run script, load anything or be framed.
MEDIA_POLICY = "default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox"


@require_safe
def serve_media(request, path):
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except (SuspiciousFileOperation, ValueError) as exc:
        raise Http404("Not found") from exc
    extension = full_path.suffix.lower()
    if extension not in CONTENT_TYPES or not full_path.is_file():
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
    if RANDOM_NAME.match(full_path.name):
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response["Cache-Control"] = "public, max-age=3600"
    return response
