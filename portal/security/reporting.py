"""Keeping the personal data of investors out of error reports and logs.

Enquiry forms carry names, e-mail addresses, phone numbers and messages. Django's own filter
hides only values whose names look secret, so error reports here hide every submitted value,
every cookie and, for a POST, every local variable; log lines mask e-mail addresses and phone numbers wherever they appear.
"""

import logging
import re

from django.views.debug import SafeExceptionReporterFilter

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# A run of digits split by spaces, dashes or brackets; with ten or more digits it is a
# phone number (Chinese mobiles have 11, landlines with area code 10-12), not a status code,
# a size or a date.
DIGIT_RUN = re.compile(r"\+?\d[\d ()-]{8,}\d")


def _phone(match):
    text = match.group()
    return "[phone]" if sum(c.isdigit() for c in text) >= 10 else text


def redact(text):
    return DIGIT_RUN.sub(_phone, EMAIL.sub("[email]", text))


class PersonalDataReporterFilter(SafeExceptionReporterFilter):
    """DEFAULT_EXCEPTION_REPORTER_FILTER: form fields keep their names, never their values."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_cookies(self, request):
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        # While a form is handled its values sit in local variables (the cleaned data, an
        # e-mail address being routed), so a report about a POST shows none of them.
        if request is not None and request.method == "POST":
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)

    def is_active(self, request):
        # Also while DEBUG is on: a debug page shown on a shared screen leaks the same data.
        return True


class RedactPersonalDataFilter(logging.Filter):
    """Masks e-mail addresses and phone numbers in a log record's message and traceback."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class OneLineWarningFilter(logging.Filter):
    """Turns a record into one warning line: the message, without traceback or stack.

    For refusals that are the client's doing (a made-up Host header), where Django logs an
    error with the exception attached, and the middleware's re-raise doubles the traceback.
    """

    def filter(self, record):
        record.exc_info = record.exc_text = record.stack_info = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        message = record.getMessage()
        if "\n" in message:
            record.msg, record.args = " ".join(message.split()), ()
        return True
