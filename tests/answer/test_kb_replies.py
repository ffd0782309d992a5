"""Replies built straight from the knowledge base: built once, forgotten when the knowledge base grows."""

from __future__ import annotations

import dataclasses

from bot.answer.kb_replies import key_answers, topic_reply
from bot.kb.base import KnowledgeBase


def test_key_figures_and_topic_replies_are_built_once(knowledge: KnowledgeBase) -> None:
    # A knowledge base of its own over the same entries, so the shared fixture is left alone.
    kb = KnowledgeBase(briefings=dict(knowledge.briefings), transcripts=dict(knowledge.transcripts))
    for entry in knowledge.entries:
        kb.add(entry)
    kb.add_topics(tuple(knowledge.topics))

    key = key_answers(kb)
    assert key and key_answers(kb) is key
    asean = topic_reply(kb, "asean")
    assert asean is not None and topic_reply(kb, "asean") is asean
    assert asean.answers[0].topic == "asean"

    kb.add(dataclasses.replace(knowledge.entries[0], uid="test/extra"))
    rebuilt = key_answers(kb)  # forgotten, then built again with the new entry (a copy of a key figure)
    assert rebuilt is not key and rebuilt[:-1] == key and rebuilt[-1].id == "test/extra"
    assert topic_reply(kb, "asean") is not asean


def test_unknown_topics_are_not_remembered(knowledge: KnowledgeBase) -> None:
    before = len(knowledge._derived)
    for n in range(50):
        assert topic_reply(knowledge, f"no-such-topic-{n}") is None
    assert len(knowledge._derived) == before
