"""Public pages of the registry: the project list and detail, the park list and detail."""

from .parks import ParkDetailView, ParkListView
from .projects import ProjectDetailView, ProjectListView

__all__ = ["ParkDetailView", "ParkListView", "ProjectDetailView", "ProjectListView"]
