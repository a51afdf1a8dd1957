"""Fixed material for the demo company: names, departments, titles, skills, places, personas."""

from __future__ import annotations

from dataclasses import dataclass, field

COMPANY = "Essaim Industries"
EMAIL_DOMAIN = "essaim-demo.example"


@dataclass(frozen=True)
class Department:
    name: str
    weight: float  # share of the staff
    titles: tuple[str, ...]
    manager_titles: tuple[str, ...]
    skills: tuple[str, ...]


DEPARTMENTS = (
    Department(
        "Direction", 0.04,
        ("Directeur des opérations", "Chief of Staff", "Directrice de la stratégie",
         "Assistante de direction", "Chargé de mission auprès de la direction"),
        ("Directrice générale", "Directeur général adjoint"),
        ("stratégie", "leadership", "gouvernance", "m&a", "conduite du changement"),
    ),
    Department(
        "Communication", 0.08,
        ("Chargée de communication interne", "Community manager", "Rédacteur web",
         "Graphiste", "Chargé des relations presse", "Vidéaste"),
        ("Responsable communication interne", "Directrice de la communication"),
        ("rédaction", "relations presse", "réseaux sociaux", "vidéo", "design graphique",
         "événementiel", "storytelling"),
    ),
    Department(
        "Marketing", 0.12,
        ("Chef de produit marketing", "Chargée de marketing digital", "Growth marketer",
         "Product marketing manager", "Chargé d'études", "Responsable SEO"),
        ("Directrice marketing", "Head of Product Marketing"),
        ("seo", "marketing automation", "études de marché", "branding", "analytics",
         "growth", "pricing", "salons"),
    ),
    Department(
        "RH", 0.08,
        ("Chargée de recrutement", "Talent acquisition partner", "Gestionnaire paie",
         "Responsable formation", "HR business partner", "Chargé de la marque employeur"),
        ("DRH", "Responsable développement RH"),
        ("recrutement", "formation", "droit social", "paie", "onboarding",
         "marque employeur", "qualité de vie au travail"),
    ),
    Department(
        "Ventes", 0.20,
        ("Ingénieur commercial", "Account executive", "Business developer",
         "Responsable grands comptes", "Customer success manager", "Avant-vente",
         "Assistante commerciale"),
        ("Directeur commercial", "Head of Sales EMEA", "Responsable régional des ventes"),
        ("négociation", "salesforce", "prospection", "grands comptes", "avant-vente",
         "customer success", "appels d'offres"),
    ),
    Department(
        "R&D", 0.25,
        ("Ingénieur logiciel", "Développeuse backend", "Développeur frontend",
         "Data scientist", "Ingénieur DevOps", "Architecte logiciel", "Ingénieure QA",
         "Product owner", "UX designer", "Ingénieur sécurité"),
        ("Directrice R&D", "Engineering manager", "CTO"),
        ("python", "django", "kubernetes", "machine learning", "react", "postgresql",
         "sécurité", "ux", "rust", "data engineering", "ia générative", "cloud"),
    ),
    Department(
        "Opérations", 0.15,
        ("Responsable logistique", "Acheteuse", "Planificateur", "Technicien support",
         "Responsable qualité", "Administrateur systèmes", "Chargée HSE"),
        ("Directeur des opérations", "Responsable supply chain"),
        ("supply chain", "lean", "iso 9001", "achats", "support", "itil", "hse",
         "gestion de projet"),
    ),
    Department(
        "Finance", 0.08,
        ("Contrôleur de gestion", "Comptable", "Trésorière", "Analyste financier",
         "Juriste", "Credit manager"),
        ("Directrice administrative et financière", "Responsable comptable"),
        ("contrôle de gestion", "consolidation", "ifrs", "trésorerie", "excel",
         "droit des contrats", "reporting", "rse"),
    ),
)
DEPARTMENT_BY_NAME = {d.name: d for d in DEPARTMENTS}

LOCATIONS = (("Paris", 0.40), ("Lyon", 0.18), ("Nantes", 0.14), ("Lille", 0.10),
             ("Bordeaux", 0.06), ("Toulouse", 0.04), ("Remote", 0.08))

