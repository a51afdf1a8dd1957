"""Evaluation of the weak-signal detector on a synthetic company with planted ground truth.

    uv run python -m benchmarks.signals_eval [--people 800 --posts-per-day 1200 --seed 7]

A company of ``--people`` employees in 12 departments writes ``--posts-per-day`` background
posts a day (French and English sentences from a shared vocabulary, with Zipf word
frequencies) for 28 days of baseline and 3 days of evaluation. Planted in the evaluation days:

* six **new subjects** (each with several phrasings, French and English), starting at one post
  every three hours, growing to one an hour, written by people drawn from the whole company;
* **decoys** of each kind naive counting flags: one enthusiast repeating a word (40 posts),
  a weekly term (every Monday morning, 20 people, every week of the baseline too), a term that
  is always popular (30 people a day, every day, with a 50 % surge in the evaluation days), and
  an announcement by an official account relayed by 200 people, answered by 40 in its thread and
  copied by 25 with a word added.

Posts go in through the company importer (ids from their dates) and are indexed **one at a
time** by the production code (``essaim.trends.indexing.index_posts``, what the after-commit
task runs), hour by hour; the detector (``essaim.trends.signals.detect``) ranks the company's
signals every hour of the evaluation days. Reported: recall@10 of the planted subjects within
24 h of their onset, precision@10 (planted subjects among the top 10, over the evaluation
hours), decoys ever seen in a top 10, detection delay (first hour in the top 10 after onset),
and the cost per post (indexing, and the hourly detector amortised over the hour's posts).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

BASELINE_DAYS = 28
EVAL_DAYS = 3
DEPARTMENTS = ["R&D", "Sales", "Marketing", "Finance", "HR", "IT", "Legal", "Operations",
               "Purchasing", "Quality", "Support", "Communication"]

FR_WORDS = """projet client équipe réunion semaine dossier budget planning livraison service
retour rapport réponse demande priorité objectif résultat chiffre offre contrat facture devis
commande stock produit qualité délai atelier formation recrutement bureau site usine agence
partenaire fournisseur marché vente achat présentation document tableau outil logiciel serveur
accès compte mot passe réseau imprimante salle visio agenda congé note synthèse compte-rendu
point sujet idée question problème solution avancée étape version test validation mise production
déploiement migration sauvegarde incident ticket support utilisateur interface écran mobile
application données analyse indicateur suivi revue audit conformité sécurité risque contrôle
processus procédure règle politique charte guide modèle exemple cas étude retour expérience
bilan trimestre mois année journée matin soir demain hier aujourd'hui prochain dernier nouveau
grand petit rapide simple clair important urgent possible nécessaire prêt complet final
numérique énergie vert robot emballage chaleur modèle""".split()
EN_WORDS = """project customer team meeting week file budget schedule delivery service feedback
report answer request priority goal result figure offer contract invoice quote order stock
product quality deadline workshop training hiring office site plant branch partner supplier
market sales purchase slides document board tool software server access account password
network printer room call calendar leave memo summary minutes topic idea question issue fix
progress step version test approval release rollout migration backup incident ticket support
user interface screen mobile app data analysis metric tracking review audit compliance security
risk control process procedure rule policy guideline template sample case study lesson quarter
month year day morning evening tomorrow yesterday today next last new big small quick simple
clear important urgent possible ready complete final digital energy green robot packaging
heat model""".split()
FR_GLUE = ["le", "la", "les", "de", "des", "du", "et", "pour", "avec", "sur", "dans", "un", "une",
           "est", "sont", "nous", "on", "à", "au", "ce"]
EN_GLUE = ["the", "a", "of", "and", "for", "with", "on", "in", "to", "is", "are", "we", "our",
           "this", "it", "at"]


@dataclass
class Subject:
    name: str
    phrasings: list[str]
    markers: set[str]  # stems that identify it among a signal's terms
    onset: datetime | None = None
    detected_at: datetime | None = None


SUBJECTS = [
    Subject("green hydrogen", ["hydrogène vert", "l'hydrogène vert", "green hydrogen",
                               "l'hydrogène", "hydrogen electrolyser"], {"hydrogen"}),
    Subject("digital twin", ["jumeau numérique", "digital twin", "jumeaux numériques",
                             "twin model"], {"jumeau", "twin", "jumeaux"}),
    Subject("cobots", ["cobot", "robot collaboratif", "collaborative robots", "cobots"],
            {"cobot", "collabor", "collaborat"}),
    Subject("digital sobriety", ["sobriété numérique", "digital sobriety",
                                 "sobriété énergétique"], {"sobriet", "sobrieti", "sobriety"}),
    Subject("bioplastics", ["bioplastique", "bioplastics", "emballage bioplastique",
                            "bioplastic packaging"], {"bioplast", "bioplastiqu"}),
    Subject("heat pumps", ["pompe à chaleur", "heat pump", "pompes à chaleur",
                           "heat pumps"], {"pomp", "pump"}),
]
DECOYS = {"enthusiast": {"kombucha"}, "weekly": {"hebdo", "sync"},
          "always popular": {"cantin", "cafeteria"}, "announcement": {"orion"}}


@dataclass
class Stream:
    rows: list = field(default_factory=list)  # (created_at, kind, payload)


def _sentence(rng: random.Random, lang: str, weights: dict, extra: str = "") -> str:
    vocab, glue = (FR_WORDS, FR_GLUE) if lang == "fr" else (EN_WORDS, EN_GLUE)
    words = []
    for _ in range(rng.randint(8, 14)):
        words.append(rng.choice(glue) if rng.random() < 0.35 else
                     rng.choices(vocab, weights=weights[lang])[0])
    if extra:
        words.insert(rng.randint(1, len(words) - 1), extra)
    return " ".join(words).capitalize()


def _setup(data_dir: str) -> None:
    os.environ["ESSAIM_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.config.settings")
    os.environ["ESSAIM_TASK_BACKEND"] = "immediate"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _people(count: int, rng: random.Random):
    from django.contrib.auth.hashers import make_password

    from essaim.importers.company import UserRow, do_import_users

    rows = [UserRow(username=f"p{i}", display_name=f"Person {i}",
                    department=DEPARTMENTS[i % len(DEPARTMENTS)]) for i in range(count)]
    rows.append(UserRow(username="news", display_name="Company news", is_official=True,
                        department="Communication", delegates=["p0"]))
    ids = do_import_users(rows, password_hash=make_password(None))
    people = [ids[f"p{i}"] for i in range(1, count)]
    rng.shuffle(people)
    return [ids["p0"], *people], ids["news"]


def plan(args, people: list[int], official: int, start: datetime, rng: random.Random):
    """Every post of the stream as (created_at, PostRow-like dict), in time order."""
    from essaim.importers.company import PostRow

    weights = {lang: [1 / (rank + 1) ** 0.9 for rank in range(len(vocab))]
               for lang, vocab in (("fr", FR_WORDS), ("en", EN_WORDS))}
    total = BASELINE_DAYS + EVAL_DAYS
    rows: list[PostRow] = []
    for day in range(total):
        for _ in range(args.posts_per_day):
            at = start + timedelta(days=day, seconds=rng.randrange(86400))
            lang = "fr" if rng.random() < 0.6 else "en"
            rows.append(PostRow(author_id=rng.choice(people), created_at=at,
                                text=_sentence(rng, lang, weights)))
        # Always popular: the cafeteria, 30 people a day (45 in the evaluation days).
        for _ in range(30 if day < BASELINE_DAYS else 45):
            at = start + timedelta(days=day, hours=11, seconds=rng.randrange(3 * 3600))
            word = rng.choice(["la cantine", "the cafeteria", "menu de la cantine"])
            rows.append(PostRow(author_id=rng.choice(people), created_at=at,
                                text=_sentence(rng, "fr", weights, word)))
        # Weekly: the Monday sync, 20 people every Monday morning.
        if (start + timedelta(days=day)).weekday() == 0:
            for person in rng.sample(people, 20):
                at = start + timedelta(days=day, hours=8, seconds=rng.randrange(3 * 3600))
                word = rng.choice(["point hebdo", "weekly sync", "notre point hebdo"])
                rows.append(PostRow(author_id=person, created_at=at,
                                    text=_sentence(rng, "fr", weights, word)))
    eval_start = start + timedelta(days=BASELINE_DAYS)
    # Planted subjects: onsets spread over the first evaluation day and a half.
    for index, subject in enumerate(SUBJECTS):
        subject.onset = eval_start + timedelta(hours=2 + index * 6)
        end = start + timedelta(days=total)
        at = subject.onset
        while at < end:
            hours = (at - subject.onset) / timedelta(hours=1)
            lang = "fr" if rng.random() < 0.6 else "en"
            rows.append(PostRow(author_id=rng.choice(people), created_at=at,
                                text=_sentence(rng, lang, weights,
                                               rng.choice(subject.phrasings))))
            gap = 3.0 - 2.0 * min(1.0, hours / 24)  # one every 3 h, then every hour
            at += timedelta(hours=gap * rng.uniform(0.6, 1.4))
    # The enthusiast: 40 posts about kombucha by one person.
    fan = people[1]
    for i in range(40):
        at = eval_start + timedelta(hours=1 + i * 1.5)
        rows.append(PostRow(author_id=fan, created_at=at,
                            text=_sentence(rng, "fr", weights, "#kombucha maison")))
    # The announcement, relayed, answered and copied by everyone.
    said = "Lancement du programme Orion : la nouvelle plateforme RH est ouverte à tous"
    announce_at = eval_start + timedelta(hours=9)
    announcement = PostRow(author_id=official, posted_by_id=people[0],
                           created_at=announce_at, text=said)
    rows.append(announcement)
    for person in rng.sample(people[2:], 200):
        rows.append(PostRow(author_id=person, relay_of=announcement,
                            created_at=announce_at + timedelta(minutes=rng.randrange(1, 600))))
    for person in rng.sample(people[2:], 40):
        rows.append(PostRow(author_id=person, in_reply_to=announcement,
                            created_at=announce_at + timedelta(minutes=rng.randrange(1, 900)),
                            text=rng.choice(["Bravo pour Orion !", "Super, Orion enfin",
                                             "Great news about Orion", "Orion, enfin !"])))
    for person in rng.sample(people[2:], 25):
        rows.append(PostRow(author_id=person,
                            created_at=announce_at + timedelta(minutes=rng.randrange(1, 900)),
                            text=rng.choice(["À lire : ", "Info : ", "FYI "]) + said))
    rows.sort(key=lambda r: r.created_at)
    return rows


def _matches(found, markers: set[str]) -> bool:
    return any(set(e.key.split()) & markers for e in found.members)


def run(args) -> dict:
    from essaim.importers.company import do_import_posts
    from essaim.trends import signals
    from essaim.trends.indexing import index_posts
    from essaim.trends.models import COMPANY

    rng = random.Random(args.seed)
    people, official = _people(args.people, rng)
    start = (datetime.now(UTC) - timedelta(days=BASELINE_DAYS + EVAL_DAYS + 1)).replace(
        hour=0, minute=0, second=0, microsecond=0)
    while (start + timedelta(days=BASELINE_DAYS + 1)).weekday() != 0:  # a Monday in the test
        start -= timedelta(days=1)
    rows = plan(args, people, official, start, rng)
    eval_start = start + timedelta(days=BASELINE_DAYS)
    end = start + timedelta(days=BASELINE_DAYS + EVAL_DAYS)
    index_seconds, detect_seconds, detect_runs, indexed = 0.0, 0.0, 0, 0
    index_cpu, detect_cpu = 0.0, 0.0
    hour = start
    position = 0
    decoys_seen: dict[str, int] = {name: 0 for name in DECOYS}
    precision: list[float] = []
    while hour < end:
        nxt = hour + timedelta(hours=1)
        batch = []
        while position < len(rows) and rows[position].created_at < nxt:
            batch.append(rows[position])
            position += 1
        if batch:
            ids = do_import_posts(batch)
            began, cpu = time.perf_counter(), time.process_time()
            for post_id in ids:  # one at a time, as the after-commit task does
                index_posts([post_id], fresh=True)
            index_seconds += time.perf_counter() - began
            index_cpu += time.process_time() - cpu
            indexed += len(ids)
        if nxt > eval_start:
            began, cpu = time.perf_counter(), time.process_time()
            top = signals.detect(COMPANY, nxt)[:10]
            detect_seconds += time.perf_counter() - began
            detect_cpu += time.process_time() - cpu
            detect_runs += 1
            planted = 0
            for found in top:
                for subject in SUBJECTS:
                    if subject.onset <= nxt and _matches(found, subject.markers):
                        planted += 1
                        if subject.detected_at is None:
                            subject.detected_at = nxt
                        break
                for name, markers in DECOYS.items():
                    if _matches(found, markers):
                        decoys_seen[name] += 1
            if top:
                precision.append(planted / len(top))
        hour = nxt
    delays = [(s.detected_at - s.onset) / timedelta(hours=1) for s in SUBJECTS
              if s.detected_at is not None]
    within = [s for s in SUBJECTS if s.detected_at is not None
              and s.detected_at - s.onset <= timedelta(hours=24)]
    posts_per_hour = indexed / ((end - start) / timedelta(hours=1))
    index_ms = 1000 * index_seconds / max(1, indexed)
    detect_ms = 1000 * detect_seconds / max(1, detect_runs)
    last = signals.detect(COMPANY, end)[:10]
    return {
        "people": args.people, "posts": indexed, "posts_per_hour": round(posts_per_hour, 1),
        "recall_at_10_within_24h": round(len(within) / len(SUBJECTS), 3),
        "precision_at_10_mean": round(statistics.mean(precision), 3) if precision else 0.0,
        "decoys_in_top_10": decoys_seen,
        "delay_hours": {s.name: (round((s.detected_at - s.onset) / timedelta(hours=1), 1)
                                 if s.detected_at else None) for s in SUBJECTS},
        "median_delay_hours": round(statistics.median(delays), 1) if delays else math.inf,
        "index_ms_per_post": round(index_ms, 3),
        "detector_ms_per_run": round(detect_ms, 1),
        "detector_ms_per_post_amortised": round(detect_ms / max(posts_per_hour, 1e-9), 3),
        "total_ms_per_post": round(index_ms + detect_ms / max(posts_per_hour, 1e-9), 3),
        "cpu_index_ms_per_post": round(1000 * index_cpu / max(1, indexed), 3),
        "cpu_detector_ms_per_run": round(1000 * detect_cpu / max(1, detect_runs), 1),
        "cpu_total_ms_per_post": round(1000 * index_cpu / max(1, indexed) + 1000 * detect_cpu
                                       / max(1, detect_runs) / max(posts_per_hour, 1e-9), 3),
        "final_top_10": [{"term": f.lead.label, "related": [e.label for e in f.members
                                                            if e is not f.lead][:4],
                          "people": f.people, "departments": f.departments,
                          "score": round(f.score, 2)} for f in last],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=800)
    parser.add_argument("--posts-per-day", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="essaim-signals-") as data_dir:
        _setup(data_dir)
        began = time.perf_counter()
        report = run(args)
        report["seconds"] = round(time.perf_counter() - began, 1)
    targets = {"recall_at_10_within_24h >= 0.8": report["recall_at_10_within_24h"] >= 0.8,
               "no decoy in top 10": not any(report["decoys_in_top_10"].values()),
               "median delay <= 6 h": report["median_delay_hours"] <= 6,
               "cost <= 5 ms/post (CPU)": report["cpu_total_ms_per_post"] <= 5}
    report["targets_met"] = targets
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0 if all(targets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
