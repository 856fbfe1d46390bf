"""The investment registry: sectors, parks, projects, the cluster's figures and partners, the
incentives and the workforce figures."""

from .figures import ClusterFigure, Partner
from .incentives import Incentive, WorkforceFigure, county_today
from .parks import MU_PER_HECTARE, Park, ParkCost, ParkDocument, ParkImage, Sector
from .projects import (
    InvestmentBand,
    Milestone,
    Project,
    ProjectDocument,
    ProjectImage,
    band_q,
)

__all__ = [
    "MU_PER_HECTARE",
    "ClusterFigure",
    "Incentive",
    "InvestmentBand",
    "Milestone",
    "Park",
    "ParkCost",
    "ParkDocument",
    "ParkImage",
    "Partner",
    "Project",
    "ProjectDocument",
    "ProjectImage",
    "Sector",
    "WorkforceFigure",
    "band_q",
    "county_today",
]
