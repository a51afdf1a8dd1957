"""The demo company's code of conduct (accepted by everyone, so the demo logins post at once)
and a moderation queue with open and resolved reports."""

from __future__ import annotations

from django.contrib.auth import get_user_model

CODE_EN = """Essaim is our company's network: we talk here as we would in a meeting room.

- Be kind and respectful — criticise ideas, never people
- Keep confidential information inside — customers' data and unannounced results
  stay out of public posts
- Stay on topic in communities — each community has its purpose
- Credit others — say whose idea or work you relay
- Disconnect — nobody is expected to answer outside working hours
"""
CODE_FR = """Essaim est le réseau de notre entreprise : on y parle comme dans une salle de réunion.

- Soyez bienveillants et respectueux — critiquez les idées, jamais les personnes
- Gardez les informations confidentielles — les données clients et les résultats
  non annoncés restent hors des messages publics
- Restez dans le sujet des communautés — chaque communauté a son objet
- Citez les autres — dites de qui vient l'idée ou le travail que vous relayez
- Déconnectez-vous — personne n'est tenu de répondre en dehors des heures de travail
"""


def seed_moderation() -> int:
    """Publish the code, have everyone accept it, and file a few reports; returns how many."""
    from essaim.moderation.conduct import do_publish
    from essaim.moderation.models import Acceptance
    from essaim.moderation.reports import do_report, do_resolve
    from essaim.posts.models import Post, Visibility

    User = get_user_model()
    admin = User.objects.filter(is_staff=True, is_active=True, kind="employee").order_by(
        "id").first()
    if admin is None:
        return 0
    code = do_publish(admin, CODE_EN, CODE_FR)
    Acceptance.objects.bulk_create(
        [Acceptance(user_id=i, code=code) for i in User.objects.filter(is_active=True)
         .values_list("id", flat=True)], batch_size=1000, ignore_conflicts=True)
    posts = list(Post.objects.filter(visibility=Visibility.COMPANY, relay_of=None,
                                     community=None, author__is_staff=False,
                                     author__is_official=False)
                 .order_by("-created_at")[:40:10])
    reporters = list(User.objects.filter(kind="employee", is_active=True, is_staff=False,
                                         is_official=False).order_by("-id")[:len(posts)])
    filed = []
    plans = [("off_topic", "Not the place for this."), ("confidential",
             "This mentions a customer's figures."), ("spam", "Posted three times."),
             ("harassment", "The tone is aggressive.")]
    for post, reporter, (category, comment) in zip(posts, reporters, plans, strict=False):
        if reporter.pk == post.author_id:
            continue
        filed.append(do_report(reporter, post_id=post.pk, category=category, comment=comment))
    if len(filed) >= 3:
        do_resolve(admin, filed[0].pk, "dismiss", "On topic for this audience.")
        do_resolve(admin, filed[1].pk, "warn", "Please keep customers' figures internal.")
    return len(filed)
