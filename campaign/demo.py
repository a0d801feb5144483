"""``campaign demo``: an open letter with text in four languages and a coordinator to log in as."""
# ruff: noqa: E501 - letter texts are prose

from __future__ import annotations

import secrets

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from campaign.accounts import services as accounts
from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters import services as letters
from campaign.letters.models import Letter, LetterStatus
from campaign.letters.texts import save_text
from campaign.mail_cli import describe_destination
from campaign.signatures.keys import email_key, name_key
from campaign.signatures.models import EcosocStatus, OrgType, Signature, SignatureStatus

DEMO_SLUG = "demo"
DEMO_COORDINATOR = "coordinator@demo.example.org"

# The addressee in each translation's language (the settings hold the English one).
ADDRESSEES = {
    "fr": "Conseil des droits de l'homme",
    "es": "Consejo de Derechos Humanos",
    "ar": "مجلس حقوق الإنسان",
}
TEXTS = {
    "en": (
        "Joint letter: protect civic space for migrants' rights defenders",
        "Excellencies,\n\nWe, the undersigned civil-society organisations, urge the Human Rights "
        "Council to **protect the people and organisations who defend the rights of migrants**.\n\n"
        "Across regions, defenders face criminalisation, surveillance and funding restrictions. "
        "We ask the Council to:\n\n"
        "1. condemn reprisals against those who cooperate with the United Nations;\n"
        "2. call on States to repeal laws that criminalise humanitarian assistance;\n"
        "3. ensure that civil society can take part safely in the Council's work.\n\n"
        "Respectfully,",
    ),
    "fr": (
        "Lettre conjointe : protéger l'espace civique des défenseurs des droits des migrants",
        "Excellences,\n\nNous, organisations de la société civile soussignées, exhortons le Conseil "
        "des droits de l'homme à **protéger les personnes et les organisations qui défendent les "
        "droits des migrants**.\n\nDans toutes les régions, ces défenseurs font face à la "
        "criminalisation, à la surveillance et à des restrictions de financement. "
        "Nous demandons au Conseil :\n\n"
        "1. de condamner les représailles contre celles et ceux qui coopèrent avec les Nations Unies ;\n"
        "2. d'appeler les États à abroger les lois qui criminalisent l'aide humanitaire ;\n"
        "3. de garantir que la société civile puisse participer en sécurité à ses travaux.\n\n"
        "Veuillez agréer, Excellences, l'expression de notre haute considération.",
    ),
    "es": (
        "Carta conjunta: proteger el espacio cívico de quienes defienden los derechos de las "
        "personas migrantes",
        "Excelencias:\n\nLas organizaciones de la sociedad civil abajo firmantes instamos al Consejo "
        "de Derechos Humanos a **proteger a las personas y organizaciones que defienden los "
        "derechos de las personas migrantes**.\n\nEn todas las regiones, estas personas enfrentan "
        "criminalización, vigilancia y restricciones de financiación. Pedimos al Consejo que:\n\n"
        "1. condene las represalias contra quienes cooperan con las Naciones Unidas;\n"
        "2. inste a los Estados a derogar las leyes que criminalizan la asistencia humanitaria;\n"
        "3. garantice que la sociedad civil pueda participar con seguridad en sus trabajos.\n\n"
        "Atentamente,",
    ),
    "ar": (
        "رسالة مشتركة: حماية الفضاء المدني للمدافعين عن حقوق المهاجرين",
        "أصحاب السعادة،\n\nنحن منظمات المجتمع المدني الموقعة أدناه، نحث مجلس حقوق الإنسان على "
        "**حماية الأشخاص والمنظمات الذين يدافعون عن حقوق المهاجرين**.\n\n"
        "يواجه المدافعون في جميع المناطق التجريم والمراقبة والقيود على التمويل. "
        "ونطلب من المجلس ما يلي:\n\n"
        "1. إدانة الأعمال الانتقامية ضد من يتعاونون مع الأمم المتحدة؛\n"
        "2. دعوة الدول إلى إلغاء القوانين التي تجرّم المساعدة الإنسانية؛\n"
        "3. ضمان مشاركة المجتمع المدني بأمان في أعمال المجلس.\n\n"
        "وتفضلوا بقبول فائق الاحترام،",
    ),
}