FRENCH_FIRST = (
    "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Claire", "Anaïs",
    "Pauline", "Mathilde", "Lucie", "Elise", "Margaux", "Juliette", "Hélène", "Sophie",
    "Nathalie", "Isabelle", "Céline", "Audrey", "Aurélie", "Charlotte", "Louise", "Agathe",
    "Nadia", "Yasmine", "Leïla", "Amina", "Fatou", "Maëlle", "Solène", "Océane", "Justine",
    "Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Hugo", "Lucas", "Louis", "Pierre",
    "Paul", "Romain", "Guillaume", "Baptiste", "Clément", "Florian", "Adrien", "Mathieu",
    "Olivier", "Sébastien", "Frédéric", "Laurent", "Vincent", "Benoît", "Arnaud", "Quentin",
    "Théo", "Yanis", "Karim", "Mehdi", "Rayan", "Samir", "Moussa", "Kevin", "Loïc", "Gaël",
    "Jérôme", "François", "Étienne", "Damien", "Cédric", "Alexis", "Dominique", "Morgane",
)
FRENCH_LAST = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont",
    "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau",
    "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
    "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
    "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
    "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Perez", "Marchand",
    "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux",
    "Colin", "Fernandez", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc",
    "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq",
    "Lacroix", "Fabre", "Dupuis", "Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis",
    "Charles", "Guillot", "Rivière", "Le Gall", "Guillaume", "Adam", "Rey", "Moulin",
    "Gonzalez", "Berger", "Lecomte", "Menard", "Fleury", "Deschamps", "Carpentier", "Julien",
    "Benali", "Haddad", "Diallo", "Traoré", "Mansouri", "Belkacem", "Tran", "Pham", "Kaya",
)
INTERNATIONAL_FIRST = (
    "Sofia", "Priya", "Aisha", "Mei", "Yuki", "Ingrid", "Elena", "Ana", "Chiara", "Olga",
    "Zeynep", "Amara", "Hannah", "Emily", "Lucia", "Marta", "Freya", "Nora", "Leila", "Aiko",
    "Alex", "Daniel", "Lars", "Matteo", "Diego", "Kenji", "Rahul", "Omar", "Jonas", "Piotr",
    "Tomás", "Kwame", "Ravi", "Ahmed", "Sven", "Marco", "Andrei", "Wei", "Hiroshi", "Liam",
    "Noah", "Ethan", "Samuel", "Joao", "Luca", "Mateusz", "Arjun", "Tariq", "Felix", "Oskar",
)
INTERNATIONAL_LAST = (
    "Rossi", "Müller", "Schmidt", "García", "Fernández", "Silva", "Santos", "Kowalski",
    "Nowak", "Jansen", "de Vries", "Andersson", "Johansson", "Hansen", "Nielsen", "Smith",
    "Johnson", "Brown", "Williams", "O'Brien", "Murphy", "Kelly", "Patel", "Sharma", "Singh",
    "Gupta", "Chen", "Wang", "Li", "Zhang", "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Lee",
    "Yilmaz", "Demir", "Popescu", "Ivanova", "Petrov", "Horvat", "Novak", "Ricci", "Bianchi",
    "Romano", "Costa", "Pereira", "Okafor", "Mensah", "Mwangi", "Haddad", "Nasser", "Larsen",
)
INTERNATIONAL_SHARE = 0.18

LANGUAGES_FR = ("français", "anglais", "espagnol", "allemand", "italien", "arabe",
                "portugais", "chinois")
