"""Static files: hashed names, gzip and brotli, cached for a year by every browser and proxy."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

# The admin's and the editor's files are third-party; leaving them out keeps the test quick.
THIRD_PARTY = ["admin", "django_prose_editor", "modeltranslation"]


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic with the production storage into a temporary folder, served by WhiteNoise."""
    root = tmp_path_factory.mktemp("static")
    production = override_settings(
        STATIC_ROOT=root,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    )
    with production:
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=THIRD_PARTY)
        manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
        yield root, manifest


def test_collectstatic_writes_hashed_gzip_and_brotli_files(collected):
    root, manifest = collected
    hashed = manifest["css/site.css"]
    assert hashed != "css/site.css" and hashed.startswith("css/site.")
    for suffix in ("", ".gz", ".br"):
        assert (root / f"{hashed}{suffix}").is_file()


@pytest.mark.parametrize(("encoding", "expected"), [("br", "br"), ("gzip", "gzip"), ("", None)])
def test_a_hashed_file_is_compressed_and_immutable_for_a_year(collected, encoding, expected):
    _root, manifest = collected
    # A fresh client builds a fresh middleware chain, so WhiteNoise scans the new folder.
    response = Client().get(f"/static/{manifest['css/site.css']}", HTTP_ACCEPT_ENCODING=encoding)
    assert response.status_code == 200
    assert response.get("Content-Encoding") == expected
    control = response["Cache-Control"]
    assert "max-age=315360000" in control or "max-age=31536000" in control
    assert "immutable" in control
    assert "public" in control
    assert "Accept-Encoding" in response["Vary"]


def test_an_unhashed_name_is_not_cached_for_long(collected):
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
