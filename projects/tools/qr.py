"""QR codes drawn on the server as inline SVG (the qrcode library), so print needs no network."""

import xml.etree.ElementTree as ET

import qrcode
import qrcode.image.svg
from django.utils.safestring import mark_safe


def qr_svg(data, label):
    """An inline <svg> QR code for `data`, announced to assistive technology as `label`."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
        image_factory=qrcode.image.svg.SvgPathImage,
    )
    code.add_data(data)
    code.make(fit=True)
    root = code.make_image().get_image()
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    root.set("class", "qr")
    root.set("role", "img")
    root.set("aria-label", label)
    # A fixed id would repeat if two codes shared a page.
    for element in root.iter():
        element.attrib.pop("id", None)
    # The text comes from ElementTree, which escapes every attribute and text node.
    return mark_safe(ET.tostring(root, encoding="unicode"))  # noqa: S308
