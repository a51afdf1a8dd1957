"""The preview image of a public post (1200×630 PNG) for link unfurls, drawn with Pillow."""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND = (255, 247, 230)
ACCENT = (214, 132, 0)
INK = (31, 35, 40)


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType sizes
        return ImageFont.load_default()


def render(author: str, text: str, site: str = "Essaim") -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 24, HEIGHT], fill=ACCENT)
    draw.text((80, 64), author[:60], font=_font(48), fill=INK)
    body = textwrap.wrap(" ".join(text.split()), width=44)[:6]
    if len(textwrap.wrap(" ".join(text.split()), width=44)) > 6:
        body[-1] = body[-1][:40] + "…"
    draw.multiline_text((80, 170), "\n".join(body), font=_font(40), fill=INK, spacing=14)
    draw.text((80, HEIGHT - 90), site, font=_font(36), fill=ACCENT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
