"""The answer to a page staff may not open: the admin's own page, in the reader's language.

Django's default 403 is a bare, English "403 Forbidden" with no way back. In the admin a
content editor who follows a link to the enquiries, or an officer to a project, gets a page
with the admin's header, what happened, and links back to what they may open. Elsewhere
(the public site has no page a visitor may be refused) Django's default answers.
"""

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import permission_denied as default_permission_denied

ADMIN_TEMPLATE = "admin/403.html"


def _in_admin(request):
    return request.path.startswith(f"/{settings.ADMIN_URL.lstrip('/')}")


@requires_csrf_token
def permission_denied(request, exception=None):
    if not _in_admin(request):
        return default_permission_denied(request, exception)
    context = admin.site.each_context(request)
    context["title"] = context["site_title"]
    response = TemplateResponse(request, ADMIN_TEMPLATE, context, status=403)
    return response.render()
