"""A first privacy notice, so the consent on the form always names a version."""

from django.db import migrations
from django.utils import timezone

BODY_EN = """The Guanxian County investment office uses the details you send with an enquiry only to answer it and to follow up on your interest in investing in Guanxian County.

Your enquiry is read by the officers responsible for the projects or parks you asked about. It is not sold or passed to anyone else without your consent.

We keep enquiries for up to 24 months after they are closed; after that your name, contact details and message are removed and only anonymous counts remain.

To see, correct or remove what we hold about you, write to the investment office and quote your enquiry's reference."""

BODY_ZH = """冠县投资促进部门仅将您在咨询中提供的信息用于答复您的咨询，并跟进您在冠县投资的意向。

您的咨询由负责您所询项目或产业园的工作人员阅读。未经您同意，我们不会出售或向任何其他方提供这些信息。

咨询办结后，我们最多保留24个月；此后将删除您的姓名、联系方式和留言，仅保留匿名统计数据。

如需查阅、更正或删除我们保存的您的信息，请致函投资促进部门并注明您的咨询编号。"""


def create_notice(apps, schema_editor):
    PrivacyNotice = apps.get_model("enquiries", "PrivacyNotice")
    if not PrivacyNotice.objects.exists():
        PrivacyNotice.objects.create(
            version="2026-01",
            title="Privacy notice for enquiries",
            title_en="Privacy notice for enquiries",
            title_zh_hans="咨询隐私声明",
            body=BODY_EN,
            body_en=BODY_EN,
            body_zh_hans=BODY_ZH,
            is_published=True,
            published_at=timezone.now(),
        )


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0002_groups")]

    operations = [migrations.RunPython(create_notice, migrations.RunPython.noop)]
