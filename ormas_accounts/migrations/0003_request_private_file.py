"""The account request's document uses the shared private-file columns (wadah.models.PrivateFile): renamed, not
copied, and a SHA-256 column that requests made before this migration leave empty."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("ormas_accounts", "0002_new_ormas")]

    operations = [
        migrations.RenameField("ormasaccountrequest", "document", "file"),
        migrations.RenameField("ormasaccountrequest", "document_name", "original_name"),
        migrations.RenameField("ormasaccountrequest", "document_type", "content_type"),
        migrations.RenameField("ormasaccountrequest", "document_size", "size"),
        migrations.AddField(
            model_name="ormasaccountrequest", name="sha256", field=models.CharField(max_length=64, default=""),
            preserve_default=False,
        ),
    ]