def ensure_demo_letter() -> Letter:
    """Create the demo letter, or bring it back to its demo state (idempotent)."""
    session = db.session
    letter = session.scalar(Letter.by_slug(DEMO_SLUG))
    if letter is None:
        title, body = TEXTS["en"]
        letter = letters.create_letter(
            session,
            slug=DEMO_SLUG,
            language="en",
            title=title,
            body=body,
            addressee="Human Rights Council",
            lead_organisations="Demo Coalition for Migrants' Rights\nExample Rights Network",
        )
    for code, (title, body) in TEXTS.items():
        save_text(letter, code, title, body, ADDRESSEES.get(code))
    if letter.status is LetterStatus.draft:
        letters.change_status(letter, LetterStatus.open)
    # No moderation screens yet: confirmed signatures go straight to the public list.
    letter.auto_approve = True
    session.flush()
    ensure_demo_signatories(letter)
    return letter


# Names chosen to show the collation order: "Àltera" after "Albergue", "İ" among the I's;
# ECOSOC statuses so the Council's statement has co-sponsors and a footnote.
DEMO_SIGNATORIES = [
    ("Albergue Solidario", "ES", "albergue-solidario", EcosocStatus.none),
    ("Àltera Asociación", "ES", "altera", EcosocStatus.unknown),
    ("İstanbul Göç Derneği", "TR", "istanbul-goc", EcosocStatus.special),
    ("Réseau Migrations Afrique", "SN", "reseau-migrations", EcosocStatus.roster),
    ("Zentrum für Menschenrechte", "DE", "zentrum-mr", EcosocStatus.general),
]


def ensure_demo_signatories(letter: Letter) -> None:
    """A few approved organisations, so the list and its numbering show (idempotent)."""
    session = db.session
    for name, country, domain, ecosoc in DEMO_SIGNATORIES:
        address = f"contact@{domain}.example"
        query = select(Signature.id).where(
            Signature.letter_id == letter.id, Signature.email_key == email_key(address)
        )
        if session.scalar(query) is not None:
            continue
        session.add(
            Signature(
                letter_id=letter.id,
                name=name,
                submitted_name=name,
                name_key=name_key(name),
                country=country,
                org_type=OrgType.ngo,
                ecosoc_status=ecosoc,
                contact_name="Demo contact",
                contact_email=address,
                email_key=email_key(address),
                status=SignatureStatus.approved,
                confirmed_at=letter.opened_at,
                approved_at=letter.opened_at,
                flags=[],
            )
        )
    session.flush()


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Create the demo letter and its coordinator, and print how to log in."""
    letter = ensure_demo_letter()
    session = db.session
    password = secrets.token_urlsafe(10)
    user = accounts.find_user(session, DEMO_COORDINATOR)
    if user is None:
        user = accounts.create_user(session, DEMO_COORDINATOR, password, name="Demo coordinator")
    else:
        accounts.set_password(session, user, password)
    accounts.grant(session, user, letter.id, Role.coordinator)
    session.commit()
    base = current_app.config["PUBLIC_BASE_URL"]
    click.echo(f"Demo letter: {base}/en/letters/{DEMO_SLUG}  (also /fr, /es, /ar)")
    click.echo(f"Coordinator login: {base}/login")
    click.echo(f"  email:    {DEMO_COORDINATOR}")
    click.echo(f"  password: {password}")
    click.echo(f"Email (confirmation links) goes to {describe_destination()}.")
    click.echo("  Queued mail is retried by: campaign outbox worker")
