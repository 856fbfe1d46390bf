"""Uploaded files are served with a safe type, never sniffed, and nothing outside MEDIA_ROOT."""

import pytest
from django.conf import settings

RANDOM = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def media():
    root = settings.MEDIA_ROOT
    (root / "projects").mkdir(parents=True)
    (root / "documents" / "parks").mkdir(parents=True)
    (root / "projects" / f"{RANDOM}.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg bytes")
    (root / "projects" / f"{RANDOM}.webp").write_bytes(b"RIFF webp bytes")
    (root / "projects" / "logo.png").write_bytes(b"\x89PNG logo")
    (root / "documents" / "parks" / f"{RANDOM}.pdf").write_bytes(b"%PDF-1.7 plan")
    (root / "projects" / f"{RANDOM}.html").write_bytes(b"<script>alert(1)</script>")
    (root / "projects" / f"{RANDOM}.svg").write_bytes(b"<svg onload='alert(1)'/>")
    (root.parent / "secret.txt").write_text("outside the media folder")
    return root


def body(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("path", "content_type"),
    [(f"projects/{RANDOM}.jpg", "image/jpeg"), (f"projects/{RANDOM}.webp", "image/webp")],
)
def test_images_are_served_inline_with_their_own_type_and_a_year_of_caching(
    client, media, path, content_type
):
    response = client.get(f"/media/{path}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert body(response) == (media / path).read_bytes()


def test_pdfs_are_downloaded_not_opened_inside_the_site(client, media):
    response = client.get(f"/media/documents/parks/{RANDOM}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{RANDOM}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_files_without_a_random_name_are_cached_briefly(client, media):
    response = client.get("/media/projects/logo.png")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"


def test_a_revalidation_of_an_unchanged_file_is_answered_with_304(client, media):
    first = client.get(f"/media/projects/{RANDOM}.jpg")
    again = client.get(
        f"/media/projects/{RANDOM}.jpg", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert again.status_code == 304


@pytest.mark.parametrize("name", [f"{RANDOM}.html", f"{RANDOM}.svg", "missing.jpg", ""])
def test_types_the_uploads_never_produce_are_not_served(client, media, name):
    assert client.get(f"/media/projects/{name}").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "../secret.txt",
        "projects/../../secret.txt",
        "%2e%2e/secret.txt",
        "..%2fsecret.txt",
        "/etc/passwd",
        "projects/..%5c..%5csecret.txt",
        f"projects/{RANDOM}.jpg%00.html",
        f"projects/{RANDOM}.jpg/..%2f..%2f..%2fsecret.txt",
    ],
)
def test_path_traversal_is_a_404(client, media, path):
    response = client.get(f"/media/{path}")
    assert response.status_code == 404
    assert b"outside the media folder" not in response.content


def test_only_reading_is_allowed(client, media):
    assert client.post(f"/media/projects/{RANDOM}.jpg").status_code == 405
    assert client.head(f"/media/projects/{RANDOM}.jpg").status_code == 200
