"""The web office: FastAPI + Jinja2 pages + HTMX, and the JSON API under ``/api/``."""
