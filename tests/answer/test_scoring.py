"""The scoring function: named features, weights kept as data, agreement on every slot, the threshold."""

from __future__ import annotations

import tomllib

import pytest

from bot.answer.engine import Engine
from bot.answer.features import CONFLICTS, NAMES, Features, agrees, features
from bot.answer.scoring import SCORING, Scored, Scoring, load_scoring

B = "scio-2026-01-14/"


def scored(engine: Engine, text: str, indicator: str) -> Scored:
    """The features and score of one figure for one question, whether or not it is a candidate."""
    asked = engine.asked(engine.read(text))
    profile = next(p for p in engine.profiles if p.entry.uid == B + indicator)
    found = features(asked, profile, engine.index)
    return Scored(profile=profile, features=found, score=engine.scoring.total(found))


def test_every_feature_has_a_weight_in_the_data_file() -> None:
    with SCORING.open("rb") as handle:
        data = tomllib.load(handle)
    assert set(data["weights"]) == set(NAMES) == set(Features._fields)
    assert set(CONFLICTS) <= set(NAMES)
    assert data["answer_at"] > data["related_at"]


def test_a_weight_missing_or_misspelt_is_an_error() -> None:
    good = load_scoring().model_dump()
    good["weights"]["subjekt"] = good["weights"].pop("subject")
    with pytest.raises(ValueError):
        Scoring.model_validate(good)


def test_the_score_is_the_sum_of_weighted_features() -> None:
    scoring = load_scoring()
    found = Features(subject=1.0, flow=-1.0, headline=1.0)
    weights = scoring.weights
    assert scoring.total(found) == pytest.approx(weights.subject - weights.flow + weights.headline)
    assert [name for name, _ in scoring.parts(found)][0] == "subject"  # the largest part first
    assert scoring.worst_conflict(found) == "flow"
    assert scoring.worst_conflict(Features(subject=1.0)) is None


def test_a_figure_agrees_only_when_no_slot_contradicts() -> None:
    assert agrees(Features(subject=1.0, period=-0.3))  # a sub-period nobody asked for is a mild preference
    assert not agrees(Features(subject=1.0, period=-1.0))
    assert not agrees(Features(subject=1.0, entity=-1.0))


@pytest.mark.parametrize(
    ("text", "indicator", "feature", "value"),
    [
        ("how fast did exports to ASEAN grow?", "asean-trade-2025", "topic", 1.0),
        ("how fast did exports to ASEAN grow?", "asean-trade-2025", "flow", -1.0),  # the total is not the exports
        ("how fast did trade with ASEAN grow?", "asean-trade-2025", "flow", 1.0),
        ("how fast did exports to ASEAN grow?", "asean-trade-2025", "measure", 1.0),
        ("how much did China import from the EU?", "eu-high-tech-import-source-rank", "measure", -1.0),  # no rank
        ("metal ore import volume", "metal-ore-imports-volume-growth", "measure", -0.5),  # "volume" may ask this
        ("how fast did exports to the EU grow?", "asean-trade-2025", "topic", -1.0),
        ("imports from Latin America", "latin-america-machinery-exports-growth", "flow", -1.0),
        ("total trade in US dollars", "total-trade-2025", "currency", -1.0),
        ("total trade in 2024", "total-trade-2025", "period", -1.0),
        ("december imports", "december-imports-growth", "period", 1.0),
        ("trade with India", "total-trade-2025", "entity", -1.0),
        ("lithium batteries on their own", "green-trio-exports-growth", "alone", -1.0),
        ("lithium battery exports", "green-trio-exports-growth", "group", -0.5),
        ("guangdong trade", "major-provinces-trade-2025", "group", -1.0),  # a place is not its group
        ("EVs, lithium batteries and solar panels as a group", "green-trio-exports-growth", "group", 0.5),
        ("what was the trade surplus", "exports-2025", "measure", -1.0),
        ("exports", "asean-trade-2025", "extra", -1.0),  # no subject named: China as a whole
        ("total trade 2025 compared with 2020", "total-trade-2025-vs-2020", "comparison", 1.0),
        ("according to US statistics, trade with China", "us-trade-us-statistics", "source", 1.0),
        ("partners with trade over 1 trillion", "partners-over-1-trillion", "amount", 1.0),
        ("what did Lyu Daliang say about EU trade", "eu-trade-2025", "speaker", 1.0),
        ("hainan casinos", "hainan-trade-since-launch", "unmatched", -1.0),
        # A whole group's figure is not that of another subject named with it.
        ("number of private trading firms", "trading-entities-count", "topic", -1.0),
        ("how many companies exhibited at the eighth CIIE?", "trading-entities-count", "topic", -1.0),
        ("how many foreign trade companies are there", "trading-entities-count", "topic", 1.0),
        # Crude is goods: the tonnage of all bulk commodities is no crude figure.
        ("how many tonnes of crude did china import", "bulk-commodity-imports-2025", "extra", -1.0),
        # What dragged a figure down asks for the subject: the drag of crude and iron ore prices names it.
        ("what dragged imports down?", "commodity-prices-drag-on-import-growth", "extra", 0.0),
        ("what dragged imports down?", "crude-oil-iron-ore-import-price-drop", "extra", -1.0),
        # A terse message naming only what one figure measures asks that figure; a longer one asking China's
        # overall import prices does not.
        ("price drop?", "crude-oil-iron-ore-import-price-drop", "extra", -0.5),
        (
            "by how much did China's overall import prices fall in 2025?",
            "crude-oil-iron-ore-import-price-drop",
            "extra",
            -1.0,
        ),
    ],
)
def test_features(engine: Engine, text: str, indicator: str, feature: str, value: float) -> None:
    assert getattr(scored(engine, text, indicator).features, feature) == pytest.approx(value)


def test_the_subject_feature_weighs_rare_words(engine: Engine) -> None:
    specific = scored(engine, "lithium battery exports", "lithium-battery-exports-growth").features
    broad = scored(engine, "lithium battery exports", "electric-forklift-exports-growth").features
    assert specific.subject == pytest.approx(1.0) and broad.subject < specific.subject


def test_a_threshold_of_its_own_changes_what_is_declined(engine: Engine) -> None:
    strict = Engine(engine.kb, cache_size=0, scoring=engine.scoring.model_copy(update={"answer_at": 1e6}))
    assert engine.ask("how fast did trade with ASEAN grow?").answered
    assert not strict.ask("how fast did trade with ASEAN grow?").answered
