"""The registry's spreadsheets: projects and the parks' cost tables, exported to Excel and
imported back (portal.core.spreadsheets). Columns carry the field's name, `_en` and
`_zh_hans` for the two languages, so one workbook serves editors of either language; a
sector and a park are named by their slug.

Publication is not a column: an imported new project is a draft, published from the list.
"""

from import_export import fields, widgets

from portal.core.spreadsheets import VersionedResource
from projects.models import Park, ParkCost, Project, Sector

PROJECT_COLUMNS = (
    "slug",
    "name_en",
    "name_zh_hans",
    "summary_en",
    "summary_zh_hans",
    "kind",
    "sector",
    "park",
    "stage",
    "investment_yuan",
    "investor_en",
    "investor_zh_hans",
    "investor_country",
    "signing_date",
    "signing_event_en",
    "signing_event_zh_hans",
    "annual_output_yuan",
    "jobs",
    "land_area_ha",
    "construction_start",
    "construction_end",
)


class ProjectResource(VersionedResource):
    sector = fields.Field(
        column_name="sector",
        attribute="sector",
        widget=widgets.ForeignKeyWidget(Sector, field="slug"),
    )
    park = fields.Field(
        column_name="park", attribute="park", widget=widgets.ForeignKeyWidget(Park, field="slug")
    )

    class Meta:
        model = Project
        fields = PROJECT_COLUMNS
        export_order = PROJECT_COLUMNS
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True


COST_COLUMNS = (
    "id",
    "park",
    "label_en",
    "label_zh_hans",
    "amount",
    "unit_en",
    "unit_zh_hans",
    "note_en",
    "note_zh_hans",
    "kind",
    "source_en",
    "source_zh_hans",
    "as_of",
    "order",
)


class ParkCostResource(VersionedResource):
    """One row per cost; a row without an id is a new cost. The park's history shows it."""

    park = fields.Field(
        column_name="park", attribute="park", widget=widgets.ForeignKeyWidget(Park, field="slug")
    )

    class Meta:
        model = ParkCost
        fields = COST_COLUMNS
        export_order = COST_COLUMNS
        import_id_fields = ("id",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def get_queryset(self):
        return super().get_queryset().select_related("park")

    def versioned_object(self, instance):
        return instance.park
