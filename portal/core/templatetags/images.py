"""`{% picture %}`: an uploaded image as WebP and JPEG renditions, with no I/O while rendering.

    {% load images %}
    {% picture project_image.image project_image.alt_text sizes="(min-width: 60rem) 50vw, 100vw" %}

Everything comes from the row already loaded: the file's name and its stored width and height
give the rendition names (projects/renditions.py) and the storage turns names into URLs. No
query, no storage call. An image whose size is unknown is shown as the original.
"""

from django import template
from django.utils.html import format_html, format_html_join

from portal.core.renditions import rendition_name, widths_for

register = template.Library()

# The width the <img> falls back to in browsers that ignore srcset.
DEFAULT_WIDTH = 960


def _dimensions(field_file):
    field, instance = field_file.field, field_file.instance
    if not (field.width_field and field.height_field):
        return None, None
    return getattr(instance, field.width_field, None), getattr(instance, field.height_field, None)


def _srcset(storage, name, widths, extension):
    return ", ".join(f"{storage.url(rendition_name(name, w, extension))} {w}w" for w in widths)


@register.simple_tag
def picture(
    field_file,
    alt,
    sizes="100vw",
    loading="lazy",
    css_class="",
    fetchpriority="",
):
    """A <picture> with a WebP <source> and a JPEG <img>, both with srcset, width and height.

    `loading="eager"` with `fetchpriority="high"` suits the image that opens a page.
    """
    if not field_file:
        return ""
    storage, name = field_file.storage, field_file.name
    width, height = _dimensions(field_file)
    optional = format_html_join(
        "",
        ' {}="{}"',
        [
            (attr, value)
            for attr, value in (("class", css_class), ("fetchpriority", fetchpriority))
            if value
        ],
    )
    widths = widths_for(width) if height else ()
    if not widths:
        dimensions = format_html(' width="{}" height="{}"', width, height) if height else ""
        return format_html(
            '<img src="{}" alt="{}"{} loading="{}" decoding="async"{}>',
            storage.url(name),
            alt,
            dimensions,
            loading,
            optional,
        )
    fallback = max((w for w in widths if w <= DEFAULT_WIDTH), default=widths[0])
    largest = widths[-1]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}"'
        ' decoding="async"{}></picture>',
        _srcset(storage, name, widths, "webp"),
        sizes,
        storage.url(rendition_name(name, fallback, "jpg")),
        _srcset(storage, name, widths, "jpg"),
        sizes,
        largest,
        max(1, round(height * largest / width)),
        alt,
        loading,
        optional,
    )
