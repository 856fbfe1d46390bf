"""The site's own sketch map of Guanxian County, drawn by the server as inline SVG.

It is what every visitor sees when no tile server is configured or its tiles do not load (as
often happens with foreign tile servers in mainland China), and what the map shows without
JavaScript. Its labels are page text in the reader's language, never pixels.

The outline, towns and roads below are approximate, traced by hand from public sources at
county scale: good enough to show where the parks lie against the county seat, the towns and
the main roads, not for navigation. The page says so under the map. Parks are placed from
their own coordinates in the registry.
"""

import math

from django.utils.translation import gettext_lazy as _

# (latitude, longitude), WGS84, clockwise from the north.
COUNTY_OUTLINE = [
    (36.705, 115.385),
    (36.690, 115.500),
    (36.640, 115.600),
    (36.600, 115.700),
    (36.525, 115.740),
    (36.440, 115.730),
    (36.360, 115.680),
    (36.290, 115.600),
    (36.270, 115.500),
    (36.300, 115.400),
    (36.360, 115.320),
    (36.440, 115.270),
    (36.530, 115.250),
    (36.610, 115.280),
    (36.670, 115.320),
]

COUNTY_SEAT = (36.484, 115.442)

TOWNS = [
    {"name": _("Guanxian"), "at": COUNTY_SEAT, "seat": True},
    {"name": _("Qingshui Town"), "at": (36.468, 115.575)},
    {"name": _("Donggucheng Town"), "at": (36.555, 115.610)},
    {"name": _("Beiguantao Town"), "at": (36.600, 115.330)},
    {"name": _("Dianzi Town"), "at": (36.650, 115.450)},
    {"name": _("Liulin Town"), "at": (36.360, 115.500)},
]

# Each road runs from one edge of the drawing to the other; `kind` picks its line style.
ROADS = [
    {
        "kind": "expressway",
        "name": _("G22 Qingdao–Lanzhou Expressway"),
        "line": [(36.500, 115.800), (36.515, 115.600), (36.525, 115.450), (36.560, 115.200)],
    },
    {
        "kind": "national",
        "name": _("G309 National Road"),
        "line": [(36.462, 115.800), (36.470, 115.600), (36.484, 115.442), (36.505, 115.200)],
    },
    {
        "kind": "railway",
        "name": _("Handan–Jinan Railway"),
        "line": [(36.432, 115.800), (36.440, 115.600), (36.458, 115.440), (36.478, 115.200)],
    },
]

# Where the national road leads, shown as an arrow where it leaves the drawing.
DESTINATIONS = [
    {"name": _("Liaocheng"), "at": (36.457, 115.985), "side": "east"},
    {"name": _("Handan"), "at": (36.625, 114.539), "side": "west"},
]
DESTINATION_ROAD = "national"

# The area drawn: the county with a margin; widened when a park lies outside it.
FRAME = {"south": 36.24, "north": 36.73, "west": 115.20, "east": 115.80}
WIDTH = 560
SCALE_KM = 10
EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE_LATITUDE = 111.2


def distance_km(a, b):
    """Great-circle distance between two (lat, lng) points."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


class Projection:
    """Equirectangular at the frame's middle latitude, north up, `WIDTH` pixels wide."""

    def __init__(self, points):
        lats = [lat for lat, _lng in points]
        lngs = [lng for _lat, lng in points]
        self.south = min(FRAME["south"], min(lats, default=90) - 0.02)
        self.north = max(FRAME["north"], max(lats, default=-90) + 0.02)
        self.west = min(FRAME["west"], min(lngs, default=180) - 0.02)
        self.east = max(FRAME["east"], max(lngs, default=-180) + 0.02)
        self.x_scale = math.cos(math.radians((self.south + self.north) / 2))
        self.pixels_per_degree = WIDTH / ((self.east - self.west) * self.x_scale)
        self.width = WIDTH
        self.height = round((self.north - self.south) * self.pixels_per_degree)

    def __call__(self, point):
        lat, lng = point
        x = (lng - self.west) * self.x_scale * self.pixels_per_degree
        y = (self.north - lat) * self.pixels_per_degree
        return round(x, 1), round(y, 1)

    def path(self, points, close=False):
        commands = " ".join(
            f"{'M' if n == 0 else 'L'}{x},{y}" for n, (x, y) in enumerate(map(self, points))
        )
        return commands + (" Z" if close else "")

    @property
    def km_in_pixels(self):
        return self.pixels_per_degree / KM_PER_DEGREE_LATITUDE


LABEL_GAP = 12
PIN_RADIUS = 16
TOWN_FONT, SEAT_FONT, DESTINATION_FONT = 20, 22, 17


