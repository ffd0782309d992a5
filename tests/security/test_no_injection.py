"""Property 3, no injection: what a user typed and the bot echoes (a decline's unknown words, a shared answer's
label, a subscription's topic) reaches Slack escaped, so no special mention or link the user supplied is formed."""

from __future__ import annotations

import itertools
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import RESPONSE_URL_METHOD, Call, FakeSlackApi
from tests.security.conftest import Tally

ATTACKS = (
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<!subteam^S0123ABC|@admins>",
    "<@U0ATTACKER>",
    "<@W0ATTACKER|boss>",
    "<https://evil.example|click>",
    "<http://evil.example>",
    "<mailto:a@evil.example|mail>",
    "<#C0SECRET|secret>",
    "<!date^1392734382^{date}|x>",
    "&lt;!channel&gt;",
    "<<!here>>",
)
# A special mention, channel link or URL link as Slack parses them in mrkdwn and in ``text``.
SPECIAL = re.compile(r"<\s*[!@#]|<\s*[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_names = itertools.count()


def unsafe(call: Call, allowed: tuple[str, ...] = ()) -> list[str]:
    """The special sequences in everything ``call`` shows, except the bot's own ``allowed`` ones."""
    text = call.text
    for own in allowed:
        text = text.replace(own, "")
    return SPECIAL.findall(text)


def mention_reply(bot: RunningBot, api: FakeSlackApi, text: str) -> Call:
    mention = p.app_mention(text)
    assert p.send(bot.events_url, p.event_callback(mention)).status == 200
    (reply,) = api.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == mention["ts"])
    return reply


def _path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_every_attack_is_echoed_as_inert_text(bot: RunningBot, slack_api: FakeSlackApi, tally: Tally) -> None:
    sent = replies = 0
    for attack in ATTACKS:
        for ask in (f"what about {attack}", f"{attack} exports to {attack}", f"subscribe daily 09:00 {attack}",
                    f"unsubscribe {attack}"):  # fmt: skip
            for reply in (mention_reply(bot, slack_api, ask), _trade(bot, slack_api, ask)):
                sent += 1
                replies += 1
                assert not unsafe(reply), (ask, reply.text[:500])
    tally.record("special mentions and links echoed (13 attacks x 4 phrasings x mention and /trade)",
                 sent=sent, rejected=0, replies=replies)  # fmt: skip


def _trade(bot: RunningBot, api: FakeSlackApi, text: str) -> Call:
    url = api.response_url(f"inject-{next(_names)}")
    assert p.send(bot.events_url, p.slash_command(text, response_url=url)).status == 200
    (reply,) = api.wait_for(RESPONSE_URL_METHOD, where=lambda c: c.path == _path_of(url))
    return reply


def test_a_shared_answer_names_the_sharer_and_escapes_the_question(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    answer = _trade(bot, slack_api, "asean")
    (share,) = [e for b in answer.blocks if b["type"] == "actions" for e in b["elements"] if e["action_id"] == "share"]
    value = json.loads(share["value"])
    value["q"] = "<!channel> <https://evil.example|click> <@U0ATTACKER>"
    press = p.block_actions("share", json.dumps(value), response_url=slack_api.response_url("shared"))
    assert p.send(bot.events_url, press).status == 200
    (public,) = slack_api.wait_for("chat.postMessage")
    assert f"<@{p.USER_ID}>" in public.text  # the sharer, from Slack's payload: a real mention on purpose
    assert not unsafe(public, allowed=(f"<@{p.USER_ID}>",)), public.text[:500]
    tally.record("share button with a forged question label", sent=2, rejected=0, replies=2)


WORDS = st.sampled_from(["exports", "asean", "EU", "help", "topics", "key", "2025", "lithium", "&", "<", ">", "|"])
FREE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=25)
MESSAGES = st.lists(st.one_of(st.sampled_from(ATTACKS), WORDS, FREE), min_size=1, max_size=6).map(" ".join)
EXAMPLES = 50


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MESSAGES, as_command=st.booleans())
def test_no_reply_ever_carries_a_special_mention_or_link_the_user_typed(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally, text: str, as_command: bool
) -> None:
    reply = _trade(bot, slack_api, text) if as_command else mention_reply(bot, slack_api, text)
    assert not unsafe(reply), (text, reply.text[:500])
    tally.record("hypothesis: arbitrary message text (mention or /trade)", sent=1, rejected=0, replies=1)
