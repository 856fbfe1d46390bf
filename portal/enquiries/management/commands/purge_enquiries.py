"""Anonymise the personal data of old closed enquiries; the rows (and the counts) stay."""

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.enquiries.desk import anonymise
from portal.enquiries.models import Enquiry


class Command(BaseCommand):
    help = "Anonymise closed and spam enquiries received more than N months ago."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, required=True, metavar="MONTHS")

    def handle(self, *args, older_than, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 month.")
        # The same day `older_than` months earlier, or that month's last day when it is shorter.
        cutoff = timezone.now() - relativedelta(months=older_than)
        old = Enquiry.objects.filter(
            status__in=(Enquiry.Status.CLOSED, Enquiry.Status.SPAM),
            received_at__lt=cutoff,
            anonymised_at__isnull=True,
        )
        ids = list(old.values_list("pk", flat=True))
        anonymise(ids)
        self.stdout.write(f"{len(ids)} enquiries anonymised (received before {cutoff:%Y-%m-%d})")
