"""The registry's figures as chart data: one aggregate query per chart, labels in the reader's
language. The templates in templates/projects/includes/chart_*.html draw them as inline SVG.

Every chart counts the published signed projects, the same set as the headline figures, so the
bars add up to the total the home page states.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from projects.formatting import format_money
from projects.models import Project

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


def _name(row, prefix):
    """The name in the reader's language, else the other one."""
    language = get_language() or "en"
    own = "zh_hans" if language.startswith("zh") else "en"
    other = "en" if own == "zh_hans" else "zh_hans"
    return row.get(f"{prefix}_{own}") or row.get(f"{prefix}_{other}") or ""


def _projects():
    return Project.objects.published().signed().order_by()


def _count(value):
    return ngettext("%(count)s project", "%(count)s projects", value) % {"count": value}


def investment_by_sector():
    rows = (
        _projects()
        .values("sector_id", "sector__name_en", "sector__name_zh_hans")
        .annotate(total=Sum("investment_yuan"))
        .order_by("-total", "sector_id")
    )
    bars = [
        Bar(_name(row, "sector__name"), row["total"] or Decimal(0), format_money(row["total"]))
        for row in rows
    ]
    return Chart("sector", gettext("Investment by sector"), gettext("Investment"), bars).layout()


def projects_by_stage():
    counts = dict(_projects().values_list("stage").annotate(n=Count("pk")).order_by())
    bars = [
        Bar(str(label), Decimal(counts.get(stage, 0)), _count(counts.get(stage, 0)))
        for stage, label in Project.Stage.choices
    ]
    return Chart("stage", gettext("Projects by stage"), gettext("Projects"), bars).layout()


def signed_value_by_park():
    """Projects in a park that is not public yet are counted under "other sites", unnamed."""
    now = timezone.now()
    rows = (
        _projects()
        .values(
            "park_id",
            "park__name_en",
            "park__name_zh_hans",
            "park__is_published",
            "park__published_at",
        )
        .annotate(total=Sum("investment_yuan"))
        .order_by("-total", "park_id")
    )
    bars, elsewhere = [], Decimal(0)
    for row in rows:
        public = row["park_id"] and row["park__is_published"] and row["park__published_at"] <= now
        if public:
            bars.append(Bar(_name(row, "park__name"), row["total"], format_money(row["total"])))
        else:
            elsewhere += row["total"] or 0
    if elsewhere:
        bars.append(Bar(str(OTHER_SITES), elsewhere, format_money(elsewhere)))
    return Chart("park", gettext("Signed value by park"), gettext("Investment"), bars).layout()


def registry_charts():
    """The three charts, in the order pages show them: three queries."""
    return [investment_by_sector(), projects_by_stage(), signed_value_by_park()]
