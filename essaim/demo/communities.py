"""Demo communities, made through the ordinary actions: a call for tenders with documents,
tasks and a deadline, an upcoming event with RSVPs, a community of interest with a busy idea
box, a confidential project, and an external customer community with two guest accounts."""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from essaim.communities import actions
from essaim.core.errors import EssaimError
from essaim.posts.actions import do_create_post

from .people import Person

PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n"
       b"%%EOF\n")


def _png(text: str) -> bytes:
    image = Image.new("RGB", (640, 400), (236, 246, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 600, 360), outline=(15, 118, 110), width=6)
    draw.text((70, 180), text, fill=(22, 32, 43))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


class _Scene:
    def __init__(self, accounts: dict, colleagues: dict, now: datetime):
        self.a, self.colleagues, self.now = accounts, colleagues, now
        self.posts = 0
        self.rng = random.Random(2026)

    def post(self, who, community, text, minutes_ago, **kwargs):
        self.posts += 1
        return do_create_post(who, text, community=community, rate_limit=False,
                              created_at=self.now - timedelta(minutes=minutes_ago), **kwargs)

    def reply(self, who, parent, text, minutes_ago):
        self.posts += 1
        return do_create_post(who, text, in_reply_to=parent, rate_limit=False,
                              created_at=self.now - timedelta(minutes=minutes_ago))

    def members(self, owner, community, people):
        for person in people:
            if community.kind == "open":
                actions.do_join(person, community)
            else:
                invitation = actions.do_invite_account(owner, community, person)
                actions.do_accept_invitation(person, invitation.pk)


def seed_communities(everyone: list[Person], now: datetime) -> int:
    """Create the demo communities; returns how many posts they hold (0 without personas)."""
    User = get_user_model()
    names = ["admin", "camille", "alex", "sofia", "guest", "client"]
    accounts = {u.username: u for u in User.objects.filter(username__in=names)}
    if len(accounts) < len(names):
        return 0
    by_department: dict[str, list] = {}
    ids = [p.id for p in everyone if not p.is_guest and not p.official
           and p.username not in names]
    people = User.objects.in_bulk(ids)
    for person in everyone:
        if person.id in people:
            by_department.setdefault(person.department, []).append(people[person.id])
    scene = _Scene(accounts, by_department, now)
    try:
        _tender(scene)
        _seminar(scene)
        _interest(scene)
        _confidential(scene)
        _customer(scene)
    except EssaimError as exc:  # the demo must be consistent with the actions' rules
        raise RuntimeError(f"demo communities: {exc.message}") from exc
    return scene.posts


def _tender(scene: _Scene) -> None:
    a = scene.a
    sofia, alex, camille = a["sofia"], a["alex"], a["camille"]
    sellers = scene.colleagues.get("Ventes", [])[:3]
    engineers = scene.colleagues.get("R&D", [])[:2]
    tender = actions.do_create_community(
        sofia, "Appel d'offres Métropole de Lyon", template="tender",
        description="Réponse à l'appel d'offres « Plateforme collaborative des agents » de la "
                    "Métropole. Dépôt des offres sur la plateforme des marchés publics.",
        tags="appel d'offres, secteur public, lyon",
        deadline=scene.now + timedelta(days=12))
    scene.members(sofia, tender, [alex, camille, *sellers, *engineers])
    actions.do_set_role(sofia, tender, alex, "animator")
    folder = tender.folders.get()
    actions.do_upload_file(sofia, tender, _file("Cahier des charges.pdf", PDF), folder=folder)
    actions.do_upload_file(alex, tender, _file("Architecture cible.png",
                                               _png("Architecture cible")), folder=folder)
    actions.do_upload_file(sofia, tender, _file("Chiffrage.csv", "poste;jours;tarif\n"
                                                "Intégration;40;750\nFormation;10;700\n"
                                                .encode()), folder=folder)
    actions.do_upload_file(sofia, tender, _file("Chiffrage.csv", "poste;jours;tarif\n"
                                                "Intégration;36;750\nFormation;12;700\n"
                                                "Support;20;650\n".encode()), folder=folder)
    task_list = tender.task_lists.get()
    day = scene.now.date()
    for title, who, days in (("Lire le cahier des charges et lister les exigences", alex, 2),
                             ("Chiffrer l'intégration et la formation", sofia, 5),
                             ("Rédiger le mémoire technique", alex, 8),
                             ("Relecture juridique du contrat", None, 9),
                             ("Préparer la soutenance", sellers[0] if sellers else None, 11)):
        task = actions.do_create_task(sofia, task_list, title, assignee=who,
                                      due_date=day + timedelta(days=days))
        if days == 2:
            actions.do_set_task_status(alex, task, "doing")
    actions.do_add_link(sofia, tender, "https://marches-publics.example/metropole-lyon/2026-17",
                        title="Plateforme de dépôt des offres", tags="dépôt, officiel")
    kickoff = scene.post(sofia, tender, "Lancement de la réponse ! Date limite de dépôt dans 12 "
                         "jours : tout est dans l'onglet Fichiers. Point quotidien à 9 h.", 600)
    actions.do_pin_announcement(sofia, kickoff.id)
    question = scene.post(alex, tender, "Quelqu'un sait si la Métropole exige un hébergement "
                          "SecNumCloud ou si HDS suffit ?", 300)
    actions.do_mark_question(alex, question.id)
    answer = scene.reply(sofia, question, "@alex SecNumCloud n'est pas exigé, mais c'est un "
                         "critère de notation (10 %). On le mentionne.", 240)
    actions.do_accept_answer(alex, question.id, answer.id)
    scene.post(camille, tender, "J'ai trois références clients à mettre en avant, je les "
               "dépose ce soir.", 90)


