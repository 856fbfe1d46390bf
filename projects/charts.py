"""The registry's figures as chart data, summed from the registry overview's one grouped query
(projects/overview.py), labels in the reader's language. The templates in templates/projects/includes/chart_*.html draw them as inline SVG.

Every chart counts the published signed projects, the same set as the headline figures, so the
bars add up to the total the home page states.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from portal.core.languages import localized_fieldnames
from projects.formatting import format_money
from projects.models import Park, Project
from projects.overview import RegistryOverview

# The drawing's coordinate system; the SVG scales to its container through its viewBox.
WIDTH = 420
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
ROW_GAP = 14
BAR_SPACE = 280  # the longest bar; the rest of the width holds its value
TOP = 8

OTHER_SITES = _("Other sites")


@dataclass
class Bar:
    label: str
    value: Decimal
    display: str
    width: float = 0
    y: float = 0

    @property
    def label_y(self):
        return self.y - 6

    @property
    def text_x(self):
        return _svg_number(self.width + 8)

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 4


@dataclass
class Chart:
    slug: str
    title: str
    value_heading: str
    bars: list = field(default_factory=list)
    width: int = WIDTH

    @property
    def height(self):
        return TOP + len(self.bars) * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)

    @property
    def description(self):
        return "; ".join(f"{bar.label}: {bar.display}" for bar in self.bars)

    @property
    def is_empty(self):
        return not any(bar.value for bar in self.bars)

    def layout(self):
        largest = max((bar.value for bar in self.bars), default=0) or 1
        for index, bar in enumerate(self.bars):
            bar.width = _svg_number(float(bar.value) / float(largest) * BAR_SPACE)
            bar.y = TOP + LABEL_HEIGHT + index * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)
        return self


def _svg_number(value):
    """A coordinate as SVG wants it: 470, 130.4, never 470.0."""
    value = round(value, 1)
    return int(value) if value == int(value) else value


def _count(value):
    return ngettext("%(count)s project", "%(count)s projects", value) % {"count": value}


def investment_by_sector(overview):
    names = overview.sector_names()
    sums = overview.signed_by("sector_id")
    rows = sorted(sums.items(), key=lambda item: (-item[1][1], item[0]))
    bars = [Bar(names[sector], total, format_money(total)) for sector, (_n, total) in rows]
    return Chart("sector", gettext("Investment by sector"), gettext("Investment"), bars).layout()


def projects_by_stage(overview):
    counts = overview.signed_by("stage")
    bars = []
    for stage, label in Project.Stage.choices:
        count = counts.get(stage, (0, 0))[0]
        bars.append(Bar(str(label), Decimal(count), _count(count)))
    return Chart("stage", gettext("Projects by stage"), gettext("Projects"), bars).layout()


def signed_value_by_park(overview, public_parks):
    """Projects in a park that is not public yet are counted under "other sites", unnamed.

    `public_parks` are the published parks (any iterable of Park rows).
    """
    names = {park.pk: park.name for park in public_parks}
    sums = overview.signed_by("park_id")
    rows = sorted(sums.items(), key=lambda item: (-item[1][1], item[0] or 0))
    bars, elsewhere = [], Decimal(0)
    for park, (_n, total) in rows:
        if park in names:
            bars.append(Bar(names[park], total, format_money(total)))
        else:
            elsewhere += total
    if elsewhere:
        bars.append(Bar(str(OTHER_SITES), elsewhere, format_money(elsewhere)))
    return Chart("park", gettext("Signed value by park"), gettext("Investment"), bars).layout()


def registry_charts(overview=None, public_parks=None):
    """The three charts, in the order pages show them: no query of their own when the page
    passes the overview and the published parks it already has."""
    overview = overview or RegistryOverview()
    if public_parks is None:
        public_parks = Park.objects.published().only("pk", *localized_fieldnames("name"))
    return [
        investment_by_sector(overview),
        projects_by_stage(overview),
        signed_value_by_park(overview, public_parks),
    ]
