"""Settings, read once from the environment and validated at start-up.

The entry point puts ``.env`` into the environment first (``bot.envfile``). An empty value, in the environment
or in ``.env``, means "not set": ``cp .env.example .env`` leaves every variable as if it were absent, and so does
``docker run --env-file .env``.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.database_url import check_database_url
from bot.kb.loader import DEFAULT_KNOWLEDGE_DIR

DEFAULT_DATABASE_URL = "sqlite:///data/tradebot.sqlite3"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the variable."""


class Settings(BaseSettings):
    """Every setting tradebot reads. ``.env.example`` documents each variable and when it is needed."""

    # No env_file: bot.envfile has already read .env, once, so a bad line is reported once.
    model_config = SettingsConfigDict(env_ignore_empty=True, extra="ignore")

    slack_bot_token: str | None = Field(default=None, description="xoxb- token; needed for Slack in both modes.")
    slack_app_token: str | None = Field(default=None, description="xapp- token; needed for Socket Mode.")
    slack_signing_secret: str | None = Field(default=None, description="Needed for HTTP mode.")
    slack_api_url: str = Field(default="https://slack.com/api/", description="Web API base URL.")
    slack_timeout_seconds: int = Field(
        default=10, ge=1, le=29, description="Per-call Web API timeout; under the SDK default of 30 s."
    )
    # The :mag: reaction on a question goes up only if its answer is not posted within this many seconds (0: on
    # every question, at once); most answers take well under a second, and each reaction costs two API calls.
    working_reaction_after_seconds: float = Field(default=1.0, ge=0, le=30)

    database_url: str = DEFAULT_DATABASE_URL
    # Several processes: how long a process may go without renewing the lease on a question it is answering
    # before another takes the question over, and how often each process renews its leases and looks for
    # expired ones; how often each process's scheduler looks for due posts.
    event_lease_seconds: float = Field(default=20.0, ge=2, le=600)
    lease_sweep_seconds: float = Field(default=5.0, gt=0, le=60)
    # A process that takes over a question another died on looks first, with one conversations.replies or
    # conversations.history call, for the reply that process may have posted (each reply carries its question's
    # id in its metadata), and posts only if none is there. Off: no history call, and a question whose reply was
    # posted just before its process died is answered twice (README, "Answered once").
    takeover_lookup: bool = True
    schedule_tick_seconds: float = Field(default=20.0, gt=0, le=3600)
    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    # Replies to this many distinct messages are remembered by each process (0: none); the knowledge base does
    # not change while it runs.
    answer_cache_size: int = Field(default=1024, ge=0, le=100_000)
    # A follow-up ("and imports?") is read against the last question of its Slack thread for this many hours, and
    # against the last one in the bot's direct-message channel for this many minutes.
    conversation_thread_hours: float = Field(default=24.0, gt=0, le=24 * 30)
    conversation_dm_minutes: float = Field(default=30.0, gt=0, le=24 * 60)
    log_level: str = "INFO"

    # A standing subscription created at start-up, for operators (see the scheduling docs).
    digest_channel: str | None = None
    digest_schedule: str | None = None
    digest_topic: str | None = None
    digest_timezone: str = "UTC"
    # Caps on /trade subscribe: subscriptions in one channel, and made by one user in all channels. A channel rarely
    # needs more than a digest or two (five can still post five times an hour); the user's cap counts every
    # channel, so one person cannot fill many channels either.
    subscriptions_per_channel: int = Field(default=5, ge=1, le=1000)
    subscriptions_per_user: int = Field(default=10, ge=1, le=10_000)
    # The question log and feedback (docs/learning.md): recording can be turned off; rows are kept this many days;
    # users are counted by a salted hash of their Slack id (unset: a random salt kept in the database).
    question_log_enabled: bool = True
    question_log_days: int = Field(default=30, ge=1, le=3650)
    question_log_salt: str | None = None
    # Slack user ids (comma-separated) who see the curator's summary on the Home tab.
    admin_user_ids: str = ""
    # The weekly curator's report, posted by the scheduler to this channel (unset: none).
    report_channel: str | None = None
    report_schedule: str = "weekly mon 09:00"
    report_timezone: str = "UTC"

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"{value!r} is not a log level; use one of {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("database_url")
    @classmethod
    def _database_url_shape(cls, value: str) -> str:
        return check_database_url(value.strip())

    @field_validator("admin_user_ids")
    @classmethod
    def _admin_ids_shape(cls, value: str) -> str:
        ids = [part.strip() for part in value.split(",") if part.strip()]
        bad = [i for i in ids if not SLACK_USER_ID.match(i)]
        if bad:
            raise ValueError(f"{len(bad)} value(s) are not Slack user ids (U0123ABCD), comma-separated")
        return ",".join(ids)

    @field_validator("question_log_salt", "report_channel")
    @classmethod
    def _blank_optional(cls, value: str | None) -> str | None:
        return _blank_is_unset(value)

    @property
    def admins(self) -> frozenset[str]:
        """The user ids in ADMIN_USER_IDS."""
        return frozenset(i for i in self.admin_user_ids.split(",") if i)

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: str | None) -> str | None:
        return _token(value, "xoxb-")

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: str | None) -> str | None:
        return _token(value, "xapp-")

    @field_validator("slack_signing_secret")
    @classmethod
    def _secret_shape(cls, value: str | None) -> str | None:
        return _blank_is_unset(value)

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_shape(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _sweep_renews_in_time(self) -> Settings:
        # A live process renews its leases every sweep; two sweeps must fit in a lease, or a slow but live
        # process could have its question taken over and answered twice.
        if self.lease_sweep_seconds * 2 > self.event_lease_seconds:
            raise ValueError("LEASE_SWEEP_SECONDS must be at most half of EVENT_LEASE_SECONDS")
        return self

    @property
    def slack_configured(self) -> bool:
        """True when a bot token is set, so the main job is the Slack bot rather than the terminal chat."""
        return bool(self.slack_bot_token)

    def require(self, *names: str) -> None:
        """Raise SettingsError naming the first of ``names`` (field names) that is not set."""
        for name in names:
            if not getattr(self, name):
                raise SettingsError(f"{name.upper()} is not set; see .env.example")


# What each Slack token prefix is, so a token pasted into the wrong variable is named for what it is.
TOKEN_KINDS = {
    "xoxb-": "a bot token (xoxb-…)",
    "xapp-": "an app-level token (xapp-…)",
    "xoxp-": "a user token (xoxp-…)",
    "xoxe": "a refresh or configuration token (xoxe…)",
}
# Real bot tokens are about 55 characters and app-level tokens about 95: anything this short was cut when copied.
MIN_TOKEN_LENGTH = 24


def _blank_is_unset(value: str | None) -> str | None:
    """``None`` for a value of only white space (``KEY=  `` in .env), else the value without surrounding space."""
    if value is None or not value.strip():
        return None
    return value.strip()


def _token(value: str | None, prefix: str) -> str | None:
    # The message never echoes the value: it may be a real secret pasted into the wrong variable. The caller
    # prefixes the variable's name.
    value = _blank_is_unset(value)
    if value is None:
        return None
    wanted = TOKEN_KINDS[prefix]
    if not value.startswith(prefix):
        found = next((kind for start, kind in TOKEN_KINDS.items() if value.startswith(start)), None)
        what = f"this is {found}" if found else "this is not a Slack token"
        raise ValueError(f"{wanted} is needed here, but {what}; see docs/slack-setup.md")
    if any(c.isspace() for c in value):
        raise ValueError(f"white space inside the value; copy {wanted} again, in one piece")
    if len(value) < MIN_TOKEN_LENGTH:
        raise ValueError(
            f"too short ({len(value)} characters) for {wanted}, which has about 50 or more: it was probably cut "
            "when copied"
        )
    return value


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment and ``.env``; raise SettingsError naming the bad variable."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        messages = []
        for error in exc.errors():
            variable = ".".join(str(p) for p in error["loc"]).upper()
            message = error["msg"].removeprefix("Value error, ")
            messages.append(f"{variable}: {message}" if variable else message)  # checks across variables name them
        raise SettingsError("; ".join(messages)) from None