def _seminar(scene: _Scene) -> None:
    a = scene.a
    camille = a["camille"]
    seminar = actions.do_create_community(
        camille, "Séminaire annuel 2026", template="event",
        description="Deux jours pour se retrouver : plénière, ateliers, soirée.",
        tags="événement, séminaire")
    crowd = [p for group in scene.colleagues.values() for p in group[:3]][:14]
    scene.members(camille, seminar, [a["alex"], a["sofia"], a["admin"], *crowd])
    start = (scene.now + timedelta(days=21)).replace(hour=9, minute=0, second=0,
                                                     microsecond=0, tzinfo=None)
    event = actions.do_create_event(
        camille, seminar, "Séminaire annuel — jour 1", start, tz="Europe/Paris",
        ends_at=start.replace(hour=18), place="Lyon, Cité internationale",
        online_url="https://visio.essaim-demo.example/seminaire",
        agenda="9 h plénière\n11 h ateliers\n14 h forum des projets\n17 h clôture")
    answers = ["going", "going", "going", "maybe", "going", "no", "going", "maybe"]
    for person, answer in zip([a["alex"], a["sofia"], a["admin"], *crowd], answers,
                              strict=False):
        actions.do_rsvp(person, event, answer)
    organisation = seminar.task_lists.get()
    actions.do_create_task(camille, organisation, "Réserver les salles d'atelier",
                           assignee=camille, due_date=scene.now.date() + timedelta(days=7))
    post = scene.post(camille, seminar, "Les inscriptions sont ouvertes : répondez dans "
                      "l'onglet Événements. Quel atelier vous tente le plus ?", 200)
    from essaim.polls.actions import do_create_poll

    do_create_poll(camille, post, ["IA au quotidien", "Relation client", "Bien-être au "
                                                                         "travail"], 7 * 86400)


