# tradebot: the Slack bot in Socket Mode (SLACK_APP_TOKEN set) or over HTTP (otherwise, or TRADEBOT_MODE=http),
# gunicorn with one or more uvicorn worker processes. docker-compose.yml runs it with PostgreSQL and a proxy.
#   docker build -t tradebot .
#   docker run --env-file .env tradebot                                   # Socket Mode: no port
#   docker run -p 3000:3000 --env-file .env -e WORKERS=2 -e DATABASE_URL=postgresql+psycopg://… tradebot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies and code first; the knowledge data changes more often, so it gets its own layer after them.
# The versions are pyproject.toml's: pinning them again here would be a second list to keep in step.
COPY pyproject.toml README.md ./
COPY bot ./bot
# hadolint ignore=DL3013
RUN pip install --no-cache-dir .
COPY knowledge ./knowledge

RUN useradd --create-home --uid 10001 tradebot && mkdir -p /app/data && chown 10001 /app/data
USER 10001

# The knowledge is not inside the installed package; SQLite (one worker) lives in /app/data, a volume in
# production. With WORKERS > 1 set DATABASE_URL to PostgreSQL.
ENV KNOWLEDGE_DIR=/app/knowledge \
    DATABASE_URL=sqlite:////app/data/tradebot.sqlite3 \
    WORKERS=1 \
    PORT=3000 \
    TRADEBOT_MODE=""
VOLUME ["/app/data"]
EXPOSE 3000

# Liveness, not readiness: /healthz answering at all (200, or 503 during a database outage the bot rides out)
# is healthy, so a database outage does not get every bot restarted. In Socket Mode no port is open.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "-m", "bot.server.probe"]

# exec: tradebot (gunicorn's master) is PID 1 and gets SIGTERM from `docker stop`, to stop its workers gracefully.
# Without TRADEBOT_MODE the mode follows SLACK_APP_TOKEN, as `tradebot run` does outside a container.
CMD ["sh", "-c", "exec tradebot run ${TRADEBOT_MODE:+--$TRADEBOT_MODE} --host 0.0.0.0 --port \"${PORT}\" --workers \"${WORKERS}\""]
