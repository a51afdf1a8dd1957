"""What people at the demo company write: templates in French and English, and their fillings.

Slots: {colleague} (an @mention), {product}, {client}, {event}, {city}, {skill}, {n}, {pct},
{link} and {tag} (an extra hashtag). Templates are (language, text) pairs.
"""

from __future__ import annotations

PRODUCTS = ("Atlas", "Nova 3.2", "Pollen", "Hive Analytics", "Ruche Connect", "Atlas Mobile",
            "le portail client", "l'API publique")
CLIENTS = ("Client Horizon", "Groupe Méridien", "Banque Aurore", "Transports Lumière",
           "Santé Plus", "Maison Verdier", "Nordic Foods", "Acier Delta", "Ville de Rennes")
EVENTS = ("Industrie Demain 2026", "Convention 2026", "Hackathon d'automne", "Journée RSE",
          "Forum Emploi Lyon", "Meetup Python Lyon", "Rencontres clients")
LINK_PATHS = ("intranet.essaim-demo.example/wiki/{slug}", "www.essaim-demo.example/blog/{slug}",
              "docs.essaim-demo.example/{slug}", "intranet.essaim-demo.example/news/{slug}",
              "www.example.com/articles/{slug}")
LINK_SLUGS = ("charte-teletravail", "guide-onboarding", "release-notes-nova", "bilan-rse-2025",
              "roadmap-atlas", "faq-mutuelle", "process-notes-de-frais", "retour-salon",
              "architecture-pollen", "kit-commercial", "plan-formation", "objectifs-q3",
              "etude-satisfaction", "securite-mots-de-passe", "ia-bonnes-pratiques")
TAGS = ("innovation", "rse", "salon2026", "ia", "onboarding", "teambuilding", "qualité",
        "télétravail", "formation", "data", "cybersécurité", "afterwork", "client", "produit",
        "diversité", "green", "kpi", "cooptation")

