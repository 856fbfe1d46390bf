"""Pictures for the demo content, drawn with Pillow so that seeding needs no network.

Each picture shows one subject of the trade (forged rings, a forging press, a furnace, rollers,
steel balls, a bearing, a factory hall, a park from above), varied by its seed: the same seed
always draws the same picture, two records draw two different ones. No text is drawn into the
pixels, so a picture suits both languages; its alt text, in both, says what it shows.
"""

import hashlib
import io
import math
import random
from dataclasses import dataclass

from django.core.files import File
from django.core.files.base import ContentFile
from PIL import Image, ImageChops, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 800
# Drawn at twice the size and scaled down: smooth edges without an anti-aliasing library.
SCALE = 2
STEEL = [(168, 176, 184), (140, 150, 160), (190, 196, 202), (120, 130, 140)]
HOT = [(255, 140, 30), (255, 170, 60), (240, 110, 20)]


@dataclass(frozen=True)
class Picture:
    file: ContentFile
    alt_en: str
    alt_zh: str


def _rng(seed_text):
    return random.Random(hashlib.sha256(seed_text.encode()).digest())  # noqa: S311 (not a secret)


def _gradient(image, top, bottom, box=None):
    draw = ImageDraw.Draw(image)
    left, upper, right, lower = box or (0, 0, image.width, image.height)
    span = max(1, lower - upper)
    for y in range(upper, lower):
        t = (y - upper) / span
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(left, y), (right, y)], fill=colour)


