"""OrmasAccountRequest now belongs to ormas_accounts (see ormas_accounts/migrations/0001_initial.py): forget it
here by state only, so that its table and rows are kept."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_ormasaccountrequest'),
        ('ormas_accounts', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='OrmasAccountRequest')],
            database_operations=[],
        ),
    ]
