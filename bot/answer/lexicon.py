"""The words people use for trade questions: synonyms, abbreviations, question words and intents.

Topic and indicator synonyms live in the knowledge files (they belong to a briefing); this module holds the
language that is the same for every briefing: "shipments" means exports, "yoy" asks for growth, "how many"
asks for a count.
"""

from __future__ import annotations

# Phrases rewritten before matching, longest first. Values are canonical words the index also uses.
PHRASES: dict[str, str] = {
    "belt and road initiative": "bri",
    "belt and road": "bri",
    "one belt one road": "bri",
    "silk road": "bri",
    "european union": "eu",
    "united states of america": "unitedstates",
    "united states": "unitedstates",
    "u.s.a": "unitedstates",
    "u.s": "unitedstates",
    "usa": "unitedstates",
    "state-owned enterprises": "soes",
    "state owned enterprises": "soes",
    "state-owned": "soes",
    "state owned": "soes",
    "foreign-invested enterprises": "fies",
    "foreign invested enterprises": "fies",
    "foreign-invested": "fies",
    "foreign invested": "fies",
    "foreign-funded": "fies",
    "foreign funded": "fies",
    "foreign enterprises": "fies",
    "foreign companies": "fies",
    "foreign firms": "fies",
    "greater bay area": "gba",
    "bay area": "gba",
    "yangtze river delta": "yrd",
    "yangtze delta": "yrd",
    "free trade port": "ftp",
    "new energy vehicles": "evs",
    "new energy vehicle": "evs",
    "electric vehicles": "evs",
    "electric vehicle": "evs",
    "electric cars": "evs",
    "laser radar": "lidar",
    "year on year": "yoy",
    "year-on-year": "yoy",
    "y/y": "yoy",
    "five-year plan": "fyp",
    "five year plan": "fyp",
    "latin american": "latam",
    "latin america": "latam",
    "south american": "latam",
    "south america": "latam",
    "artificial intelligence": "ai",
    "how many": "count",
    "number of": "count",
    "how much": "value",
    "how fast": "growth",
    "up to": "upto",
    "pick up": "growth",
    "picked up": "growth",
    "go up": "growth",
    "went up": "growth",
    "gone up": "growth",
    "come down": "decline",
    "go down": "decline",
    "went down": "decline",
    "how quickly": "growth",
    "growth rate": "growth",
    "percentage points": "points",
    "percentage point": "points",
    "per cent": "%",
    "percent": "%",
    "duty free": "duty-free",
    "e commerce": "e-commerce",
    "ecommerce": "e-commerce",
    "hi-tech": "high-tech",
    "hi tech": "high-tech",
    "high tech": "high-tech",
    "photovoltaic": "solar",
    "photovoltaics": "solar",
    "pv": "solar",
    "last month": "december",
    "since 2020": "fyp",
    "2021-2025": "fyp",
    "2021 2025": "fyp",
    "past five years": "fyp",
    "last five years": "fyp",
    "five years": "fyp",
}

