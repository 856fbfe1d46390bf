"""The investment registry: sectors, parks, projects and the cluster's figures and partners."""

from .base import ContactOfficer, Publishable, PublishableQuerySet, TimeStampedModel
from .figures import ClusterFigure, Partner
from .parks import MU_PER_HECTARE, Park, ParkCost, ParkDocument, ParkImage, Sector
from .projects import (
    BAND_LIMITS,
    InvestmentBand,
    Milestone,
    Project,
    ProjectDocument,
    ProjectImage,
    band_q,
)

__all__ = [
    "BAND_LIMITS",
    "MU_PER_HECTARE",
    "ClusterFigure",
    "ContactOfficer",
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
    "Publishable",
    "PublishableQuerySet",
    "Sector",
    "TimeStampedModel",
    "band_q",
]
