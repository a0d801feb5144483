"""Filling in the sign-on form in a browser, on a page or inside a frame."""

from __future__ import annotations

from playwright.sync_api import FrameLocator, Page


def fill_in_as_camille(root: Page | FrameLocator) -> None:
    """The sign-on form's required fields, for Camille Martin of Mon Association."""
    root.locator("#name").fill("Mon Association")
    root.locator("#country").select_option("FR")
    root.locator("#org_type").select_option("ngo")
    root.locator("#contact_name").fill("Camille Martin")
    root.locator("#contact_email").fill("camille@monasso.example.org")