# Single words mapped to the canonical word (after phrases). Keeps the index's vocabulary small.
WORDS: dict[str, str] = {
    "shipments": "exports", "shipment": "exports", "shipped": "exports",
    "outbound": "exports", "export": "exports", "exported": "exports", "exporting": "exports", "sales": "sales",
    "import": "imports", "imported": "imports", "importing": "imports", "inbound": "imports", "buy": "imports",
    "bought": "imports", "purchases": "imports",
    "bloc": "eu", "brussels": "eu", "europeans": "europe", "european": "europe",
    "unitedstates": "us", "america": "us", "american": "us", "americans": "us", "washington": "us",
    "soe": "soes", "fie": "fies", "multinationals": "fies",
    "latin": "latam", "latinamerica": "latam",
    "ev": "evs", "nevs": "evs", "nev": "evs", "cars": "automobiles", "car": "automobiles", "autos": "automobiles",
    "vehicles": "vehicles", "batteries": "battery", "lithium-ion": "lithium", "li-ion": "lithium",
    "lidars": "lidar", "robot": "robots", "robotics": "robots", "chips": "semiconductors",
    "y-o-y": "yoy", "annual": "yoy", "annually": "yoy",
    "grow": "growth", "grew": "growth", "grown": "growth", "growing": "growth", "increase": "growth",
    "increased": "growth", "rise": "growth", "rose": "growth", "risen": "growth", "up": "growth", "gain": "growth",
    "gained": "growth", "jump": "growth", "jumped": "growth", "expand": "growth", "expanded": "growth",
    "change": "growth", "changed": "growth", "shrink": "decline", "shrank": "decline", "shrunk": "decline",
    "contract": "decline", "contracted": "decline", "dropped": "decline", "declined": "decline", "slump": "decline",
    "decreased": "decline", "slowed": "decline", "dip": "decline", "dipped": "decline",
    "fast": "growth", "faster": "growth", "quickly": "growth",
    "pace": "growth", "surge": "growth", "surged": "growth", "climb": "growth", "climbed": "growth",
    "proportion": "share", "portion": "share", "percentage": "share", "accounted": "share", "account": "share",
    "accounts": "share", "slice": "share", "fraction": "share",
    "statistics": "data", "stats": "data", "figures": "figures",
    "avg": "average",
    "worth": "value", "valued": "value", "amount": "value", "total": "total", "totals": "total", "sum": "total",
    "contributed": "contribution", "contribute": "contribution", "contributing": "contribution",
    "drove": "contribution", "pts": "points", "pp": "points",
    "many": "count",
    "forecast": "forecast", "forecasts": "forecast", "projection": "forecast", "outlook": "forecast",
    "expected": "forecast", "expect": "forecast", "prediction": "forecast", "predict": "forecast",
    "dec": "december", "december's": "december", "monthly": "december",
    "firms": "enterprises", "companies": "enterprises", "company": "enterprises", "firm": "enterprises",
    "enterprise": "enterprises", "businesses": "enterprises", "business": "enterprises",
    "privately-owned": "private", "privately": "private",
    "hainan's": "hainan", "china's": "china", "chinese": "china", "prc": "china", "beijing's": "beijing",
    "asean's": "asean", "eu's": "eu",
    "robots'": "robots", "aircon": "air", "countries": "countries", "nations": "countries", "country": "countries",
    "economies": "countries", "partner": "partners",
}  # fmt: skip

# Words that carry no subject: question words, fillers, politeness. Never a reason to decline.
STOPWORDS = frozenset(
    """
    a an the of to in on at for from by with and or vs versus about as is are was were be been being do does did
    what whats what's which who whom whose when where why how this that these those it its it's i me my we our
    you your he she they them their there here please pls plz thanks thank tell show give get got find know let
    lets let's can could would should will shall may might must any some much more most than then so also just
    really actually exactly overall whole entire full latest recent current currently figure figures stat
    number info information numbers detail details say said says according official officially
    quick question q re hi hey hello yo ok okay dear bot tradebot mate team folks guys all
    like look looking need want wanted wondering curious did over last past during since year years year's yr
    level levels size big large rate rates per what's was has have had reach reached come came go went see
    compared compare versus vs against relative respect regarding re about around approximately roughly
    """.split()
)

# Words that say what kind of figure is wanted. Canonical forms (after WORDS) only.
GROWTH_WORDS = frozenset({"growth", "yoy", "%", "decline", "drop", "fall", "fell", "decrease"})
SHARE_WORDS = frozenset({"share", "weight"})
COUNT_WORDS = frozenset({"count"})
VALUE_WORDS = frozenset({"value", "volume", "total", "trillion", "billion", "yuan", "rmb", "dollars", "usd", "cny"})
RANK_WORDS = frozenset(
    {
        "rank",
        "ranking",
        "ranked",
        "largest",
        "biggest",
        "top",
        "position",
        "leading",
        "second-largest",
        "third-largest",
        "place",
        "where",
    }
)
CONTRIBUTION_WORDS = frozenset({"contribution", "points"})
FORECAST_WORDS = frozenset({"forecast", "2026"})