def _interest(scene: _Scene) -> None:
    a = scene.a
    alex, sofia, camille = a["alex"], a["sofia"], a["camille"]
    club = actions.do_create_community(
        alex, "IA générative", template="interest",
        description="Partager usages, retours d'expérience et idées autour de l'IA générative.",
        tags="ia, innovation")
    crowd = [p for group in scene.colleagues.values() for p in group[3:6]][:16]
    voters = [sofia, camille, a["admin"], *crowd]
    scene.members(alex, club, voters)
    actions.do_set_role(alex, club, camille, "animator")
    ideas = [
        ("Un assistant pour résumer les appels d'offres", sofia, alex, "accepted"),
        ("Traduire automatiquement les posts entre français et anglais", alex, alex, "review"),
        ("Charte d'usage de l'IA pour les équipes", camille, camille, "done"),
        ("Un bot qui répond aux questions RH fréquentes", crowd[0] if crowd else alex, camille,
         "new"),
        ("Générer les comptes rendus de réunion", alex, alex, "new"),
        ("Détecter les doublons de tickets support", crowd[1] if len(crowd) > 1 else alex,
         sofia, "review"),
        ("Former 100 % des managers aux prompts", camille, camille, "new"),
        ("Remplacer le standard téléphonique par un bot", sofia, sofia, "declined"),
    ]
    path = {"new": [], "review": ["review"], "accepted": ["review", "accepted"],
            "done": ["review", "accepted", "done"], "declined": ["declined"]}
    for title, author, submitter, status in ideas:
        idea = actions.do_submit_idea(submitter, club, title, author=author,
                                      origin="Atelier IA de mars" if author != submitter
                                      else "")
        for voter in scene.rng.sample(voters, k=scene.rng.randint(1, min(12, len(voters)))):
            if idea.status not in ("done", "declined"):
                actions.do_vote_idea(voter, idea)
        for step in path[status]:
            actions.do_set_idea_status(alex, idea, step)
        if status in ("review", "accepted"):
            actions.do_comment_idea(camille, idea, "Je peux mettre en relation avec l'équipe "
                                    "data, elle a un prototype.")
            actions.do_credit_idea(alex, idea, camille, "Mise en relation avec l'équipe data")
    asked = scene.post(sofia, club, "Quel outil utilisez-vous pour relire vos mails clients "
                       "sans envoyer de données confidentielles dehors ?", 400)
    actions.do_mark_question(sofia, asked.id)
    scene.post(alex, club, "Retour d'expérience : le modèle interne tient la charge sur 200 "
               "utilisateurs. Détails dans l'idée « résumer les appels d'offres ».", 150)


def _confidential(scene: _Scene) -> None:
    a = scene.a
    secret = actions.do_create_community(
        a["admin"], "Projet Atlas — confidentiel", kind="secret",
        description="Préparation du rapprochement. Ne rien partager hors de cet espace.")
    scene.members(a["admin"], secret, [a["alex"]])
    scene.post(a["admin"], secret, "Point d'étape vendredi, salle 4. Ordre du jour à venir.",
               500)


def _customer(scene: _Scene) -> None:
    a = scene.a
    sofia, alex, camille = a["sofia"], a["alex"], a["camille"]
    guest, client = a["guest"], a["client"]
    horizon = actions.do_create_community(
        sofia, "Client Horizon — Projet pilote", kind="external",
        description="L'espace partagé avec Client Horizon pour le pilote Atlas.",
        tags="client, pilote", deadline=scene.now + timedelta(days=90))
    scene.members(sofia, horizon, [alex, camille, guest, client])
    actions.do_upload_file(sofia, horizon, _file("Planning du pilote.pdf", PDF))
    task_list = actions.do_create_task_list(sofia, horizon, "Pilote")
    day = scene.now.date()
    actions.do_create_task(sofia, task_list, "Valider la liste des utilisateurs pilotes",
                           assignee=guest, due_date=day + timedelta(days=4))
    actions.do_create_task(sofia, task_list, "Envoyer le bon de commande", assignee=client,
                           due_date=day + timedelta(days=10))
    actions.do_create_task(alex, task_list, "Ouvrir l'environnement de test", assignee=alex,
                           due_date=day + timedelta(days=3))
    start = (scene.now + timedelta(days=6)).replace(hour=14, minute=0, second=0,
                                                    microsecond=0, tzinfo=None)
    kickoff = actions.do_create_event(sofia, horizon, "Lancement du pilote", start,
                                      tz="Europe/Paris", place="Nantes, locaux Client Horizon")
    for person, answer in ((guest, "going"), (client, "maybe"), (alex, "going")):
        actions.do_rsvp(person, kickoff, answer)
    actions.do_submit_idea(guest, horizon, "Un tableau de bord d'usage partagé chaque semaine")
    welcome = scene.post(sofia, horizon, "Bienvenue Jordan et Léa ! Cet espace est réservé au "
                         "projet pilote : documents, tâches et échanges au même endroit.", 180)
    actions.do_pin_announcement(sofia, welcome.id)
    scene.reply(guest, welcome, "Merci Sofia ! Je valide la liste des pilotes d'ici jeudi.",
                120)
    scene.post(client, horizon, "Pour le bon de commande, il me faut le devis définitif "
               "avant la fin du mois.", 60)
