"""Which browser on which system a staff session began in, read from its User-Agent header, so
its owner recognises it in the list of their sessions.

Only the few families people name; anything else is "" (shown as unknown). A User-Agent is
whatever the client says, so this names a device to its owner and proves nothing.
"""

from __future__ import annotations

from campaign.i18n import _

# First match wins: Edge, Opera and Samsung's browser also say "Chrome", Chrome says "Safari".
BROWSERS = (
    (("Edg/", "EdgA/", "EdgiOS/"), "Edge"),
    (("OPR/", "Opera"), "Opera"),
    (("SamsungBrowser/",), "Samsung Internet"),
    (("Firefox/", "FxiOS/"), "Firefox"),
    (("Chromium/",), "Chromium"),
    (("Chrome/", "CriOS/"), "Chrome"),
    (("Safari/",), "Safari"),
)
# Android says "Linux", an iPhone "like Mac OS X".
SYSTEMS = (
    (("Windows",), "Windows"),
    (("Android",), "Android"),
    (("iPhone", "iPod"), "iOS"),
    (("iPad",), "iPadOS"),
    (("CrOS",), "ChromeOS"),
    (("Macintosh", "Mac OS X"), "macOS"),
    (("Linux",), "Linux"),
)


def _first(user_agent: str, families: tuple[tuple[tuple[str, ...], str], ...]) -> str:
    return next((name for marks, name in families if any(m in user_agent for m in marks)), "")


def parse(user_agent: str | None) -> tuple[str, str]:
    """The browser and the system ``user_agent`` names, each "" if unknown."""
    user_agent = user_agent or ""
    return _first(user_agent, BROWSERS), _first(user_agent, SYSTEMS)


def describe(browser: str, system: str) -> str:
    """ "Firefox on Windows", in the reader's language."""
    browser = browser or _("Unknown browser")
    return _("%(browser)s on %(system)s", browser=browser, system=system) if system else browser
