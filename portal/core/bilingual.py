"""Chinese first, or English first: a draft needs its name in one language, publishing needs
the record in every content language.

A model lists in `publish_requires` what visitors must be able to read in each language (its
name and summary); an admin inline lists the same of its rows (an image's text
alternative, `BilingualInlineMixin` in portal.core.admin_mixins). The errors name the field
and the language that are missing, in the editor's language.
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.core.languages import content_languages, empty_in_languages

LANGUAGE_ADJECTIVES = {"en": _("English"), "zh-hans": _("Chinese")}


def language_name(code):
    return str(LANGUAGE_ADJECTIVES.get(code) or dict(settings.LANGUAGES).get(code, code))


def _label(model, field):
    return str(model._meta.get_field(field).verbose_name)


def name_missing(obj, field):
    """True when `field` has no value in any content language."""
    return not any(
        getattr(obj, build_localized_fieldname(field, code), None) for code in content_languages()
    )


def publication_errors(obj, fields):
    """{localized field: message} for each of `fields` that `obj` lacks in some language, and
    a summary under NON_FIELD_ERRORS that names them all: the form shows both."""
    gaps = empty_in_languages(obj, fields)
    if not gaps:
        return {}
    model = type(obj)
    errors = {
        build_localized_fieldname(field, code): gettext("Needed in %(language)s to publish.")
        % {"language": language_name(code)}
        for field, code in gaps
    }
    named = [
        gettext("%(field)s (%(language)s)")
        % {"field": _label(model, field), "language": language_name(code)}
        for field, code in gaps
    ]
    errors[NON_FIELD_ERRORS] = gettext(
        "Published records are shown in both languages. Still missing: %(fields)s. "
        "Fill them in, or untick “published” to save a draft."
    ) % {"fields": gettext(", ").join(named)}
    return errors


class BilingualToPublish:
    """For a model: `language_errors()` to merge into its `clean()`."""

    publish_requires = ("name", "summary")
    name_field = "name"

    def language_errors(self):
        if name_missing(self, self.name_field):
            field = build_localized_fieldname(self.name_field, content_languages()[0])
            return {
                field: gettext("Give the %(field)s in English or in Chinese.")
                % {"field": _label(type(self), self.name_field)}
            }
        if getattr(self, self.publication_field) != self.published_value:
            return {}
        return publication_errors(self, self.publish_requires)
