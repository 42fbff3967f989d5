from django.core.management import call_command


def test_it_has_a_migration_for_every_model_change(db):
    # Raises SystemExit(1) when a model change lacks its migration.
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)
