"""Settings, read once from the environment and ``.env`` and validated at start-up."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.kb.loader import DEFAULT_KNOWLEDGE_DIR

DEFAULT_DATABASE_URL = "sqlite:///data/tradebot.sqlite3"


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the variable."""


class Settings(BaseSettings):
    """Every setting tradebot reads. ``.env.example`` documents each variable and when it is needed."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

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

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: str | None) -> str | None:
        return _token(value, "xoxb-", "SLACK_BOT_TOKEN")

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: str | None) -> str | None:
        return _token(value, "xapp-", "SLACK_APP_TOKEN")

    @field_validator("slack_signing_secret")
    @classmethod
    def _secret_shape(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if not value:
            raise ValueError("SLACK_SIGNING_SECRET is set but empty")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_shape(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("SLACK_API_URL must start with http:// or https://")
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


def _token(value: str | None, prefix: str, variable: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise ValueError(f"{variable} is set but empty")
    if not value.startswith(prefix) or len(value) < len(prefix) + 8 or any(c.isspace() for c in value):
        # Never echo the value: it may be a real secret pasted into the wrong variable.
        raise ValueError(f"{variable} must be a {prefix}… token")
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
