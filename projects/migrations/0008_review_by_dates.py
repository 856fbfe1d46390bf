from django.db import migrations, models


def review_by():
    return models.DateField(
        blank=True,
        db_index=True,
        help_text=(
            "The date by which someone checks that this is still true. From then on the "
            "admin lists it as overdue for review."
        ),
        null=True,
        verbose_name="review by",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0007_opportunity_details"),
    ]

    operations = [
        migrations.AddField(model_name="clusterfigure", name="review_by", field=review_by()),
        migrations.AddField(model_name="park", name="review_by", field=review_by()),
    ]