DEPARTMENT_POSTS = {
    "Direction": (
        ("fr", "Très fiers du trimestre qui se termine : +{pct} % de chiffre d'affaires. Merci à "
               "toutes les équipes ! Les détails ici : {link}"),
        ("fr", "Nous ouvrons un bureau à {city}. Une belle étape pour nous rapprocher de nos "
               "clients. #innovation"),
        ("fr", "Questions pour le prochain échange avec la direction ? Déposez-les en réponse, "
               "on les prend toutes."),
        ("fr", "Notre feuille de route RSE est publiée : {link} #rse"),
        ("en", "Great quarter, everyone: revenue up {pct}% and two new key accounts. Thank you! "
               "#kpi"),
        ("en", "Kicking off our strategy offsite today. We will share the outcome here next "
               "week."),
    ),
    "Communication": (
        ("fr", "Le magazine interne est en ligne ! Au sommaire : {product}, nos stagiaires et "
               "la Journée RSE. {link}"),
        ("fr", "Vous avez une belle histoire client ? Écrivez-moi, on en fera un article. Merci "
               "{colleague} pour l'idée !"),
        ("fr", "J-{n} avant {event} : les inscriptions sont ouvertes. #salon2026"),
        ("fr", "Nouveau kit de présentation de l'entreprise, à utiliser sans modération : "
               "{link}"),
        ("fr", "Photos de {event} disponibles ici : {link} Merci à toutes et à tous ! "
               "#teambuilding"),
        ("en", "Our press release about {product} was picked up by {n} outlets. Nice work "
               "{colleague}!"),
        ("en", "Reminder: the brand guidelines changed. New logo files here: {link}"),
    ),
    "Marketing": (
        ("fr", "Lancement de la campagne {product} lundi ! Objectif : {n}00 leads d'ici la fin "
               "du mois. #produit"),
        ("fr", "Les résultats de l'étude de marché sont là : {pct} % des clients veulent plus "
               "d'automatisation. {link} #ia"),
        ("fr", "Qui vient avec nous sur {event} ? On cherche encore {n} volontaires pour le "
               "stand. #salon2026"),
        ("fr", "Le webinar {product} a réuni {n}00 inscrits. Merci {colleague} pour la démo ! "
               "#client"),
        ("en", "New landing page for {product} is live, conversion up {pct}% in A/B test. "
               "{link}"),
        ("en", "Looking for customer quotes about {product} for the next campaign. Any ideas "
               "{colleague}?"),
    ),
    "RH": (
        ("fr", "Bienvenue aux {n} nouveaux arrivants de ce mois ! Le parcours d'intégration est "
               "ici : {link} #onboarding"),
        ("fr", "Le plan de formation est ouvert : inscriptions jusqu'à la fin du mois. "
               "#formation"),
        ("fr", "Rappel : l'entretien annuel, c'est aussi le moment de parler de vos envies "
               "d'évolution. Guide : {link}"),
        ("fr", "Nouvelle charte télétravail : jusqu'à 3 jours par semaine. Tous les détails : "
               "{link} #télétravail"),
        ("en", "Our mentoring programme is back. Want to mentor or be mentored? Reply here! "
               "#diversité"),
        ("en", "Referral bonus doubled this quarter: know a great engineer? #cooptation"),
    ),
    "Ventes": (
        ("fr", "Signature avec {client} ! {n} sites équipés de {product} d'ici l'été. Bravo à "
               "toute l'équipe et merci {colleague} pour l'avant-vente. #client"),
        ("fr", "Belle démo chez {client} ce matin, ils veulent un pilote sur {product}."),
        ("fr", "Quelqu'un connaît bien le secteur bancaire ? RDV avec {client} jeudi, je "
               "prépare le pitch."),
        ("fr", "Objectif du trimestre atteint à {pct} % avec encore trois semaines devant nous. "
               "On lâche rien ! #kpi"),
        ("en", "Closed the deal with {client}: three-year contract for {product}! Thanks "
               "{colleague} for the support."),
        ("en", "Heading to {city} to meet {client}. Anything I should know about their "
               "setup?"),
    ),
    "R&D": (
        ("fr", "La version {n}.{pct} de {product} est en production : recherche plus rapide "
               "et mode sombre. Notes de version : {link} #produit"),
        ("fr", "Question aux experts {skill} : comment gérez-vous les migrations sans "
               "interruption de service ? {colleague} une idée ?"),
        ("fr", "Retour sur notre atelier IA générative : ce qui marche, ce qui ne marche pas. "
               "{link} #ia"),
        ("fr", "Hackathon vendredi ! Thème : rendre {product} accessible à tous. "
               "#innovation"),
        ("fr", "On a divisé par {n} le temps de build de {product}. Merci {colleague} !"),
        ("en", "We just shipped the new search engine for {product}: p95 latency down {pct}%. "
               "#data"),
        ("en", "Brown bag on {skill} Thursday at noon, room Ada Lovelace. Bring questions!"),
        ("en", "Post-mortem of last week's incident is up: {link} Blameless, as always."),
        ("en", "Does anyone have experience with {skill} at scale? Looking for advice "
               "{colleague}"),
    ),
    "Opérations": (
        ("fr", "Le nouvel entrepôt de {city} est opérationnel. Délais de livraison réduits de "
               "{pct} %."),
        ("fr", "Certification ISO 9001 renouvelée ! Merci {colleague} et toute l'équipe "
               "qualité. #qualité"),
        ("fr", "Maintenance du réseau samedi de 8 h à 12 h : la messagerie sera coupée. "
               "#cybersécurité"),
        ("fr", "Nouveau fournisseur d'emballages recyclés : {pct} % de plastique en moins. "
               "#green #rse"),
        ("en", "Reminder: phishing test next week. When in doubt, report it! #cybersécurité"),
        ("en", "Support backlog is at its lowest in a year: {n} open tickets. Great job team!"),
    ),
    "Finance": (
        ("fr", "Clôture mensuelle terminée avec deux jours d'avance. Merci {colleague} ! "
               "#kpi"),
        ("fr", "Nouvelle procédure pour les notes de frais, tout est dans l'appli : {link}"),
        ("fr", "Le rapport extra-financier est publié : {link} #rse"),
        ("en", "Budget planning for next year starts Monday. Templates here: {link}"),
        ("en", "Quick reminder: purchase orders above {n}000 EUR need two approvals."),
    ),
}

GENERAL_POSTS = (
    ("fr", "Afterwork jeudi soir à {city}, qui est partant ? #afterwork"),
    ("fr", "Merci {colleague} pour ton aide sur le dossier {client}, tu m'as sauvé la "
           "journée !"),
    ("fr", "Quelqu'un a un bon tuto sur {skill} à recommander ?"),
    ("fr", "Premier jour au bureau de {city}, l'équipe est top. #onboarding"),
    ("fr", "Très bonne session de formation {skill} aujourd'hui avec {colleague}. "
           "#formation"),
    ("fr", "Le tri sélectif arrive dans tous les bureaux : {link} #green"),
    ("fr", "Retour de {event} : beaucoup d'idées à partager, je vous fais un résumé demain."),
    ("fr", "Petit rappel : la salle du 3e est réservée tout l'après-midi pour l'atelier "
           "{product}."),
    ("en", "Great session on {skill} today, thanks {colleague}!"),
    ("en", "Anyone going to {event}? Let's meet there. #salon2026"),
    ("en", "Just published a short guide on {skill}: {link}"),
    ("en", "Coffee chat anyone? I'm in {city} all week."),
)

