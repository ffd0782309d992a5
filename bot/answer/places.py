"""Recognising countries and regions in a question, so a place the briefing has no figure for is declined.

Country names come from pycountry (ISO 3166), with its common names ("South Korea", "Vietnam") and the short
form before a comma ("Korea, Republic of" -> "korea"). A few regions and everyday names that ISO does not list
("UK", "Middle East") are added here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

# Everyday names ISO 3166 does not carry, mapped to the name shown when declining.
_EXTRA = {
    "uk": "the United Kingdom",
    "britain": "the United Kingdom",
    "great britain": "the United Kingdom",
    "england": "the United Kingdom",
    "russia": "Russia",
    "uae": "the United Arab Emirates",
    "holland": "the Netherlands",
    "the netherlands": "the Netherlands",
    "czech republic": "Czechia",
    "turkey": "Türkiye",
    "ivory coast": "Côte d'Ivoire",
    "macau": "Macao",
    "middle east": "the Middle East",
    "gulf states": "the Gulf states",
    "south asia": "South Asia",
    "north america": "North America",
    "eastern europe": "Eastern Europe",
    "mena": "the Middle East and North Africa",
    "korea": "Korea",
}
# Adjectives people use instead of the country's name.
_DEMONYMS = {
    "japanese": "Japan", "indian": "India", "german": "Germany", "british": "the United Kingdom",
    "french": "France", "russian": "Russia", "korean": "Korea", "vietnamese": "Vietnam", "brazilian": "Brazil",
    "canadian": "Canada", "mexican": "Mexico", "italian": "Italy", "spanish": "Spain", "saudi": "Saudi Arabia",
    "turkish": "Türkiye", "indonesian": "Indonesia", "thai": "Thailand", "malaysian": "Malaysia",
    "singaporean": "Singapore", "filipino": "the Philippines", "pakistani": "Pakistan", "iranian": "Iran",
    "dutch": "the Netherlands", "swiss": "Switzerland", "israeli": "Israel", "egyptian": "Egypt",
    "nigerian": "Nigeria", "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile",
    "taiwanese": "Taiwan", "australian": "Australia", "kiwi": "New Zealand",
}  # fmt: skip
# Country names that are everyday words in trade questions, never read as a place.
_NOT_PLACES = {"chad", "jordan", "georgia", "guinea", "niger", "turkey", "china", "chinese"}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Lower-case place name -> display name, for every country and the extras above."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        display = getattr(country, "common_name", None) or country.name
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if not name:
                continue
            names[name.lower()] = display
            if "," in name:  # "Korea, Republic of" -> "korea"
                names.setdefault(name.split(",")[0].lower(), display)
    # China's provinces and regions: the briefing gives figures for few of them, so they must be recognised.
    for region in pycountry.subdivisions.get(country_code="CN"):
        short = region.name.split(" ")[0] if region.type != "Special administrative region" else region.name[:-4]
        display = region.name.removesuffix(" Sheng").removesuffix(" Shi")
        names.setdefault(short.lower(), display if region.type != "Special administrative region" else short)
    names.update({"inner mongolia": "Inner Mongolia", "tibet": "Tibet", "guangxi": "Guangxi", "xinjiang": "Xinjiang"})
    names.update(_EXTRA)
    names.update(_DEMONYMS)
    for word in _NOT_PLACES:
        names.pop(word, None)
    return names


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # Longest names first, so "south africa" is found before "africa" could be, and "south korea" before "korea".
    alternatives = sorted(gazetteer(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])")


def find_places(text: str) -> list[tuple[str, str]]:
    """Places named in lower-case ``text``: (as typed, display name), in order of appearance."""
    return [(m.group(), gazetteer()[m.group()]) for m in _pattern().finditer(text)]
