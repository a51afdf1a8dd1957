# The authorisation codes belong to essaim.oauth: the table is renamed, its rows kept.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("mastodon_api", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("AuthorizationCode", "oauth_authorizationcode"),
            ],
            state_operations=[migrations.DeleteModel("AuthorizationCode")],
        ),
    ]