LANGUAGES_INTL = {
    "Rossi": "italien", "Ricci": "italien", "Bianchi": "italien", "Romano": "italien",
    "Müller": "allemand", "Schmidt": "allemand", "García": "espagnol",
    "Fernández": "espagnol", "Silva": "portugais", "Santos": "portugais", "Costa": "portugais",
    "Pereira": "portugais", "Kowalski": "polonais", "Nowak": "polonais", "Jansen": "néerlandais",
    "de Vries": "néerlandais", "Chen": "chinois", "Wang": "chinois", "Li": "chinois",
    "Zhang": "chinois", "Tanaka": "japonais", "Suzuki": "japonais", "Sato": "japonais",
    "Kim": "coréen", "Park": "coréen", "Yilmaz": "turc", "Demir": "turc", "Patel": "hindi",
    "Sharma": "hindi", "Singh": "hindi", "Gupta": "hindi", "Haddad": "arabe", "Nasser": "arabe",
}

GUEST_ORGANISATIONS = (("Client Horizon", "customer"), ("Atelier Nord", "partner"),
                       ("Logistique Express", "supplier"))
GUEST_SHARE = 0.025

BIO_LINES = (
    "Curieux de tout, surtout de ce qui se passe dans les autres équipes.",
    "Ici pour partager ce qu'on apprend en route.",
    "Passionnée de produit, de café et de randonnée.",
    "Ask me anything about {skill}.",
    "Always happy to help with {skill}.",
    "Ancien stagiaire, toujours là {years} ans plus tard.",
    "En charge de {skill} et des questions qui vont avec.",
    "Runner du dimanche, {skill} en semaine.",
    "Based in {city}. Coffee, code and {skill}.",
    "",
)


@dataclass(frozen=True)
class Persona:
    """A named demo account whose login is printed by ``essaim demo``."""

    username: str
    display_name: str
    role: str  # shown in the logins table
    department: str = ""
    job_title: str = ""
    location: str = "Paris"
    languages: str = "français, anglais"
    skills: tuple[str, ...] = ()
    bio: str = ""
    admin: bool = False
    guest_of: str = ""
    bridge: bool = False
    english: float = 0.15  # how likely a post of theirs is in English
    delegate_of: tuple[str, ...] = field(default_factory=tuple)


PERSONAS = (
    Persona("admin", "Nadia Benali", "administrator", "Opérations",
            "Administratrice de la plateforme", skills=("itil", "sécurité", "support"),
            bio="J'administre Essaim : une question, un compte à créer ? Écrivez-moi.",
            admin=True, bridge=True),
    Persona("camille", "Camille Laurent", "Communication manager, delegate of @news",
            "Communication", "Responsable communication interne",
            skills=("storytelling", "événementiel", "rédaction"),
            bio="Communication interne. Je publie pour @news : envoyez-moi vos idées !",
            bridge=True, delegate_of=("news",)),
    Persona("alex", "Alex Moreau", "R&D engineer", "R&D", "Ingénieur logiciel", "Lyon",
            skills=("python", "django", "postgresql", "ia générative"),
            bio="Backend, data and the occasional flame graph. Lyon office.", english=0.4),
    Persona("sofia", "Sofia Rossi", "Sales (Ventes)", "Ventes", "Responsable grands comptes",
            languages="italien, français, anglais",
            skills=("grands comptes", "négociation", "salesforce"),
            bio="Grands comptes Europe du Sud. Toujours partante pour une démo client.",
            english=0.3),
    Persona("guest", "Jordan Lefèvre", "external guest (Client Horizon)",
            job_title="Chef de projet chez Client Horizon", location="Nantes",
            bio="Chef de projet côté client, en lien avec l'équipe commerciale.",
            guest_of="Client Horizon"),
    Persona("client", "Léa Girard", "external guest (Client Horizon)",
            job_title="Acheteuse chez Client Horizon", location="Nantes",
            bio="Achats et pilotage fournisseurs chez Client Horizon.",
            guest_of="Client Horizon"),
)


@dataclass(frozen=True)
class Official:
    username: str
    display_name: str
    bio: str
    delegate_department: str  # extra delegates come from here


OFFICIALS = (
    Official("news", "Company news",
             "Les nouvelles de l'entreprise, publiées par l'équipe communication.",
             "Communication"),
    Official("recrutement", "Recruiting",
             "Nos offres, nos nouveaux arrivants et la cooptation. Publié par l'équipe RH.",
             "RH"),
)
