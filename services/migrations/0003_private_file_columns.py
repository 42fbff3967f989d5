from django.db import migrations, models


class Migration(migrations.Migration):
    """ApplicationDocument and FieldCheckPhoto now share wadah.models.PrivateFile; earlier field-check photos keep
    "" and 0 for the columns they never had."""

    dependencies = [("services", "0002_service_types")]

    operations = [
        migrations.AddField(
            model_name="fieldcheckphoto",
            name="original_name",
            field=models.CharField(default="", max_length=255),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="fieldcheckphoto",
            name="sha256",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="fieldcheckphoto",
            name="size",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name="applicationdocument",
            name="size",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
