"""A few interactions of the last hours, made through the ordinary actions.

The bulk import writes history without notifications; these give each demo login something
fresh to find: mentions, replies, likes, relays, a direct conversation with the external guest.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model

from essaim.notifications.models import Notification
from essaim.posts.actions import do_bookmark, do_create_post, do_like, do_relay

from .people import Person

REACTIONS = (Notification.Kind.LIKE, Notification.Kind.RELAY)


def _colleagues(everyone: list[Person], department: str, count: int) -> list:
    """The first few ordinary members of a department (or of the company), as accounts."""
    names = sorted(p.username for p in everyone
                   if p.department == department and not p.official and not p.is_guest
                   and p.username not in ("admin", "camille", "alex", "sofia"))
    if not names:
        names = sorted(p.username for p in everyone if not p.official and not p.is_guest
                       and p.username not in ("admin", "camille", "alex", "sofia"))
    User = get_user_model()
    return list(User.objects.filter(username__in=names[:count]).order_by("username"))


def _post(user, text: str, when: datetime, **kwargs):
    return do_create_post(user, text, created_at=when, rate_limit=False, **kwargs)


def _react(action, user, post, when: datetime) -> None:
    """Like or relay ``post`` as ``user``; the notification it sends is dated ``when``."""
    action(user, post.id)
    Notification.objects.filter(actor=user, post=post, kind__in=REACTIONS).update(created_at=when)


def play_recent_activity(everyone: list[Person], now: datetime) -> int:
    """Replay a short scripted scene among the demo personas; returns the posts it wrote."""
    User = get_user_model()
    accounts = {u.username: u for u in User.objects.filter(
        username__in=["admin", "camille", "alex", "sofia", "guest", "news"])}
    if len(accounts) < 6:
        return 0
    camille, alex, sofia = accounts["camille"], accounts["alex"], accounts["sofia"]
    guest, news, admin = accounts["guest"], accounts["news"], accounts["admin"]
    engineers = _colleagues(everyone, "R&D", 3)
    sellers = _colleagues(everyone, "Ventes", 2)

    def ago(minutes: int) -> datetime:
        return now - timedelta(minutes=minutes)

    welcome = _post(camille, "Bienvenue sur Essaim, notre réseau social d'entreprise ! "
                    "Suivez @news pour les annonces, et #onboarding pour bien démarrer. "
                    "Guide : https://intranet.essaim-demo.example/wiki/guide-essaim",
                    ago(240), author=news, language="fr")
    question = _post(alex, "Question to the #ia experts: has anyone shipped a language model "
                     "behind our VPN yet? @camille do you know who worked on it?", ago(150),
                     language="en")
    answer = _post(camille, "@alex oui ! Demande à @sofia, elle l'a montré chez Client Horizon "
                   "la semaine dernière.", ago(120), in_reply_to=question, language="fr")
    _post(sofia, "@alex @camille yes, the pilot runs on Atlas. Happy to show you the setup "
          "tomorrow!", ago(100), in_reply_to=answer, language="en")
    thanks = _post(guest, "@sofia merci pour la démo d'hier, l'équipe a adoré. On planifie le "
                   "pilote pour le mois prochain ?", ago(60), visibility="direct", language="fr")
    _post(sofia, "@guest avec plaisir ! Je vous envoie une proposition de dates demain.",
          ago(45), in_reply_to=thanks, language="fr")
    written = 6
    for index, engineer in enumerate(engineers):
        _react(do_like, engineer, question, ago(140 - 5 * index))
        _react(do_relay, engineer, welcome, ago(200 - 10 * index))
    if engineers:
        _post(engineers[0], "@alex la revue de code du module Pollen est prête, tu peux "
              "regarder avant la démo ? #produit", ago(20), language="fr")
        written += 1
    for index, seller in enumerate(sellers):
        _react(do_like, seller, answer, ago(110 - 5 * index))
    _react(do_like, alex, answer, ago(115))
    _react(do_like, admin, welcome, ago(230))
    do_bookmark(alex, welcome.id)
    return written
