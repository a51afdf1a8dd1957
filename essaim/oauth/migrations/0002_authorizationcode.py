# The authorisation codes move here from the Mastodon API adapter (their table is renamed there).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("oauth", "0001_initial"),
        ("mastodon_api", "0002_authorization_codes_move_to_oauth"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="AuthorizationCode",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                                   serialize=False, verbose_name="ID")),
                        ("code_hash", models.CharField(max_length=64, unique=True)),
                        ("scopes", models.CharField(max_length=500)),
                        ("redirect_uri", models.TextField()),
                        ("code_challenge", models.CharField(blank=True, max_length=128)),
                        ("code_challenge_method", models.CharField(blank=True, max_length=10)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("used_at", models.DateTimeField(blank=True, null=True)),
                        ("application", models.ForeignKey(
                            on_delete=django.db.models.deletion.CASCADE, related_name="+",
                            to="oauth.application")),
                        ("user", models.ForeignKey(
                            on_delete=django.db.models.deletion.CASCADE, related_name="+",
                            to=settings.AUTH_USER_MODEL)),
                    ],
                ),
            ],
        ),
    ]
