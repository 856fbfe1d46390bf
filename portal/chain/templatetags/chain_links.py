"""The chain's links on the registry's pages: a project's chain stages with suppliers at them,
and the enterprises in a park. The registry does not import the chain; its templates load
these tags (`{% load chain_links %}`), each one query."""

from django import template

from ..models import ChainStage, Enterprise

register = template.Library()

SUPPLIERS_SHOWN = 6


@register.inclusion_tag("chain/includes/project_chain.html")
def project_chain(project):
    """The published stages the project's sector belongs to, with a few suppliers at them."""
    stages = list(
        ChainStage.objects.published().filter(sectors=project.sector_id).order_by("order", "pk")
    )
    suppliers = []
    if stages:
        suppliers = list(
            Enterprise.objects.published()
            .filter(stages__in=stages)
            .distinct()
            .in_reading_order()[:SUPPLIERS_SHOWN]
        )
    return {"stages": stages, "suppliers": suppliers}


@register.inclusion_tag("chain/includes/park_enterprises.html")
def park_enterprises(park):
    """The published enterprises in the park, the first few by name, and a link to them all."""
    enterprises = list(
        Enterprise.objects.published().filter(park=park).in_reading_order()[: SUPPLIERS_SHOWN + 1]
    )
    return {
        "park": park,
        "enterprises": enterprises[:SUPPLIERS_SHOWN],
        "more": len(enterprises) > SUPPLIERS_SHOWN,
    }