def _glow(image, shapes, radius):
    """Adds light: `shapes` are (ellipse box, colour), blurred by `radius`, screened on."""
    # Blurred at an eighth of the size and scaled up: light has no sharp detail to lose.
    small = 8
    layer = Image.new("RGB", (image.width // small, image.height // small), (0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for box, colour in shapes:
        draw.ellipse([value / small for value in box], fill=colour)
    layer = layer.filter(ImageFilter.GaussianBlur(radius / small))
    return ImageChops.screen(image, layer.resize(image.size, Image.Resampling.BILINEAR))


def _shade(colour, amount):
    return tuple(max(0, min(255, round(c * amount))) for c in colour)


def _hall_ground(image, rng):
    w, h = image.size
    floor = int(h * 0.45)
    _gradient(image, (28, 34, 42), (56, 64, 74), (0, 0, w, floor))
    _gradient(image, (86, 88, 90), (40, 42, 46), (0, floor, w, h))
    draw = ImageDraw.Draw(image)
    # Roof trusses fading into the dark.
    for x in range(-w, 2 * w, rng.randint(150, 220) * SCALE):
        draw.line([(x, 0), (x + w // 3, int(h * 0.3))], fill=(44, 52, 62), width=6 * SCALE)


def _rings(image, rng):
    """Freshly forged rings lying on a workshop floor, some still glowing."""
    _hall_ground(image, rng)
    w, h = image.size
    count = rng.randint(3, 6)
    hot = rng.randint(1, count - 1)
    draw = ImageDraw.Draw(image)
    glowing_ones = set(rng.sample(range(count), hot))
    lights = []
    # Back row first, so that nearer rings overlap farther ones.
    places = sorted(
        (rng.uniform(0.52, 0.86), (index + rng.uniform(0.2, 0.8)) / count) for index in range(count)
    )
    for order, (depth_t, across) in enumerate(places):
        glowing = order in glowing_ones
        cx = int(w * (0.08 + 0.84 * across))
        cy = int(h * depth_t)
        rx = int(w * (0.06 + 0.12 * (depth_t - 0.45)) * rng.uniform(0.9, 1.3) * 1.6)
        ry = int(rx * 0.38)
        depth = int(ry * 0.5)
        colour = rng.choice(HOT) if glowing else rng.choice(STEEL)
        side = _shade(colour, 0.62)
        draw.ellipse([cx - rx, cy - ry + depth, cx + rx, cy + ry + depth], fill=side)
        draw.rectangle([cx - rx, cy, cx + rx, cy + depth], fill=side)
        draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=colour)
        inner = 0.55
        floor = image.getpixel((cx, min(h - 1, cy + ry + depth + 4 * SCALE)))
        draw.ellipse(
            [cx - rx * inner, cy - ry * inner, cx + rx * inner, cy + ry * inner],
            fill=_shade(floor, 0.8),
        )
        if glowing:
            lights.append(([cx - rx, cy - ry, cx + rx, cy + ry + depth], (150, 60, 0)))
    image = _glow(image, lights, 30 * SCALE)
    return (
        image,
        f"Drawing: {count} freshly forged bearing rings on a workshop floor, "
        f"{_count_en(hot)} of them still glowing orange",
        f"绘图：车间地面上{count}个刚锻好的轴承套圈，其中{hot}个仍泛着橙红色的光",
    )


def _press(image, rng):
    """A forging press bringing its ram down on a glowing blank."""
    _hall_ground(image, rng)
    w, h = image.size
    draw = ImageDraw.Draw(image)
    body = rng.choice([(46, 84, 122), (92, 96, 104), (128, 62, 40), (40, 96, 80)])
    cx = int(w * rng.uniform(0.4, 0.6))
    half = int(w * rng.uniform(0.2, 0.26))
    top, base = int(h * 0.08), int(h * 0.86)
    column = int(w * 0.05)
    draw.rectangle([cx - half - column, top, cx - half, base], fill=body)
    draw.rectangle([cx + half, top, cx + half + column, base], fill=body)
    draw.rectangle(
        [cx - half - column * 2, top, cx + half + column * 2, top + int(h * 0.16)],
        fill=_shade(body, 1.2),
    )
    draw.rectangle(
        [cx - half - column * 2, base - int(h * 0.1), cx + half + column * 2, base + int(h * 0.06)],
        fill=_shade(body, 0.8),
    )
    anvil = base - int(h * 0.1)
    gap = int(h * rng.uniform(0.1, 0.2))
    ram_bottom = anvil - gap
    draw.rectangle(
        [cx - half + column, top + int(h * 0.16), cx + half - column, ram_bottom],
        fill=_shade(body, 0.95),
    )
    draw.rectangle(
        [cx - half // 2, ram_bottom - int(h * 0.05), cx + half // 2, ram_bottom], fill=(70, 74, 80)
    )
    blank_w, blank_h = int(half * 0.55), int(gap * 0.55)
    blank = [cx - blank_w // 2, anvil - blank_h, cx + blank_w // 2, anvil]
    draw.rounded_rectangle(blank, radius=blank_h // 3, fill=(255, 160, 40))
    for _ in range(rng.randint(14, 26)):
        x0 = rng.uniform(blank[0], blank[2])
        y0 = rng.uniform(blank[1], blank[3])
        length = rng.uniform(30, 110) * SCALE
        direction = rng.choice([-1, 1])
        draw.line(
            [(x0, y0), (x0 + direction * length, y0 - length * rng.uniform(0.1, 0.6))],
            fill=(255, 210, 120),
            width=2 * SCALE,
        )
    image = _glow(
        image,
        [
            (
                [blank[0] - blank_w, blank[1] - blank_h, blank[2] + blank_w, blank[3] + blank_h],
                (170, 80, 0),
            )
        ],
        40 * SCALE,
    )
    return (
        image,
        "Drawing: a forging press bringing its ram down on a glowing blank, sparks flying",
        "绘图：锻压机的压头压向一块炽热的坯料，火花四溅",
    )


def _furnace(image, rng):
    """The open door of a heat-treatment furnace, rings glowing inside."""
    w, h = image.size
    brick = rng.choice([(92, 52, 40), (84, 80, 78), (70, 60, 56)])
    image.paste(brick, (0, 0, w, h))
    draw = ImageDraw.Draw(image)
    course = 36 * SCALE
    for row, y in enumerate(range(0, h, course)):
        draw.line([(0, y), (w, y)], fill=_shade(brick, 0.7), width=3 * SCALE)
        offset = (row % 2) * course
        for x in range(-offset, w, course * 2):
            draw.line([(x, y), (x, y + course)], fill=_shade(brick, 0.7), width=3 * SCALE)
    door_w = int(w * rng.uniform(0.4, 0.52))
    door_h = int(h * rng.uniform(0.46, 0.56))
    left, top = (w - door_w) // 2, int(h * 0.22)
    _gradient(image, (255, 214, 120), (236, 96, 16), (left, top, left + door_w, top + door_h))
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        [left - 14 * SCALE, top - 14 * SCALE, left + door_w + 14 * SCALE, top + door_h],
        outline=(40, 40, 44),
        width=14 * SCALE,
    )
    draw.rectangle([0, int(h * 0.84), w, h], fill=(36, 36, 40))
    count = rng.randint(3, 5)
    for index in range(count):
        rx = door_w / (count * 2.6)
        cx = left + door_w * (index + 0.5) / count
        cy = top + door_h * 0.62
        draw.ellipse(
            [cx - rx, cy - rx, cx + rx, cy + rx], outline=(190, 60, 10), width=int(rx * 0.35)
        )
    draw.rectangle(
        [left, top + int(door_h * 0.8), left + door_w, top + int(door_h * 0.84)], fill=(120, 50, 20)
    )
    image = _glow(
        image,
        [([left - door_w // 3, top - door_h // 4, left + door_w * 4 // 3, h], (140, 60, 0))],
        60 * SCALE,
    )
    return (
        image,
        f"Drawing: the open door of a heat-treatment furnace in a brick wall, glowing orange, "
        f"with {count} rings on a rack inside",
        f"绘图：砖墙上热处理炉的炉门敞开，炉内橙红色光亮，架上有{count}个套圈",
    )


def _rollers(image, rng):
    """Rows of polished rollers on a tray."""
    w, h = image.size
    tray = rng.choice([(24, 52, 82), (30, 40, 52), (20, 64, 70)])
    _gradient(image, _shade(tray, 1.3), _shade(tray, 0.7))
    draw = ImageDraw.Draw(image)
    tapered = rng.random() < 0.6
    rows, per_row = rng.randint(2, 3), rng.randint(5, 7)
    length = int(w * 0.8 / per_row)
    for row in range(rows):
        y = int(h * (0.22 + 0.62 * (row + 0.5) / rows))
        radius = int(h * 0.2 / rows)
        for index in range(per_row):
            x = int(w * 0.1 + index * length + length * 0.1)
            big, small = radius, int(radius * (0.72 if tapered else 1))
            body = [
                (x, y - big),
                (x + int(length * 0.8), y - small),
                (x + int(length * 0.8), y + small),
                (x, y + big),
            ]
            draw.polygon(body, fill=(150, 158, 166))
            draw.polygon(
                [body[0], body[1], (body[1][0], y - small // 3), (x, y - big // 3)],
                fill=(214, 220, 226),
            )
            draw.ellipse([x - big // 3, y - big, x + big // 3, y + big], fill=(120, 128, 136))
    kind_en, kind_zh = ("tapered", "圆锥") if tapered else ("cylindrical", "圆柱")
    return (
        image,
        f"Drawing: {rows} rows of polished {kind_en} rollers laid out on a tray",
        f"绘图：托盘上排成{rows}行的抛光{kind_zh}滚子",
    )


def _balls(image, rng):
    """Polished steel balls with bright highlights."""
    w, h = image.size
    cloth = rng.choice([(20, 40, 70), (40, 30, 60), (18, 56, 52)])
    _gradient(image, _shade(cloth, 1.4), _shade(cloth, 0.6))
    draw = ImageDraw.Draw(image)
    count = rng.randint(9, 16)
    for _ in range(count):
        r = rng.uniform(0.05, 0.1) * h
        x, y = rng.uniform(r, w - r), rng.uniform(h * 0.2 + r, h - r)
        for step in range(12, 0, -1):
            t = step / 12
            draw.ellipse(
                [x - r * t, y - r * t, x + r * t, y + r * t],
                fill=_shade((200, 206, 214), 0.55 + 0.45 * (1 - t)),
            )
        draw.ellipse([x - r * 0.45, y - r * 0.55, x - r * 0.1, y - r * 0.2], fill=(250, 252, 255))
    return (
        image,
        "Drawing: polished steel balls scattered on a dark cloth, each with a bright highlight",
        "绘图：散落在深色绒布上的抛光钢球，每颗都有一点高光",
    )


def _bearing(image, rng):
    """A ball bearing seen face-on."""
    w, h = image.size
    ground = rng.choice([(12, 50, 80), (34, 38, 46), (60, 40, 30)])
    _gradient(image, _shade(ground, 1.3), _shade(ground, 0.7))
    draw = ImageDraw.Draw(image)
    cx, cy = int(w * rng.uniform(0.35, 0.65)), h // 2
    outer = int(h * 0.4)
    balls = rng.randint(8, 12)
    draw.ellipse([cx - outer, cy - outer, cx + outer, cy + outer], fill=(176, 184, 192))
    draw.ellipse(
        [cx - outer * 0.84, cy - outer * 0.84, cx + outer * 0.84, cy + outer * 0.84],
        fill=(70, 76, 84),
    )

    track = outer * 0.7
    ball = outer * 0.13
    for index in range(balls):
        angle = 2 * math.pi * index / balls
        bx, by = cx + track * math.cos(angle), cy + track * math.sin(angle)
        draw.ellipse([bx - ball, by - ball, bx + ball, by + ball], fill=(214, 220, 226))
        draw.ellipse(
            [bx - ball * 0.5, by - ball * 0.6, bx - ball * 0.1, by - ball * 0.2],
            fill=(255, 255, 255),
        )
    draw.ellipse(
        [cx - outer * 0.56, cy - outer * 0.56, cx + outer * 0.56, cy + outer * 0.56],
        fill=(190, 196, 204),
    )
    draw.ellipse(
        [cx - outer * 0.36, cy - outer * 0.36, cx + outer * 0.36, cy + outer * 0.36],
        fill=_shade(ground, 0.9),
    )
    return (
        image,
        f"Drawing: a ball bearing seen face-on, {balls} steel balls between its inner and outer ring",
        f"绘图：正面所见的球轴承，内外圈之间有{balls}颗钢球",
    )


def _hall(image, rng):
    """Inside a long factory hall: an overhead crane and rows of machines."""
    w, h = image.size
    _gradient(image, (58, 70, 84), (150, 160, 170), (0, 0, w, h // 2))
    _gradient(image, (120, 124, 128), (70, 74, 80), (0, h // 2, w, h))
    draw = ImageDraw.Draw(image)
    vx, vy = int(w * rng.uniform(0.4, 0.6)), int(h * 0.46)
    draw.polygon(
        [
            (vx - w * 0.04, vy - h * 0.05),
            (vx + w * 0.04, vy - h * 0.05),
            (w * 0.62, 0),
            (w * 0.38, 0),
        ],
        fill=(214, 224, 232),
    )
    for step in range(1, 9):
        t = step / 9
        for side in (-1, 1):
            x = vx + side * (w * 0.55) * (1 - t) ** 1.6 * 1.0 + side * w * 0.03
            draw.line(
                [(x, vy - (vy * (1 - t) ** 1.6) - h * 0.05), (x, vy + (h - vy) * (1 - t) ** 1.6)],
                fill=(80, 90, 100),
                width=max(2, int(14 * SCALE * (1 - t))),
            )
    machine = rng.choice([(40, 110, 150), (200, 120, 30), (60, 130, 90)])
    rows = rng.randint(4, 6)
    for index in range(rows):
        t = (index + 1) / (rows + 1)
        size = (1 - t) ** 1.4
        for side in (-1, 1):
            x = vx + side * w * 0.32 * size + side * w * 0.03
            y = vy + (h - vy) * size * 0.9
            mw, mh = w * 0.14 * size, h * 0.16 * size
            draw.rectangle([x - mw / 2, y - mh, x + mw / 2, y], fill=machine)
            draw.rectangle(
                [x - mw / 2, y - mh, x + mw / 2, y - mh * 0.8], fill=_shade(machine, 1.25)
            )
    crane_y = int(h * rng.uniform(0.16, 0.24))
    draw.rectangle([0, crane_y, w, crane_y + 22 * SCALE], fill=(230, 176, 20))
    hook_x = int(w * rng.uniform(0.25, 0.75))
    draw.line(
        [(hook_x, crane_y), (hook_x, crane_y + int(h * 0.2))], fill=(40, 40, 40), width=3 * SCALE
    )
    draw.rectangle(
        [
            hook_x - 26 * SCALE,
            crane_y + int(h * 0.2),
            hook_x + 26 * SCALE,
            crane_y + int(h * 0.2) + 30 * SCALE,
        ],
        fill=(50, 50, 54),
    )
    return (
        image,
        f"Drawing: inside a long factory hall with a yellow overhead crane and {rows * 2} "
        "machines in two rows",
        f"绘图：长长的厂房内部，有一台黄色桥式起重机和分两排摆放的{rows * 2}台设备",
    )


def _park(image, rng):
    """An industrial park seen from above."""
    w, h = image.size
    image.paste((118, 146, 96), (0, 0, w, h))
    draw = ImageDraw.Draw(image)
    road = (196, 198, 196)
    columns, rows = rng.randint(3, 4), rng.randint(2, 3)
    block_w, block_h = w / columns, h / rows
    halls = plots = trees = 0
    for col in range(columns):
        for row in range(rows):
            x0, y0 = col * block_w + 24 * SCALE, row * block_h + 24 * SCALE
            x1, y1 = (col + 1) * block_w - 24 * SCALE, (row + 1) * block_h - 24 * SCALE
            if rng.random() < 0.25:
                draw.rectangle([x0, y0, x1, y1], fill=(150, 120, 84))
                plots += 1
                continue
            roof = rng.choice([(70, 110, 160), (210, 214, 220), (90, 100, 112), (160, 60, 50)])
            split = rng.random() < 0.5
            parts = (
                [(x0, y0, x1, (y0 + y1) / 2 - 8 * SCALE), (x0, (y0 + y1) / 2 + 8 * SCALE, x1, y1)]
                if split
                else [(x0, y0, x1, y1)]
            )
            for part in parts:
                halls += 1
                draw.rectangle(part, fill=roof)
                for x in range(int(part[0]), int(part[2]), 28 * SCALE):
                    draw.line(
                        [(x, part[1]), (x, part[3])], fill=_shade(roof, 0.85), width=3 * SCALE
                    )
    for col in range(1, columns):
        x = col * block_w
        draw.rectangle([x - 14 * SCALE, 0, x + 14 * SCALE, h], fill=road)
    for row in range(1, rows):
        y = row * block_h
        draw.rectangle([0, y - 14 * SCALE, w, y + 14 * SCALE], fill=road)
    for _ in range(rng.randint(30, 60)):
        x, y = rng.uniform(0, w), rng.choice([rng.uniform(0, h)])
        r = rng.uniform(8, 16) * SCALE
        if any(abs(x - col * block_w) < 40 * SCALE for col in range(1, columns)):
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(52, 100, 52))
            trees += 1
    open_en = (
        f" and {_count_en(plots)} open plots"
        if plots > 1
        else (" and one open plot" if plots else "")
    )
    open_zh = f"和{plots}块空地" if plots else ""
    trees_en = ", a few trees by the roads" if trees else ""
    trees_zh = "，路旁有几棵树" if trees else ""
    return (
        image,
        f"Drawing: an industrial park seen from above: {halls} factory roofs{open_en} in "
        f"blocks between straight roads{trees_en}",
        f"绘图：俯瞰产业园，笔直道路隔开的地块中有{halls}座厂房屋顶{open_zh}{trees_zh}",
    )


def _count_en(number):
    return (
        ["no", "one", "two", "three", "four", "five", "six"][number] if number < 7 else str(number)
    )


SUBJECTS = {
    "rings": _rings,
    "press": _press,
    "furnace": _furnace,
    "rollers": _rollers,
    "balls": _balls,
    "bearing": _bearing,
    "hall": _hall,
    "park": _park,
}


def drawn_picture(seed_text, subject, size=(WIDTH, HEIGHT)):
    """A JPEG of `subject` (a key of SUBJECTS) varied by `seed_text`, with its alt text."""
    rng = _rng(f"{subject}:{seed_text}")
    canvas = Image.new("RGB", (size[0] * SCALE, size[1] * SCALE))
    canvas, alt_en, alt_zh = SUBJECTS[subject](canvas, rng)
    image = canvas.reduce(SCALE)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=78, optimize=True, progressive=True)
    return Picture(ContentFile(buffer.getvalue()), alt_en, alt_zh)


CAPTION_EN = "A drawing, not a photograph."
CAPTION_ZH = "绘图，并非实景照片。"


def add_drawn_picture(record, subject):
    """The cover of a demo project or park: a drawing of `subject` varied by the record's
    slug, captioned as a drawing. Assigned to the field, not saved to storage here: the
    model's save stores it and the field makes its renditions."""
    from .models import Park, ParkImage, ProjectImage

    picture = drawn_picture(record.slug, subject)
    model, owner = (ParkImage, "park") if isinstance(record, Park) else (ProjectImage, "project")
    image = model(
        **{owner: record},
        alt_text_en=picture.alt_en,
        alt_text_zh_hans=picture.alt_zh,
        caption_en=CAPTION_EN,
        caption_zh_hans=CAPTION_ZH,
    )
    image.image = File(picture.file, name=f"{record.slug}.jpg")
    image.save()
    return image
