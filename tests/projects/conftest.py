from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The demo registry, as `manage.py seed_demo` leaves it."""
    call_command("seed_demo", stdout=StringIO())
