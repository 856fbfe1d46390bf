"""The registry's admin: where county staff keep sectors, parks, projects and figures current."""

from .figures import ClusterFigureAdmin, PartnerAdmin
from .parks import ParkAdmin, SectorAdmin
from .projects import ProjectAdmin

__all__ = ["ClusterFigureAdmin", "ParkAdmin", "PartnerAdmin", "ProjectAdmin", "SectorAdmin"]
