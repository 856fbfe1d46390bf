import io

from django.core.files.base import ContentFile
from PIL import Image

from projects.models import Milestone, ProjectImage
from tests.factories import make_project


def png_bytes(width=12, height=8):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 80, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


def add_image(project, alt="A forging line"):
    image = ProjectImage(project=project, alt_text_en=alt, alt_text_zh_hans="锻造线")
    image.image.save("picture.png", ContentFile(png_bytes()), save=False)
    image.save()
    return image


def make_full_projects(count, **fields):
    """Projects with an image and a milestone each, like the real registry."""
    projects = []
    for _ in range(count):
        project = make_project(**fields)
        add_image(project)
        Milestone.objects.create(
            project=project, date="2024-01-01", title_en="Signed", title_zh_hans="签约"
        )
        projects.append(project)
    return projects