def text_width(text, size):
    """A little more than `text` needs: Han characters are square, Latin ones about 0.6 em."""
    return sum(size if ord(char) >= 0x2E80 else size * 0.64 for char in text)


class Labels:
    """Places each label where it overlaps no pin and no label placed before it."""

    def __init__(self, width, height, pins):
        self.width, self.height = width, height
        self.taken = [
            (x - PIN_RADIUS - 2, y - PIN_RADIUS - 2, x + PIN_RADIUS + 2, y + PIN_RADIUS + 2)
            for x, y in pins
        ]

    @staticmethod
    def box(x, y, text_width, size, anchor):
        left = {"start": x, "end": x - text_width, "middle": x - text_width / 2}[anchor]
        return (left, y - size * 0.6, left + text_width, y + size * 0.6)

    def within(self, x, text_width, anchor):
        """A centred label moves sideways to stay inside the drawing."""
        if anchor != "middle":
            return x
        return min(max(x, text_width / 2 + 2), self.width - text_width / 2 - 2)

    def free(self, box):
        left, top, right, bottom = box
        inside = left >= 2 and top >= 2 and right <= self.width - 2 and bottom <= self.height - 2
        return inside and not any(
            left < other_right and right > other_left and top < other_bottom and bottom > other_top
            for other_left, other_top, other_right, other_bottom in self.taken
        )

    def place(self, text, size, x, y, candidates):
        """(x, y, anchor) of the first free candidate (dx, dy, anchor), else of the first."""
        width = text_width(text, size)
        options = [
            (self.within(x + dx, width, anchor), y + dy, anchor) for dx, dy, anchor in candidates
        ]
        chosen = next(
            (o for o in options if self.free(self.box(o[0], o[1], width, size, o[2]))),
            options[0],
        )
        self.taken.append(self.box(chosen[0], chosen[1], width, size, chosen[2]))
        return {"label_x": round(chosen[0], 1), "label_y": round(chosen[1], 1), "anchor": chosen[2]}


def _town_candidates(size):
    return [
        (LABEL_GAP, 0, "start"),
        (-LABEL_GAP, 0, "end"),
        (0, -size - 2, "middle"),
        (0, size + 4, "middle"),
    ]


def _arrow(y, tip, base):
    return f"M{base},{round(y - 9, 1)} L{tip},{y} L{base},{round(y + 9, 1)} Z"


def sketch_map(pins):
    """Everything the SVG template draws, in pixels. `pins` are (number, name, lat, lng)."""
    projection = Projection([(lat, lng) for _number, _name, lat, lng in pins])
    width, height = projection.width, projection.height
    pin_points = [projection((lat, lng)) for _number, _name, lat, lng in pins]
    labels = Labels(width, height, pin_points)
    towns = []
    # The county seat first: its name matters most.
    for town in sorted(TOWNS, key=lambda town: not town.get("seat")):
        x, y = projection(town["at"])
        name = str(town["name"])
        size = SEAT_FONT if town.get("seat") else TOWN_FONT
        towns.append(
            {"name": name, "x": x, "y": y, "seat": town.get("seat", False)}
            | labels.place(name, size, x, y, _town_candidates(size))
        )
    road = next(road for road in ROADS if road["kind"] == DESTINATION_ROAD)
    ends = {"east": projection(road["line"][0])[1], "west": projection(road["line"][-1])[1]}
    destinations = []
    for place in DESTINATIONS:
        y = ends[place["side"]]
        east = place["side"] == "east"
        km = 5 * round(distance_km(COUNTY_SEAT, place["at"]) / 5)
        text = _("%(place)s, about %(km)s km") % {"place": place["name"], "km": km}
        edge, anchor = (width - 8, "end") if east else (8, "start")
        position = labels.place(
            text, DESTINATION_FONT, edge, y, [(0, -20, anchor), (0, 22, anchor)]
        )
        destinations.append(
            {
                "label": text,
                "arrow": _arrow(y, width - 8 if east else 8, width - 30 if east else 30),
            }
            | position
        )
    scale = {
        "km": SCALE_KM,
        "x": 24,
        "y": height - 20,
        "label_y": height - 30,
        "length": round(SCALE_KM * projection.km_in_pixels, 1),
    }
    return {
        "width": width,
        "height": height,
        "outline": projection.path(COUNTY_OUTLINE, close=True),
        "roads": [
            {"kind": road["kind"], "name": road["name"], "path": projection.path(road["line"])}
            for road in ROADS
        ],
        "towns": towns,
        "destinations": destinations,
        "pins": [
            {"number": number, "name": name, "x": x, "y": y}
            for (number, name, _lat, _lng), (x, y) in zip(pins, pin_points, strict=True)
        ],
        "scale": scale,
        "north": {"x": width - 30, "y": 16, "label_y": 64},
    }
