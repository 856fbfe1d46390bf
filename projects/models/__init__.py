"""The investment registry: sectors, parks, projects and the cluster's figures and partners."""

from .figures import ClusterFigure, Partner
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
    "band_q",
]
