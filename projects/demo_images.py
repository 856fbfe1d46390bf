"""Illustrations for the demo content, drawn with Pillow so that seeding needs no network."""

import hashlib
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 800
PALETTES = [
    ((11, 61, 92), (196, 90, 0)),
    ((20, 83, 45), (214, 158, 46)),
    ((64, 42, 110), (226, 113, 29)),
    ((40, 40, 48), (0, 140, 170)),
]


def drawn_image(seed_text, label):
    """A JPEG of bearing rings on a steel-blue ground; the same text always draws the same image."""
    digest = hashlib.sha256(seed_text.encode()).digest()
    ground, accent = PALETTES[digest[0] % len(PALETTES)]
    image = Image.new("RGB", (WIDTH, HEIGHT), ground)
    draw = ImageDraw.Draw(image)
    for step in range(0, HEIGHT, 8):
        shade = tuple(min(255, c + step // 20) for c in ground)
        draw.rectangle([0, step, WIDTH, step + 8], fill=shade)
    for i in range(5):
        cx = 160 + i * 220 + digest[i + 1] % 40
        cy = 380 + (digest[i + 6] % 120) - 60
        outer = 80 + digest[i + 11] % 40
        draw.ellipse([cx - outer, cy - outer, cx + outer, cy + outer], outline=accent, width=22)
        inner = outer // 2
        draw.ellipse(
            [cx - inner, cy - inner, cx + inner, cy + inner], outline=(230, 230, 230), width=10
        )
    draw.rectangle([0, HEIGHT - 110, WIDTH, HEIGHT], fill=(0, 0, 0))
    draw.text((40, HEIGHT - 80), label[:70], fill=(255, 255, 255), font_size=36)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return ContentFile(buffer.getvalue())
