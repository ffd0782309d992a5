"""The tables, as the newest schema has them (``migrations.py`` brings an older database up to this)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, MetaData, SmallInteger, String, Table, Text, false

from bot.store.types import UTCDateTime

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", String(200), nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(64), nullable=False, index=True),
    Column("creator", String(64)),  # Slack user id; None for the standing subscription from configuration
    Column("kind", String(24), nullable=False),  # daily, weekly, cron, figure-of-the-day
    Column("cron", String(120), nullable=False),  # every kind is stored as a cron expression
    Column("timezone", String(64), nullable=False),  # IANA name
    Column("topic", String(64)),  # topic id; None means the key figures
    Column("spec", String(200), nullable=False),  # the schedule as shown to users, e.g. "weekly mon 09:00"
    Column("created_at", UTCDateTime, nullable=False),
    Column("paused", Boolean, nullable=False, server_default=false()),
    Column("paused_reason", String(300)),
    Column("config_key", String(64), unique=True),  # set for subscriptions owned by configuration
    # Never reuse the id of a removed subscription: users refer to subscriptions by id.
    sqlite_autoincrement=True,
)

# One row per scheduled slot of a subscription, inserted BEFORE posting: the primary key is the lock that makes two
# processes post a slot once.
deliveries = Table(
    "deliveries",
    metadata,
    Column("subscription_id", Integer, ForeignKey("subscriptions.id", ondelete="CASCADE"), primary_key=True),
    Column("slot", UTCDateTime, primary_key=True),
    Column("status", String(16), nullable=False),  # claimed, posted, failed, skipped
    Column("owner", String(120), nullable=False),  # host:pid of the process that claimed it
    Column("claimed_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("message_ts", String(32)),
    Column("figure", String(200)),  # the entry uid posted by a figure-of-the-day subscription
    Column("error", String(500)),
)

figure_rotation = Table(
    "figure_rotation",
    metadata,
    Column("subscription_id", Integer, ForeignKey("subscriptions.id", ondelete="CASCADE"), primary_key=True),
    Column("cycle", Integer, nullable=False, server_default="1"),
    Column("shown", Text, nullable=False, server_default="[]"),  # JSON list of entry uids shown in this cycle
    Column("updated_at", UTCDateTime, nullable=False),
)

# Slack event ids already handled, so a redelivered event (or one that reached two processes) is answered once.
# While its reply is being worked on, a row is also a lease: who works on it, until when, and the verified request
# that lets another process redo the work if that one dies (``bot.store.leases``). Rows from before leases are done.
seen_events = Table(
    "seen_events",
    metadata,
    Column("event_id", String(255), primary_key=True),
    Column("seen_at", UTCDateTime, nullable=False, index=True),
    Column("status", String(16), nullable=False, server_default="done"),  # processing, done, failed
    Column("owner", String(120)),  # host:pid of the process holding the lease
    Column("lease_until", UTCDateTime),  # another process may take the work over after this
    Column("attempts", Integer, nullable=False, server_default="0"),  # take-overs so far
    Column("body", Text),  # the request body as received and verified; cleared when the work ends
    Column("content_type", String(100)),
)

# The last question of each conversation (a Slack thread, or a direct-message channel), so that a follow-up in it is
# read against it, by whichever process receives it. It holds how the question was read and which figures were
# given (JSON), never the message text; rows older than the longest context window are purged.
conversations = Table(
    "conversations",
    metadata,
    Column("key", String(255), primary_key=True),  # workspace:channel:thread
    Column("turn", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False, index=True),
)

# What people asked and how it was answered, for the curator's report (``bot.learning``). Written after the reply
# is sent; rows older than QUESTION_LOG_DAYS are purged by the scheduler. Never a name: ``user_hash`` is a salted
# hash of the Slack user id, for counting distinct users.
questions = Table(
    "questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("asked_at", UTCDateTime, nullable=False, index=True),
    Column("answer_id", String(32), index=True),  # what the reply's feedback buttons carry
    Column("user_hash", String(64)),
    Column("surface", String(16), nullable=False),  # mention, dm, slash, button
    Column("text", String(500), nullable=False),  # the question as typed, cut
    Column("outcome", String(16), nullable=False),  # answered, topic, declined
    Column("reason", String(32)),  # the engine's reason (a decline's: unknown, place, period, kind ...)
    Column("not_found", String(200)),  # what a decline did not find
    Column("reading", String(300)),  # how the question was read
    Column("indicator", String(160)),  # the top answer's indicator id
    Column("score", Float),  # the top answer's score
    sqlite_autoincrement=True,
)

# One vote per user per answer (a second press replaces it), with what the answer was, so the report needs no
# question log; purged with it.
feedback = Table(
    "feedback",
    metadata,
    Column("answer_id", String(32), primary_key=True),
    Column("user_hash", String(64), primary_key=True),
    Column("vote", SmallInteger, nullable=False),  # +1 or -1
    Column("reason", String(32)),  # a down-vote's reason: wrong_figure, wrong_speaker, not_asked, missing
    Column("outcome", String(16), nullable=False),
    Column("indicator", String(160)),
    Column("reading", String(300)),
    Column("voted_at", UTCDateTime, nullable=False, index=True),
)

# The weekly report's slots, claimed before posting so several processes post each once.
admin_reports = Table(
    "admin_reports",
    metadata,
    Column("slot", UTCDateTime, primary_key=True),
    Column("channel", String(64), nullable=False),
    Column("owner", String(120), nullable=False),
    Column("claimed_at", UTCDateTime, nullable=False),
)

# Values the bot makes once and every process must share (the user-hash salt when QUESTION_LOG_SALT is unset).
bot_state = Table(
    "bot_state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# One row, rewritten by ``/healthz``'s write probe (``bot.store.write_probe``): the database takes a write or it
# does not, which a ``SELECT 1`` cannot tell (a full disk, a read-only database).
health_probe = Table(
    "health_probe",
    metadata,
    Column("key", String(16), primary_key=True),
    Column("written_at", UTCDateTime, nullable=False),
    Column("owner", String(120), nullable=False),  # host:pid of the last process that probed
)
