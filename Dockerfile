# tradebot: the Slack bot over HTTP behind gunicorn (tradebot run --http), one or more worker processes.
#   docker build -t tradebot .
#   docker run -p 3000:3000 --env-file .env -e WORKERS=2 -e DATABASE_URL=postgresql+psycopg://… tradebot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies and code first; the knowledge data changes more often, so it gets its own layer after them.
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install .
COPY knowledge ./knowledge

RUN useradd --create-home --uid 10001 tradebot && mkdir -p /app/data && chown tradebot /app/data
USER tradebot

# The knowledge is not inside the installed package; SQLite (one worker) lives in /app/data, a volume in
# production. With WORKERS > 1 set DATABASE_URL to PostgreSQL.
ENV KNOWLEDGE_DIR=/app/knowledge \
    DATABASE_URL=sqlite:////app/data/tradebot.sqlite3 \
    WORKERS=1
VOLUME ["/app/data"]
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=4).status != 200)"]

# exec: tradebot (gunicorn's master) is PID 1 and gets SIGTERM from `docker stop`, to stop its workers gracefully.
CMD ["sh", "-c", "exec tradebot run --http --host 0.0.0.0 --port 3000 --workers \"${WORKERS}\""]