# Words about trade in general: they rank figures but never identify a subject on their own.
GENERIC = frozenset(
    {
        "china", "trade", "trading", "foreign", "goods", "merchandise", "exports", "imports", "total", "value",
        "growth", "share", "count", "2025", "yoy", "%", "points", "contribution", "products", "product", "volume",
        "overall", "trillion", "billion", "yuan", "rmb", "dollars", "usd", "cny", "customs",
        "record", "high", "new", "import", "export", "gacc", "abroad", "national", "nationwide", "country",
    }
)  # fmt: skip

# Everyday words of questions that name no subject: never matched, never a reason to decline.
FLUFF = frozenset(
    """
    perform performed performance doing done fare fared happen happened happening status situation trend trends
    picture summary summarize summarise breakdown highlight highlights key main biggest largest top headline update
    updates news result results outcome outcomes good bad well strong weak strength weakness briefly brief short
    answer answers question questions explain describe tell told mention mentioned stated state states briefing
    press conference speaker speakers spokesperson minister wang jun lyu daliang officials official quote quotes
    source cite citation exact precise approximately approx estimate estimated comparison compared breakdown
    far much many much total year's yearly annual full-year whole-year fy 2025's performing track record go
    going went hit hits reach reached reaching end ended ending close closed register registered recorded record
    did does do doing something anything everything thing things stuff lot lots bit kind sort type types
    important notable interesting significant major there's here's that's it's what's who's how's
    set row rows etc thx thanks ty cheers again actual actually article report scio gacc add added adding pass
    passed cross crossed joined join approved approve handle handled coverage covered hot exceed exceeded
    surpass surpassed top topped show shows showed reported latest quick quickly roughly per via vs
    please kindly anyone someone remind reminder recap rundown overview alone only solely separately now
    currently still yet bigger larger higher smaller lower para paragraph lede slide deck chart note piece
    """.split()
)

# Everyday words that occur in subjects ("largest export market", "first ten months") but never, on their own, say
# which figure a question is about. They still rank figures, weakly; they never restrict the search to them.
WEAK = frozenset(
    """
    keep kept side sides through own end type types front hard deal deals back part parts place way other others
    same different each every whole line case cases form forms kind set operation operations window advanced war
    day days today morning evening week weekend first second third last
    market markets context customs cross
    """.split()
)

# Subjects a trade question may name that this knowledge does not hold. A question naming one is declined even
# when it also names something we know ("steel exports to ASEAN"), so no figure for another subject answers it.
UNHELD = frozenset(
    """
    steel aluminium aluminum copper coal gas lng natural soybean soybeans soy corn maize wheat rice pork beef meat
    chicken poultry sugar coffee cocoa tea cotton textile textiles apparel clothing shoes footwear furniture
    smartphone smartphones phone phones iphone iphones laptop laptops semiconductor rare earth earths gold silver
    timber lumber paper plastic plastics fertilizer fertiliser lithium-ore wine whisky beer tobacco
    gdp inflation cpi ppi deflation unemployment jobs employment wage wages salary exchange currency currencies
    renminbi forex interest mortgage bond bonds stock stocks shares equity equities index nasdaq dow bitcoin crypto
    cryptocurrency ethereum fdi pmi unctad surplus deficit balance debt reserves sanction sanctions tariff tariffs
    weather rain football soccer movie music joke jokes recipe
    """.split()
)

QUARTER_WORDS = {"q1", "q2", "q3", "q4", "quarter", "quarterly", "h1", "h2"}
MONTHS = (
    "january february march april may june july august september october november".split()
    + "jan feb apr jul aug sep sept oct nov".split()  # not "mar", "jun": Mar., Wang Jun
)
