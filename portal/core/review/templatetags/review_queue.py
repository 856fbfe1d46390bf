"""The changes waiting for review, counted for the admin index."""

from django import template

from ..models import PendingChange
from ..workflow import REVIEW_PERMISSION, review_required

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queue(context):
    """{"waiting": n, "reviewer": bool} for the admin index, else None. A reviewer sees how
    many changes wait for a decision (also none, while the review step is on); an editor how
    many of their own changes wait, when some do."""
    user = context["request"].user
    if not user.has_perm("review.view_pendingchange"):
        return None
    reviewer = user.has_perm(REVIEW_PERMISSION)
    waiting = PendingChange.objects.filter(status=PendingChange.Status.PENDING)
    if not reviewer:
        waiting = waiting.filter(submitted_by=user)
    count = waiting.count()
    if not count and not (reviewer and review_required()):
        return None
    return {"waiting": count, "reviewer": reviewer}
