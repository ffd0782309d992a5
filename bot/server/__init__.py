"""HTTP mode: the Bolt app behind gunicorn (uvicorn workers), through the request gate (bot.server.gate)."""
