from django.db import migrations, models


class Migration(migrations.Migration):
    """FieldReportPhoto now has the columns of wadah.models.PrivateFile; earlier photos keep "" for the two new ones
    (their name was never kept, and their checksum is in the photo_added audit entry)."""

    dependencies = [("fieldreports", "0002_prohibition_foreign_symbols")]

    operations = [
        migrations.AddField(
            model_name="fieldreportphoto",
            name="original_name",
            field=models.CharField(default="", max_length=255),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="fieldreportphoto",
            name="sha256",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
    ]
