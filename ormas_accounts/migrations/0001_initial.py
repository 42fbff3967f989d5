"""OrmasAccountRequest moves here from accounts, by state only: the table (accounts_ormasaccountrequest) and its
rows stay where they are. The content type is renamed too, so that the audit entries and permissions already
written about account requests keep pointing at the model."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="ormas_accounts", model="ormasaccountrequest").exists():
        ContentType.objects.filter(app_label="accounts", model="ormasaccountrequest").update(app_label="ormas_accounts")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="accounts", model="ormasaccountrequest").exists():
        ContentType.objects.filter(app_label="ormas_accounts", model="ormasaccountrequest").update(app_label="accounts")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0003_ormasaccountrequest'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('registry', '0003_reference_data'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OrmasAccountRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.CharField(choices=[('ketua', 'Chair (ketua)'), ('sekretaris', 'Secretary (sekretaris)'), ('bendahara', 'Treasurer (bendahara)'), ('lainnya', 'Other (write it)')], max_length=20, verbose_name='position')),
                        ('position_other', models.CharField(blank=True, max_length=120, verbose_name='other position')),
                        ('phone', models.CharField(max_length=40, verbose_name='phone')),
                        ('document', models.FileField(upload_to='account-requests/%Y/%m/', verbose_name='supporting document')),
                        ('document_name', models.CharField(max_length=255)),
                        ('document_type', models.CharField(max_length=100)),
                        ('document_size', models.PositiveIntegerField(default=0)),
                        ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('confirmed', 'Confirmed'), ('rejected', 'Rejected')], db_index=True, default='pending', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='requested')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                        ('decision_note', models.TextField(blank=True, verbose_name='decision note')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                        ('ormas', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='account_requests', to='registry.ormas', verbose_name='Ormas')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ormas_requests', to=settings.AUTH_USER_MODEL, verbose_name='account')),
                    ],
                    options={
                        'verbose_name': 'Ormas account request',
                        'verbose_name_plural': 'Ormas account requests',
                        'db_table': 'accounts_ormasaccountrequest',
                        'ordering': ['created_at', 'id'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
