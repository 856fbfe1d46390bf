from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language():
    """A request leaves its language active in the thread; each test starts from the default."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    """The demo registry, as `manage.py seed_demo` leaves it."""
    call_command("seed_demo", stdout=StringIO())
