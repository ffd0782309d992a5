"""HTTP mode: the Bolt app behind gunicorn (gthread workers) through Bolt's WSGI adapter."""
