"""Partner tokens carry scopes (issue 12: the eligibility endpoint for the finance office). Tokens issued before
read the one partner endpoint there was, so they keep exactly that scope."""

from django.db import migrations, models


def existing_tokens_keep_their_endpoint(apps, schema_editor):
    apps.get_model("api", "ApiToken").objects.update(scopes=["ormas_status"])


class Migration(migrations.Migration):
    dependencies = [("api", "0001_tokens")]
    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scopes",
            field=models.JSONField(blank=True, default=list, help_text="The partner endpoints it may read.", verbose_name="scopes"),
        ),
        migrations.RunPython(existing_tokens_keep_their_endpoint, migrations.RunPython.noop),
    ]
