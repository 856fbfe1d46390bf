"""The published registry at a glance, from one grouped query.

The project list's filter counts, its result count, the headline figures and the charts all
count the same published projects by the same few columns: sector, park, stage, kind and
investment band. One `GROUP BY` over those columns gives a small table (one row per
combination that occurs, a few hundred at most, however many projects there are), and every
number the pages show is a sum over it, so a page pays one scan of the registry instead of
one per count. The band is a column the database keeps (`Project.investment_band`), and the
sector's names are taken as aggregates, so the query groups by exactly the leading columns of
`project_overview_idx` and reads that index alone.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Sum

from portal.core.languages import localized_fieldnames, localized_value
from projects.models import Project

FACET_COLUMNS = {
    "sector": "sector_id",
    "park": "park_id",
    "stage": "stage",
    "kind": "kind",
    "band": "band",
}


@dataclass(frozen=True)
class Cell:
    sector_id: int
    sector_name: str
    park_id: int | None
    stage: str
    kind: str
    band: str
    count: int
    total: Decimal
    as_of: object

    def matches(self, chosen, skip=None):
        """Whether the cell's projects pass every chosen filter except `skip`'s."""
        return all(
            getattr(self, FACET_COLUMNS[facet]) == value
            for facet, value in chosen.items()
            if facet != skip
        )


class RegistryOverview:
    """Counts and sums of published projects by sector, park, stage, kind and band.

    `queryset` is the set counted (published projects, narrowed by a search if any).
    """

    def __init__(self, queryset=None):
        queryset = Project.objects.published() if queryset is None else queryset
        names = localized_fieldnames("sector__name")
        rows = (
            queryset.order_by()
            .values("kind", "stage", "sector_id", "park_id", "investment_band")
            .annotate(
                count=Count("pk"),
                total=Sum("investment_yuan"),
                as_of=Max("updated_at"),
                **{name: Max(name) for name in names},
            )
        )
        self.cells = [
            Cell(
                sector_id=row["sector_id"],
                sector_name=localized_value(row, "sector__name"),
                park_id=row["park_id"],
                stage=row["stage"],
                kind=row["kind"],
                band=row["investment_band"],
                count=row["count"],
                total=row["total"] or Decimal(0),
                as_of=row["as_of"],
            )
            for row in rows
        ]

    def count(self, chosen=None):
        """How many projects pass every filter in `chosen` ({facet: value as stored})."""
        chosen = chosen or {}
        return sum(cell.count for cell in self.cells if cell.matches(chosen))

    def facet_counts(self, chosen):
        """For each facet, how many projects each of its values would show with the other
        chosen filters kept: {facet: {stored value: count}}."""
        counts = {facet: defaultdict(int) for facet in FACET_COLUMNS}
        for cell in self.cells:
            for facet, column in FACET_COLUMNS.items():
                if cell.matches(chosen, skip=facet):
                    counts[facet][getattr(cell, column)] += cell.count
        return counts

    def signed(self):
        return [cell for cell in self.cells if cell.kind == Project.Kind.SIGNED]

    def headline(self):
        """The number of published signed projects, their total investment and last change."""
        signed = self.signed()
        moments = [cell.as_of for cell in signed if cell.as_of is not None]
        return {
            "count": sum(cell.count for cell in signed),
            "total": sum((cell.total for cell in signed), Decimal(0)),
            "as_of": max(moments) if moments else None,
        }

    def signed_by(self, column):
        """{value of `column`: (count, total)} over the signed projects."""
        sums = defaultdict(lambda: [0, Decimal(0)])
        for cell in self.signed():
            entry = sums[getattr(cell, column)]
            entry[0] += cell.count
            entry[1] += cell.total
        return {key: tuple(value) for key, value in sums.items()}

    def sector_names(self):
        return {cell.sector_id: cell.sector_name for cell in self.cells}
