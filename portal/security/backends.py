"""Login throttling: django-axes in front of Django's own password check."""

from axes.backends import AxesStandaloneBackend


class ThrottledBackend(AxesStandaloneBackend):
    """Refuses sign-ins from a locked-out pair of account and client address, or from a
    locked-out address (portal/security/lockouts.py).

    Every sign-in form of the site passes the request, which axes needs to know the client.
    Code that calls `authenticate()` without one (management commands, `Client.login` in the
    tests) has no client to throttle, so it is left to the next backend instead of failing.
    """

    def authenticate(self, request, *args, **credentials):
        if request is None:
            return None
        return super().authenticate(request, *args, **credentials)
