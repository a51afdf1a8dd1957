"""Ambassadors in the demo: a campaign to amplify, relays and shares, views and visits."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from essaim.advocacy.actions import do_get_share_link, visitor_hash
from essaim.advocacy.models import AdvocacyProfile, Campaign, PostView, Share, Visit
from essaim.posts.actions import do_create_post, do_relay

CAMPAIGN_TEXT = ("Notre nouvelle usine d'électrolyseurs ouvre à Lyon : 120 emplois et de "
                 "l'hydrogène vert pour la région. Fiers de l'équipe ! #hydrogène")
AGENTS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Firefox/127.0"]


def seed_advocacy(now: datetime, seed: int = 7) -> int:
    """Seed the campaign scene; returns the posts written (0 without the demo personas)."""
    User = get_user_model()
    accounts = {u.username: u for u in User.objects.filter(
        username__in=["camille", "news", "alex", "sofia"])}
    if len(accounts) < 4:
        return 0
    rng = random.Random(seed)
    camille, news = accounts["camille"], accounts["news"]
    AdvocacyProfile.objects.update_or_create(user=camille, defaults={"communication": True})
    post = do_create_post(camille, CAMPAIGN_TEXT, visibility="public", author=news,
                          created_at=now - timedelta(days=2), rate_limit=False, language="fr")
    Campaign.objects.create(
        post=post, name="usine-lyon", created_by=camille, starts_at=now - timedelta(days=2),
        ends_at=now + timedelta(days=12),
        texts={"default": "Fier·e de notre nouvelle usine à Lyon ! #hydrogène",
               "linkedin": "Une étape clé pour l'hydrogène vert en France : notre usine de "
                           "Lyon ouvre ses portes, avec 120 emplois à la clé.",
               "x": "Notre usine d'électrolyseurs ouvre à Lyon #hydrogène"})
    employees = list(User.objects.filter(kind="employee", is_active=True, is_official=False)
                     .exclude(id=camille.id).order_by("id"))
    rng.shuffle(employees)
    for person in employees[:18]:
        do_relay(person, post.id)
    networks = ["linkedin", "linkedin", "x", "facebook", "email", "copy"]
    today = timezone.localdate(now)
    for i, person in enumerate(employees[18:30]):
        link = do_get_share_link(person, post.id)
        Share.objects.create(link=link, network=networks[i % len(networks)],
                             created_at=now - timedelta(hours=rng.randint(1, 40)))
        for n in range(rng.randint(2, 9)):
            day = today - timedelta(days=rng.randint(0, 1))
            Visit.objects.get_or_create(link=link, visitor=visitor_hash(
                f"192.0.2.{n}", AGENTS[n % 3], day), day=day, kind="visit")
        Visit.objects.get_or_create(link=link, visitor="linkedinbot", day=today, kind="preview")
    PostView.objects.bulk_create(
        [PostView(post=post, user=person, day=today - timedelta(days=rng.randint(0, 2)))
         for person in employees[:120]], ignore_conflicts=True)
    for person in [accounts["alex"], accounts["sofia"]]:
        AdvocacyProfile.objects.update_or_create(user=person, defaults={"show_badge": True})
        do_relay(person, post.id)
    return 1 + seed_articles(now, camille, news, employees, rng)


ARTICLE_BODY = """L'hydrogène vert n'est plus une promesse de laboratoire. Avec l'usine de Lyon,
nous produisons des électrolyseurs en série, et voici ce que cela change.

## Trois chiffres

- **120** emplois créés sur le site ;
- **1 GW** de capacité d'électrolyse par an d'ici 2028 ;
- **-40 %** sur le coût de l'hydrogène produit, par rapport à 2022.

## Pour qui ?

1. Les industriels de la chimie et de l'acier, qui remplacent l'hydrogène gris.
2. Les collectivités qui convertissent leurs flottes de bus et de bennes.
3. Les transporteurs routiers, avec les stations du corridor Rhône.

> « Notre ambition : que chaque kilo d'hydrogène consommé dans la région soit produit
> sans carbone. » — la direction industrielle

## En savoir plus

Le livre blanc complet est en ligne sur [notre site](https://example.com/livre-blanc-hydrogene).
Partagez-le autour de vous !
"""


def _cover():
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 630), (14, 116, 144))
    draw = ImageDraw.Draw(image)
    for i in range(0, 1200, 60):
        draw.ellipse([i, 380 - i // 6, i + 220, 600 - i // 6], outline=(186, 230, 253), width=3)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile("couverture.png", out.getvalue(), content_type="image/png")


def seed_articles(now: datetime, camille, news, employees: list, rng: random.Random) -> int:
    """A public article by the official account ``news``, with its campaign, relays, shares
    and visits; and a company article by an engineer."""
    from essaim.articles.actions import do_create_article

    article = do_create_article(
        camille, "Hydrogène vert : ce que change notre usine de Lyon", ARTICLE_BODY,
        visibility="public", author=news, cover=_cover(),
        cover_description="Illustration : cercles bleus sur fond pétrole",
        created_at=now - timedelta(days=1), rate_limit=False, language="fr")
    Campaign.objects.create(
        post=article.post, name="livre-blanc-hydrogene", created_by=camille,
        starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=13),
        texts={"default": "À lire : ce que change notre usine de Lyon pour l'hydrogène vert",
               "linkedin": "Trois chiffres et trois publics : notre article sur l'usine de "
                           "Lyon explique ce que l'hydrogène vert change, concrètement."})
    for person in employees[30:40]:
        do_relay(person, article.post_id)
    today = timezone.localdate(now)
    for i, person in enumerate(employees[40:46]):
        link = do_get_share_link(person, article.post_id)
        Share.objects.create(link=link, network="linkedin" if i % 2 else "x",
                             created_at=now - timedelta(hours=rng.randint(1, 20)))
        for n in range(rng.randint(1, 6)):
            Visit.objects.get_or_create(link=link, visitor=visitor_hash(
                f"198.51.100.{n}", AGENTS[n % 3], today), day=today, kind="visit")
    PostView.objects.bulk_create(
        [PostView(post=article.post, user=person, day=today) for person in employees[:80]],
        ignore_conflicts=True)
    engineer = get_user_model().objects.filter(username="alex").first()
    if engineer is not None:
        do_create_article(
            engineer, "Retour d'expérience : tests d'endurance des membranes",
            "## Le protocole\n\nNous avons fait tourner **12 membranes** pendant 2 000 "
            "heures.\n\n## Ce que nous retenons\n\n- la dégradation reste sous 2 % ;\n"
            "- le nettoyage mensuel suffit.\n\nQuestions bienvenues en réponse !",
            visibility="company", created_at=now - timedelta(hours=5), rate_limit=False,
            language="fr")
    return 2
