"""The registry's admin: where county staff keep sectors, parks, projects, figures and incentives
current."""

from .costs import ParkCostAdmin
from .figures import ClusterFigureAdmin, PartnerAdmin
from .incentives import IncentiveAdmin, WorkforceFigureAdmin
from .parks import ParkAdmin, SectorAdmin
from .projects import ProjectAdmin

__all__ = [
    "ClusterFigureAdmin",
    "IncentiveAdmin",
    "ParkCostAdmin",
    "ParkAdmin",
    "PartnerAdmin",
    "ProjectAdmin",
    "SectorAdmin",
    "WorkforceFigureAdmin",
]
