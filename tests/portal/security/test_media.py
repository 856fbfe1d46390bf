"""Uploaded files are served with a safe type, never sniffed, and nothing outside MEDIA_ROOT;
a draft's files only to staff who may change the draft."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from portal.models import HomePage
from portal.news.models import Article
from projects.models import ParkDocument, ProjectDocument, ProjectImage
from tests.factories import make_article, make_park, make_project

pytestmark = pytest.mark.django_db

RANDOM = "0123456789abcdef0123456789abcdef"


def stored(root, name, content=b"\xff\xd8\xff\xe0 jpeg bytes"):
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(content)
    return name


@pytest.fixture
def media():
    root = settings.MEDIA_ROOT
    (root / "projects").mkdir(parents=True)
    (root / "documents" / "parks").mkdir(parents=True)
    (root / "projects" / f"{RANDOM}.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg bytes")
    (root / "projects" / f"{RANDOM}.webp").write_bytes(b"RIFF webp bytes")
    # The rows that own the uploads: a published project's image (whose WebP rendition lives
    # beside it here) and a published park's plan.
    ProjectImage.objects.create(
        project=make_project(), image=f"projects/{RANDOM}.jpg", width=64, height=48
    )
    ParkDocument.objects.create(
        park=make_park(), title_en="Plan", file=f"documents/parks/{RANDOM}.pdf"
    )
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
    # Opened anyway (a browser that ignores the disposition), its script runs in no origin.
    policy = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy
    assert "default-src 'none'" in policy


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


# --- drafts' files ---------------------------------------------------------------------------

DRAFT = "fedcba9876543210fedcba9876543210"


def _project_permission(codename):
    return Permission.objects.get(content_type__app_label="projects", codename=codename)


@pytest.fixture
def drafts():
    """Files of records visitors cannot see: {label: URL}."""
    root = settings.MEDIA_ROOT
    now = timezone.now()
    draft = make_project(is_published=False)
    scheduled = make_project(published_at=now + datetime.timedelta(days=2))
    withdrawn_park = make_park(is_published=False)
    article = make_article(status=Article.Status.DRAFT)
    names = {
        "draft project image": stored(root, f"projects/{DRAFT}.jpg"),
        "its rendition": stored(root, f"projects/renditions/{DRAFT}-480.webp", b"RIFF webp"),
        "scheduled project PDF": stored(root, f"documents/projects/{DRAFT}.pdf", b"%PDF-1.7"),
        "withdrawn park PDF": stored(root, f"documents/parks/{DRAFT}.pdf", b"%PDF-1.7"),
        "draft article cover": stored(root, f"news/{DRAFT}.png", b"\x89PNG cover"),
    }
    ProjectImage.objects.create(project=draft, image=names["draft project image"], width=9)
    ProjectDocument.objects.create(
        project=scheduled, title_en="Plan", file=names["scheduled project PDF"]
    )
    ParkDocument.objects.create(
        park=withdrawn_park, title_en="Plan", file=names["withdrawn park PDF"]
    )
    Article.objects.filter(pk=article.pk).update(cover=names["draft article cover"])
    return {label: f"/media/{name}" for label, name in names.items()}


def test_files_of_records_visitors_cannot_see_are_not_found(client, media, drafts):
    for label, url in drafts.items():
        for response in (client.get(url), client.head(url)):
            assert response.status_code == 404, label


def test_staff_who_may_change_the_record_get_its_files_kept_by_no_cache(client, media, drafts):
    editor = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.add(_project_permission("change_project"))
    client.force_login(editor)
    for label in ("draft project image", "its rendition", "scheduled project PDF"):
        response = client.get(drafts[label])
        assert response.status_code == 200, label
        assert response["Cache-Control"] == "private, no-store", label
    # Not the park's nor the article's: this editor may not change those.
    assert client.get(drafts["withdrawn park PDF"]).status_code == 404
    assert client.get(drafts["draft article cover"]).status_code == 404
    # A published project's image is still the public, immutable file for staff too.
    public = client.get(f"/media/projects/{RANDOM}.jpg")
    assert public["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_file_becomes_public_when_its_record_is_published(client, media, drafts):
    project = ProjectImage.objects.get(image__endswith=f"{DRAFT}.jpg").project
    project.is_published = True
    project.save()
    response = client.get(drafts["its rendition"])
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_an_upload_no_row_stores_is_kept_an_hour_at_most(client, media):
    name = stored(settings.MEDIA_ROOT, f"projects/{'a' * 32}.jpg")
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"


def test_the_home_page_hero_belongs_to_no_draft_and_is_public(client, media):
    name = stored(settings.MEDIA_ROOT, f"home/{DRAFT}.jpg")
    HomePage.objects.update_or_create(pk=HomePage.singleton_pk, defaults={"hero_image": name})
    assert client.get(f"/media/{name}").status_code == 200


def test_one_query_finds_the_owner_of_a_file(client, media, django_assert_num_queries):
    name = stored(settings.MEDIA_ROOT, f"projects/renditions/{RANDOM}-960.webp", b"RIFF webp")
    with django_assert_num_queries(1):
        assert client.get(f"/media/{name}").status_code == 200
