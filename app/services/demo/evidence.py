"""Demo screenshots: a drawn browser window per platform, imported like any screenshot.

Each demo case under investigation or beyond gets one screenshot per
platform it names (at most two), drawn with Pillow: a browser bar with the
address, the platform's banner, and the post by the subject's account with
the case's title as its caption. They go through
:func:`~app.services.evidence.intake.import_evidence`, so they are checked,
hashed, thumbnailed and audited like a real import. Where youth or clients
are involved, a comment by one of them is drawn and then redacted
(DOMAIN.md: youth identity), so the demo shows redaction too.

All accounts, names and posts are invented.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from app.domain.actor import Actor
from app.domain.evidence import ObtainedHow, RedactionBox, RedactionReason
from app.services.database import Database
from app.services.evidence import redaction
from app.services.evidence.intake import IntakeFile, IntakeMetadata, import_evidence

WIDTH, HEIGHT = 1280, 800

#: Banner colour and address of each platform the demo stories name.
_PLATFORMS: dict[str, tuple[str, str]] = {
    "Facebook": ("#1877f2", "https://www.facebook.com/"),
    "Facebook Messenger": ("#0084ff", "https://www.messenger.com/t/"),
    "Instagram": ("#c13584", "https://www.instagram.com/"),
    "TikTok": ("#111111", "https://www.tiktok.com/@"),
    "X": ("#000000", "https://x.com/"),
    "Reddit": ("#ff4500", "https://www.reddit.com/user/"),
    "LinkedIn": ("#0a66c2", "https://www.linkedin.com/in/"),
    "Snapchat": ("#fffc00", "https://www.snapchat.com/add/"),
    "Nextdoor": ("#8ed500", "https://nextdoor.com/profile/"),
}
_DEFAULT_PLATFORM = ("#455a64", "https://social.example/")


@dataclass(frozen=True, slots=True)
class Shot:
    """One drawn screenshot and the redaction it needs, if any."""

    name: str
    data: bytes
    platform: str
    account: str
    url: str
    redaction: RedactionBox | None


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size)


def handle_of(full_name: str) -> str:
    """An invented account handle for an employee: 'Brittany Schaefer' -> 'brittany.schaefer'."""
    return ".".join(part.lower().strip(".'") for part in full_name.split())


def draw_post(
    platform: str,
    author: str,
    handle: str,
    posted: dt.date,
    caption: str,
    *,
    commenter: str | None = None,
) -> tuple[bytes, RedactionBox | None]:
    """A PNG of a post as a browser shows it, and the box over the commenter's name."""
    colour, base = _PLATFORMS.get(platform, _DEFAULT_PLATFORM)
    image = Image.new("RGB", (WIDTH, HEIGHT), "#eef0f3")
    draw = ImageDraw.Draw(image)
    # Browser chrome: tab strip and address bar.
    draw.rectangle((0, 0, WIDTH, 36), fill="#dfe1e5")
    draw.rounded_rectangle((12, 6, 320, 36), radius=8, fill="#ffffff")
    draw.text((28, 12), f"{platform} · {author}", fill="#202124", font=_font(15))
    draw.rectangle((0, 36, WIDTH, 84), fill="#ffffff")
    draw.rounded_rectangle((90, 44, WIDTH - 40, 76), radius=16, fill="#f1f3f4")
    draw.text((110, 50), base + handle, fill="#3c4043", font=_font(17))
    # The platform's banner.
    text_colour = "#000000" if platform == "Snapchat" else "#ffffff"
    draw.rectangle((0, 84, WIDTH, 140), fill=colour)
    draw.text((40, 96), platform, fill=text_colour, font=_font(28))
    # The post card.
    card = (240, 170, WIDTH - 240, HEIGHT - 40)
    draw.rounded_rectangle(card, radius=12, fill="#ffffff", outline="#d0d4d9")
    left, top = card[0] + 28, card[1] + 24
    draw.ellipse((left, top, left + 56, top + 56), fill=colour)
    draw.text((left + 18, top + 12), author[:1], fill=text_colour, font=_font(28))
    draw.text((left + 72, top + 4), author, fill="#050505", font=_font(22))
    draw.text((left + 72, top + 34), f"@{handle} · {posted:%d %b %Y}", fill="#65676b",
              font=_font(16))  # fmt: skip
    y = top + 84
    for line in textwrap.wrap(caption, 62)[:3]:
        draw.text((left, y), line, fill="#050505", font=_font(21))
        y += 30
    photo = (left, y + 10, card[2] - 28, y + 250)
    draw.rectangle(photo, fill="#b0bec5")
    draw.text((photo[0] + 20, photo[1] + 20), "[photo]", fill="#37474f", font=_font(20))
    y = photo[3] + 16
    draw.text((left, y), "Like 24    Comment 7    Share", fill="#65676b", font=_font(17))
    box = None
    if commenter is not None:
        y += 40
        draw.ellipse((left, y, left + 36, y + 36), fill="#90a4ae")
        name_font = _font(18)
        draw.text((left + 48, y), commenter, fill="#050505", font=name_font)
        draw.text((left + 48, y + 24), "lol thats our unit!!", fill="#050505", font=_font(17))
        width = int(draw.textlength(commenter, font=name_font))
        box = RedactionBox(left - 4, y - 4, width + 60, 44, RedactionReason.YOUTH_IDENTITY)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue(), box


def shots_for(
    platforms: Sequence[str],
    author: str,
    posted: dt.date,
    caption: str,
    *,
    youth_commenter: str | None = None,
) -> list[Shot]:
    """One screenshot per platform (at most two) of the subject's post."""
    handle = handle_of(author)
    shots = []
    for index, platform in enumerate(platforms[:2]):
        commenter = youth_commenter if index == 0 else None
        data, box = draw_post(platform, author, handle, posted, caption, commenter=commenter)
        slug = platform.lower().replace(" ", "-")
        base = _PLATFORMS.get(platform, _DEFAULT_PLATFORM)[1]
        shots.append(Shot(f"{slug}-{handle}.png", data, platform, handle, base + handle, box))
    return shots


def add_screenshots(
    database: Database,
    investigator: Actor,
    case_id: int,
    shots: Sequence[Shot],
    *,
    captured_at: dt.datetime,
    obtained: ObtainedHow,
) -> int:
    """Import ``shots`` into a case as the investigator, then apply their redactions."""
    added = 0
    for shot in shots:
        metadata = IntakeMetadata(
            source_url=shot.url,
            platform=shot.platform,
            account_shown=shot.account,
            captured_at=captured_at,
            captured_by=investigator.full_name,
            description=f"Screenshot of the {shot.platform} post as reported.",
            obtained=obtained,
        )
        report = import_evidence(
            database, investigator, case_id, [IntakeFile(shot.name, data=shot.data)], metadata
        )
        for item in report.added:
            added += 1
            if shot.redaction is not None:
                redaction.set_redactions(database, investigator, item.id,
                                                  [shot.redaction])  # fmt: skip
    return added
