from django.db import migrations, models

from portal.news.sanitize import plain_text


def fill_body_text(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    articles = list(Article.objects.only("pk", "body_en", "body_zh_hans"))
    for article in articles:
        article.body_text_en = plain_text(article.body_en)
        article.body_text_zh_hans = plain_text(article.body_zh_hans)
    Article.objects.bulk_update(articles, ["body_text_en", "body_text_zh_hans"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_body_rich_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="body_text_en",
            field=models.TextField(
                blank=True, editable=False, verbose_name="body as plain text (English)"
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="body_text_zh_hans",
            field=models.TextField(
                blank=True, editable=False, verbose_name="body as plain text (Chinese)"
            ),
        ),
        migrations.RunPython(fill_body_text, migrations.RunPython.noop),
    ]
