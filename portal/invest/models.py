"""What an investor weighs before choosing Guanxian: the reasons with their sources, the
logistics to airports, ports and rail, and the steps of setting up a plant.

Each is a record staff keep in both languages in the admin, with versions; the pages that
show them are "Why Guanxian" and the investment guide (portal/invest/views.py).
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.models import FlagPublishable
from portal.core.revisions import NormalisedTextMixin

ORDER_HELP = _("Lower numbers come first.")


class Advantage(NormalisedTextMixin, FlagPublishable):
    """One reason to invest, on the "Why Guanxian" page, always with its source."""

    class Topic(models.TextChoices):
        CLUSTER = "cluster", _("The cluster")
        COSTS = "costs", _("Costs")
        SUPPLIERS = "suppliers", _("Suppliers")
        LABOUR = "labour", _("Labour pool")

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, db_index=True)
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"), help_text=_("Two or three sentences with the facts."))
    source = models.CharField(_("source"), max_length=200, help_text=_("Who published the facts."))
    source_url = models.URLField(_("link to the source"), blank=True)
    as_of = models.DateField(_("as of"), help_text=_("The date the facts describe."))
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=ORDER_HELP)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("reason to invest")
        verbose_name_plural = _("reasons to invest")

    def __str__(self):
        return self.title


class Connection(NormalisedTextMixin, FlagPublishable):
    """How far the county is from an airport, a port, a railway station or an expressway."""

    class Mode(models.TextChoices):
        AIRPORT = "airport", _("Airport")
        PORT = "port", _("Sea port")
        RAIL = "rail", _("High-speed rail")
        ROAD = "road", _("Expressway")

    destination = models.CharField(_("destination"), max_length=150)
    mode = models.CharField(_("kind"), max_length=20, choices=Mode.choices)
    distance_km = models.DecimalField(
        _("distance (km)"), max_digits=7, decimal_places=1, validators=[MinValueValidator(0)]
    )
    hours = models.DecimalField(
        _("time (hours)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("Typical time by road from the county seat, e.g. 2.25 for 2 h 15 min."),
    )
    route = models.CharField(
        _("route"), max_length=200, blank=True, help_text=_("For example: by the G22 expressway.")
    )
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Tick while the figures are estimates: the site marks them as such."),
    )
    source = models.CharField(_("source"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=ORDER_HELP)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("connection")
        verbose_name_plural = _("logistics connections")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(distance_km__gte=0) & models.Q(hours__gte=0),
                name="connection_not_negative",
            )
        ]

    def __str__(self):
        return self.destination

    @property
    def time_parts(self):
        """(whole hours, minutes beyond them), as a timetable writes "2 h 15 min"."""
        return divmod(round(self.hours * 60), 60)


class SetupStep(NormalisedTextMixin, FlagPublishable):
    """One step of setting up a plant: the office, the documents, the fees, the time it takes
    and the law it rests on."""

    title = models.CharField(_("title"), max_length=150)
    summary = models.TextField(_("what happens"), help_text=_("One or two sentences."))
    office = models.CharField(
        _("office"), max_length=200, help_text=_("The office that handles the step.")
    )
    documents = models.TextField(
        _("documents"), help_text=_("One document per line; each line becomes a point in a list.")
    )
    fees = models.CharField(_("fees"), max_length=200, help_text=_("Write “None” if it is free."))
    duration = models.CharField(
        _("typical duration"), max_length=120, help_text=_("For example: 5 working days.")
    )
    legal_basis = models.TextField(
        _("legal basis"), help_text=_("The laws and regulations, one per line.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=ORDER_HELP)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("step of setting up")
        verbose_name_plural = _("steps of setting up")

    def __str__(self):
        return self.title

    @staticmethod
    def _lines(text):
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    @property
    def document_list(self):
        return self._lines(self.documents)

    @property
    def legal_basis_list(self):
        return self._lines(self.legal_basis)
