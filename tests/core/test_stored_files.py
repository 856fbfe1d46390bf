"""Files that no row uses any more leave the storage, with their renditions, after the commit."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from portal.core import renditions
from portal.news.models import Article
from projects.models import ProjectDocument, ProjectImage
from tests.factories import make_article, make_project

from .test_renditions import upload

pytestmark = pytest.mark.django_db


def stored(name, width):
    """The original and the renditions that exist in the storage."""
    names = [name, *renditions.rendition_names(name, width)]
    return [n for n in names if default_storage.exists(n)]


def test_a_replaced_gallery_image_leaves_with_its_renditions(django_capture_on_commit_callbacks):
    image = ProjectImage.objects.create(project=make_project(), image=upload(), alt_text_en="A")
    old = image.image.name
    assert len(stored(old, 2000)) == 7

    with django_capture_on_commit_callbacks(execute=True):
        image.image = upload(1200, 600, color="firebrick")
        image.save()

    assert stored(old, 2000) == []
    assert len(stored(image.image.name, 1200)) == 7
    assert image.image.name != old


def test_a_deleted_project_takes_its_images_and_documents_along(
    django_capture_on_commit_callbacks,
):
    project = make_project()
    image = ProjectImage.objects.create(project=project, image=upload(800, 400), alt_text_en="A")
    document = ProjectDocument.objects.create(
        project=project, title_en="Brochure", file=ContentFile(b"%PDF-1.4 x" * 100, "b.pdf")
    )
    names = stored(image.image.name, 800) + [document.file.name]
    assert len(names) == 6 and default_storage.exists(document.file.name)

    with django_capture_on_commit_callbacks(execute=True):
        project.delete()

    assert [n for n in names if default_storage.exists(n)] == []


def test_a_file_a_kept_version_names_stays_for_the_recovery(django_capture_on_commit_callbacks):
    import reversion
    from reversion.models import Version

    project = make_project()
    image = ProjectImage.objects.create(project=project, image=upload(800, 400), alt_text_en="A")
    with reversion.create_revision():
        reversion.add_to_revision(image)
    names = stored(image.image.name, 800)

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert stored(image.image.name, 800) == names

    Version.objects.get_deleted(ProjectImage).get().revert()
    recovered = ProjectImage.objects.get()
    assert default_storage.exists(recovered.image.name)


def test_a_cleared_cover_leaves_and_an_untouched_one_stays(django_capture_on_commit_callbacks):
    kept = make_article(cover=upload(600, 300))
    cleared = make_article(cover=upload(600, 300))
    kept_name, cleared_name = kept.cover.name, cleared.cover.name

    with django_capture_on_commit_callbacks(execute=True):
        kept.title_en = "A new title"
        kept.save()
        cleared.cover = None
        cleared.save()

    assert len(stored(kept_name, 600)) == 5
    assert stored(cleared_name, 600) == []
    assert Article.objects.get(pk=cleared.pk).cover.name == ""


def test_nothing_leaves_when_the_change_is_rolled_back(django_capture_on_commit_callbacks):
    image = ProjectImage.objects.create(project=make_project(), image=upload(), alt_text_en="A")
    name, pk = image.image.name, image.pk

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        image.delete()
        raise RuntimeError("the editor's change fails")

    assert callbacks == []
    assert ProjectImage.objects.filter(pk=pk).exists()
    assert len(stored(name, 2000)) == 7


def test_a_name_another_row_still_uses_stays(django_capture_on_commit_callbacks):
    project = make_project()
    first = ProjectImage.objects.create(project=project, image=upload(), alt_text_en="A")
    second = ProjectImage.objects.create(
        project=project, image=first.image.name, width=2000, height=1000, alt_text_en="B"
    )

    with django_capture_on_commit_callbacks(execute=True):
        first.delete()

    assert len(stored(second.image.name, 2000)) == 7