OFFICIAL_POSTS = {
    "news": (
        ("fr", "📣 {product} est disponible pour tous nos clients ! Tout savoir : {link} "
               "#produit #innovation"),
        ("fr", "Nous serons présents sur {event} : retrouvez-nous sur le stand B{n}. "
               "#salon2026"),
        ("fr", "Bienvenue à {client}, notre nouveau client ! Bravo aux équipes Ventes et R&D. "
               "#client"),
        ("fr", "Le bilan RSE de l'année est en ligne : -{pct} % d'émissions. {link} #rse"),
        ("fr", "La convention annuelle aura lieu à {city}. Réservez la date ! "
               "#teambuilding"),
        ("fr", "Les résultats du baromètre interne sont là : {pct} % d'entre vous "
               "recommandent l'entreprise. Merci ! {link}"),
        ("en", "We are proud to announce our partnership with {client}. Read more: {link} "
               "#innovation"),
        ("en", "Our {product} launch event is streamed live tomorrow at 10:00. #produit"),
    ),
    "recrutement": (
        ("fr", "On recrute ! {n} postes ouverts en R&D à {city}. Cooptez vos talents : {link} "
               "#cooptation"),
        ("fr", "Nous cherchons un·e chargé·e de communication en alternance à {city}. "
               "#recrutement"),
        ("fr", "Bienvenue à nos {n} nouveaux arrivants ! Le programme d'intégration démarre "
               "lundi. #onboarding"),
        ("fr", "Rendez-vous sur {event} : nos équipes RH seront là pour vous rencontrer."),
        ("en", "We're hiring {n} engineers ({skill}) in {city} and remote. Apply: {link} "
               "#cooptation"),
        ("en", "Meet our new interns! Say hello and make them feel welcome. #onboarding"),
    ),
}

REPLIES = (
    ("fr", "Bravo {author} ! 👏"),
    ("fr", "Super nouvelle, félicitations à toute l'équipe."),
    ("fr", "Merci {author} pour le partage !"),
    ("fr", "Je suis partant·e, tiens-moi au courant."),
    ("fr", "Question : est-ce que ça concerne aussi le bureau de {city} ?"),
    ("fr", "Je peux aider sur la partie {skill} si besoin, écris-moi."),
    ("fr", "{author} on en parle à la prochaine réunion d'équipe ?"),
    ("fr", "Très intéressant. Tu aurais plus de détails sur les chiffres ?"),
    ("fr", "Top ! On peut faire pareil chez nous ?"),
    ("fr", "Je transmets à mon équipe, merci."),
    ("fr", "Bien joué {author}, ça va faire plaisir aux clients."),
    ("fr", "Est-ce qu'il y aura une session de rattrapage ?"),
    ("en", "Congrats {author}! 🎉"),
    ("en", "Great news, well done team."),
    ("en", "Thanks for sharing {author}, super useful."),
    ("en", "Count me in!"),
    ("en", "Is there a recording for those who missed it?"),
    ("en", "Happy to help with {skill} if needed."),
    ("en", "Interesting! Do we have numbers for {city} as well?"),
)

QUOTES = (
    ("fr", "À lire absolument 👇"),
    ("fr", "Fier de mon équipe !"),
    ("fr", "Une très belle réussite, à partager avec vos clients."),
    ("fr", "Exactement ce dont on parlait hier avec {colleague}."),
    ("en", "Must read 👇"),
    ("en", "This is what great teamwork looks like."),
)

FOLLOWERS_ONLY = (
    ("fr", "Entre nous : grosse semaine en vue, pensez à poser vos congés avant vendredi."),
    ("fr", "Point d'équipe décalé à 14 h demain, même salle."),
    ("fr", "Brouillon de la présentation {product} pour relecture : {link}"),
    ("en", "Team lunch on Friday, I'll book the usual place."),
    ("en", "Draft of the {product} roadmap for our team only, feedback welcome: {link}"),
)

DIRECT_POSTS = (
    ("fr", "{colleague} tu as cinq minutes pour regarder le devis {client} ?"),
    ("fr", "{colleague} je t'envoie le compte rendu de la réunion, dis-moi si ça te va."),
    ("en", "{colleague} can we sync about {product} tomorrow morning?"),
)

GUEST_POSTS = (
    ("fr", "{colleague} merci pour la démo de {product}, l'équipe a adoré. On planifie le "
           "pilote ?"),
    ("fr", "{colleague} pouvez-vous m'envoyer la documentation de l'API ? Merci !"),
    ("fr", "{colleague} petite question sur le planning de déploiement de {product}."),
)

PUBLIC_POSTS = (
    ("fr", "Nous recrutons ! Rejoignez une équipe passionnée à {city} : {link} "
           "#cooptation"),
    ("fr", "Retrouvez-nous sur {event}, stand B{n}. #salon2026"),
    ("en", "Proud to share our sustainability report: {link} #rse"),
)
