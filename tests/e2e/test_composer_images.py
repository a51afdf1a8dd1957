"""Attaching an image in the home composer, on a wide and on a phone screen."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from .helpers import composer, post_card, unique

pytestmark = pytest.mark.e2e


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (15, 118, 110)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("width", [1366, 375])
def test_alice_attaches_an_image_in_the_composer_and_sees_it_in_her_post(signed_in, width):
    page = signed_in("alice", width=width)
    form = composer(page)
    form.get_by_text("Add images").click()
    picker = form.get_by_text("Choose images")
    expect(picker).to_be_visible()
    box = picker.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    form.locator("input[name=images]").set_input_files(
        files=[{"name": "office.png", "mimeType": "image/png", "buffer": _png_bytes()}])
    expect(form.locator("[data-composer-images-names]")).to_have_text("office.png")
    form.get_by_label("Image description (for screen readers)").fill("A teal office wall")
    text = unique("The new office")
    form.get_by_role("textbox", name="Your post").fill(text)
    form.get_by_role("button", name="Post").click()
    expect(page).to_have_url(re.compile(r"/$"))
    card = post_card(page, text)
    expect(card).to_have_count(1)
    image = card.get_by_role("img", name="A teal office wall")
    expect(image).to_be_visible()
    wide = page.evaluate("""w => Array.from(document.querySelectorAll('form[data-composer] *'))
        .filter(e => e.getBoundingClientRect().right > w + 1)
        .map(e => e.outerHTML.slice(0, 120))""", width)
    assert not wide, wide


FILE_WORDS = {"en-US": {"attach": "Add images or files", "choose": "Choose files",
                        "post": "Post", "box": "Your post"},
              "fr-FR": {"attach": "Ajouter des images ou des fichiers",
                        "choose": "Choisir des fichiers", "post": "Publier",
                        "box": "Votre publication"}}


@pytest.mark.parametrize(("width", "locale"), [(1366, "en-US"), (375, "fr-FR")])
def test_alice_attaches_a_pdf_and_bob_downloads_it_from_her_post(signed_in, width, locale):
    words = FILE_WORDS[locale]
    page = signed_in("alice", width=width, locale=locale)
    form = composer(page)
    form.get_by_text(words["attach"]).click()
    picker = form.get_by_text(words["choose"])
    expect(picker).to_be_visible()
    box = picker.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    form.locator("input[name=files]").set_input_files(
        files=[{"name": "Offre technique.pdf", "mimeType": "application/pdf", "buffer": pdf}])
    text = unique("Our technical offer")
    form.get_by_role("textbox", name=words["box"]).fill(text)
    form.get_by_role("button", name=words["post"]).click()
    card = post_card(page, text)
    expect(card).to_have_count(1)
    link = card.get_by_role("link", name=re.compile("Offre technique.pdf"))
    expect(link).to_be_visible()
    link_box = link.bounding_box()
    assert link_box is not None and link_box["x"] + link_box["width"] <= width
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "Offre technique.pdf"
