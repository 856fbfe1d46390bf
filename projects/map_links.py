"""Links that open a place in the map services our visitors use; the page itself loads none.

Coordinates are stored in WGS84 (what GPS and OpenStreetMap use). Amap and Baidu draw their
maps in shifted coordinate systems, so their links say that the coordinates are WGS84 and let
the service convert them.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

SOURCE = "guanxian.investment.portal"


def map_links(latitude, longitude, name):
    if latitude is None or longitude is None:
        return []
    lat, lon = f"{latitude:.6f}", f"{longitude:.6f}"
    return [
        {
            "label": _("OpenStreetMap"),
            "url": "https://www.openstreetmap.org/?"
            + urlencode({"mlat": lat, "mlon": lon})
            + f"#map=15/{lat}/{lon}",
        },
        {
            "label": _("Amap (高德地图)"),
            "url": "https://uri.amap.com/marker?"
            + urlencode(
                {
                    "position": f"{lon},{lat}",
                    "name": name,
                    "coordinate": "wgs84",
                    "callnative": 0,
                    "src": SOURCE,
                }
            ),
        },
        {
            "label": _("Baidu Maps (百度地图)"),
            "url": "https://api.map.baidu.com/marker?"
            + urlencode(
                {
                    "location": f"{lat},{lon}",
                    "title": name,
                    "content": name,
                    "coord_type": "wgs84",
                    "output": "html",
                    "src": SOURCE,
                }
            ),
        },
    ]
