"""A gazetteer of countries and regions, so a place the briefing has no figure for is recognised as a place.

Country names come from pycountry (ISO 3166), with its common names ("South Korea", "Vietnam") and the short
form before a comma ("Korea, Republic of" -> "korea"). A few regions and everyday names that ISO does not list
("UK", "Middle East") are added here.
"""

from __future__ import annotations

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
    "gulf": "the Gulf states",
    "persian gulf": "the Gulf states",
    "gcc": "the Gulf Cooperation Council",
    "asia pacific": "the Asia-Pacific",
    "asia-pacific": "the Asia-Pacific",
    "western europe": "Western Europe",
    "northern europe": "Northern Europe",
    "southern europe": "Southern Europe",
    "east asia": "East Asia",
    "northeast asia": "Northeast Asia",
    "west asia": "West Asia",
    "sub-saharan africa": "Sub-Saharan Africa",
    "north africa": "North Africa",
    "caribbean": "the Caribbean",
    "scandinavia": "Scandinavia",
    "nordics": "the Nordic countries",
    "balkans": "the Balkans",
    "brics": "the BRICS countries",
    "g7": "the G7",
    "g20": "the G20",
    "mercosur": "Mercosur",
    "opec": "OPEC",
    "hongkong": "Hong Kong",
    "hk": "Hong Kong",
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
    "taiwanese": "Taiwan", "australian": "Australia", "kiwi": "New Zealand", "sino": "China",
    "mongolian": "Mongolia", "kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "peruvian": "Peru",
    "colombian": "Colombia", "venezuelan": "Venezuela", "ukrainian": "Ukraine", "polish": "Poland",
    "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "belgian": "Belgium",
    "austrian": "Austria", "greek": "Greece", "portuguese": "Portugal", "irish": "Ireland",
    "emirati": "the United Arab Emirates",
    "qatari": "Qatar", "kenyan": "Kenya", "ethiopian": "Ethiopia", "ghanaian": "Ghana", "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka", "cambodian": "Cambodia", "laotian": "Laos", "burmese": "Myanmar",
}  # fmt: skip
# Country names that are everyday words in trade questions, never read as a place.
_NOT_PLACES = {"chad", "jordan", "georgia", "guinea", "niger", "turkey", "china", "chinese", "sino", "us", "usa"}


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
