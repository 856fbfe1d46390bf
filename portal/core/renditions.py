"""Image renditions: each upload re-encoded once, as WebP and JPEG, at the widths pages show.

Renditions are made by `SafeImageField` when it stores a new upload (not on every save of its
model) and through the storage API only, so they work the same on local disk and on S3. Their names follow
from the original's name and width alone: `projects/ab12.jpg`, 2000 pixels wide, has
`projects/renditions/ab12-480.webp`, `-960.webp`, `-1440.webp` and the same in `.jpg`. A
template therefore builds every URL from the row it already has, with no query and no storage
call (`{% picture %}` in portal/core/templatetags/images.py).

Pillow does the work: a dedicated library (sorl, easy-thumbnails) would look renditions up in
a table or the storage while rendering, which is what we avoid.
"""

import io
import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from PIL import Image, ImageOps

WIDTHS = (480, 960, 1440)
FORMATS = {"webp": ("WEBP", {"quality": 80, "method": 4}), "jpg": ("JPEG", {"quality": 82})}
FOLDER = "renditions"


def widths_for(original_width):
    """The widths made for an original: the standard ones it covers, or its own when narrower.

    Never wider than the original: enlarging adds bytes, not detail. An original between two
    standard widths also gets one at its own width (up to the largest), so a large screen gets
    all the detail there is.
    """
    if not original_width:
        return ()
    widths = [w for w in WIDTHS if w <= original_width]
    if original_width < WIDTHS[-1] and original_width not in widths:
        widths.append(original_width)
    return tuple(widths)


def rendition_name(original_name, width, extension):
    folder, filename = posixpath.split(original_name)
    stem = posixpath.splitext(filename)[0]
    return posixpath.join(folder, FOLDER, f"{stem}-{width}.{extension}")


def rendition_names(original_name, original_width):
    return [
        rendition_name(original_name, width, extension)
        for width in widths_for(original_width)
        for extension in FORMATS
    ]


def _resized(image, width):
    height = max(1, round(image.height * width / image.width))
    return image if width == image.width else image.resize((width, height), Image.LANCZOS)


def _encode(resized, extension):
    pillow_format, options = FORMATS[extension]
    if pillow_format == "JPEG" and resized.mode != "RGB":
        # JPEG has no transparency: lay the image on white rather than on black.
        background = Image.new("RGB", resized.size, "white")
        rgba = resized.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        resized = background
    buffer = io.BytesIO()
    resized.save(buffer, format=pillow_format, **options)
    return buffer.getvalue()


def encoded_renditions(data):
    """[(width, extension, bytes)] of every rendition of the image whose file is `data`."""
    with Image.open(io.BytesIO(data)) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    encoded = []
    for width in widths_for(image.width):
        # Resized once for both formats: resizing costs about as much as encoding.
        resized = _resized(image, width)
        encoded.extend((width, extension, _encode(resized, extension)) for extension in FORMATS)
    return encoded


def make_renditions(field_file, storage: Storage | None = None):
    """Write every rendition of `field_file`, replacing any with the same name.

    Returns the names written. The file is read once, through its storage.
    """
    storage = storage or field_file.storage
    name = field_file.name
    with storage.open(name, "rb") as source:
        data = source.read()
    written = []
    for width, extension, content in encoded_renditions(data):
        target = rendition_name(name, width, extension)
        if storage.exists(target):
            storage.delete(target)
        written.append(storage.save(target, ContentFile(content)))
    return written
