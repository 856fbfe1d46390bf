"""Sign-in lockouts that an attacker cannot turn against the staff.

django-axes counts failures per (account, client address) pair: guessing one account's
password from one address locks that pair only, so the real person still signs in from their
own address. An address that fails against many accounts is locked on its own, after a higher
limit (`LOGIN_ADDRESS_FAILURE_LIMIT`): axes checks one limit, so the handler reports the pair's
limit as reached once the address has reached its own.
"""

from axes.attempts import get_cool_off_threshold
from axes.conf import settings
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.db.models import Sum


def address_failures(request):
    """Failed sign-ins from the request's client address, across every account, within the
    cool-off time (axes keeps one row per account, address and browser)."""
    attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class PairAndAddressHandler(AxesDatabaseHandler):
    """AXES_HANDLER: the pair's failures, or the pair's limit once the address is locked."""

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
