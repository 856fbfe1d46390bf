"""The client's address, read once for every part of the site that counts clients.

Behind proxies, REMOTE_ADDR is the nearest proxy. Each proxy appends the address it saw to
`X-Forwarded-For`, so with N trusted proxies in front (`TRUSTED_PROXY_COUNT`), the client is the
Nth entry from the right: the outermost trusted proxy wrote it. Everything to its left was sent
by the client and may be made up, which is why the first entry is never used.
"""

import ipaddress

from django.conf import settings


def _address(value):
    """`value` as a normalised IP address, or None when it is not one (ports are dropped)."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(request):
    """The address of the client that sent `request`, as a string (None without any).

    Used by django-axes (`AXES_CLIENT_IP_CALLABLE`) and by every per-client limit.
    """
    remote = _address(request.META.get("REMOTE_ADDR", "")) or None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if not hops:
        return remote
    # Fewer entries than proxies: every entry was written by a trusted proxy, and the leftmost
    # is the furthest one that saw the client.
    hop = hops[-proxies] if len(hops) >= proxies else hops[0]
    return _address(hop) or remote
