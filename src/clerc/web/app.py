"""The FastAPI application of the web office: ``creer_app(moteur, cle_secrete=...)``.

Pages are server-rendered (Jinja2) with HTMX for partial updates; every asset is served from
``/static`` (no CDN; the Content-Security-Policy allows this origin only). The JSON API lives
under ``/api/`` with its OpenAPI description at ``/api/openapi.json``.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clerc.office.erreurs import ConflitConcurrent, Introuvable, OperationRefusee
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc, ParametreManquant
from clerc.web.deps import AccesRefuse, JetonCsrfInvalide, NonConnecte
from clerc.web.gabarits import page

DUREE_SESSION = 8 * 3600  # a working day; the cookie expires after it
COOKIE_SESSION = "clerc_session"
ENTETES_SECURITE = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class EntetesSecurite:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def _envoyer(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + ENTETES_SECURITE
            await send(message)

        await self.app(scope, receive, _envoyer)


def _statut(erreur: ErreurClerc) -> int:
    if isinstance(erreur, Introuvable):
        return 404
    if isinstance(erreur, ConflitConcurrent | OperationRefusee):
        return 409
    if isinstance(erreur, DonneeInvalide | ParametreManquant):
        return 422
    return 400


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _erreur(request: Request, statut: int, message: str) -> Response:
    if _api(request):
        return JSONResponse({"erreur": message}, status_code=statut)
    return page(request, "erreur.html", {"statut": statut, "message": message}, statut=statut)


def _gestionnaires(app: FastAPI) -> None:
    @app.exception_handler(NonConnecte)
    async def _non_connecte(request: Request, _erreur_: NonConnecte) -> Response:
        if _api(request):
            return JSONResponse({"erreur": "Authentification requise."}, status_code=401)
        cible = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        adresse = f"/connexion?suite={quote(cible, safe='')}"
        if request.headers.get("HX-Request") == "true":
            return Response(status_code=204, headers={"HX-Redirect": adresse})
        return RedirectResponse(adresse, status_code=303)

    @app.exception_handler(AccesRefuse)
    async def _refuse(request: Request, erreur: AccesRefuse) -> Response:
        return _erreur(request, 403, str(erreur))

    @app.exception_handler(JetonCsrfInvalide)
    async def _csrf(request: Request, _erreur_: JetonCsrfInvalide) -> Response:
        return _erreur(
            request,
            403,
            "Formulaire expiré ou d'origine inconnue (jeton CSRF absent ou invalide) : "
            "rechargez la page et recommencez.",
        )

    @app.exception_handler(ErreurClerc)
    async def _metier(request: Request, erreur: ErreurClerc) -> Response:
        return _erreur(request, _statut(erreur), str(erreur))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, erreur: StarletteHTTPException) -> Response:
        messages = {404: "Page introuvable.", 405: "Méthode non autorisée."}
        message = messages.get(erreur.status_code, str(erreur.detail))
        return _erreur(request, erreur.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, erreur: RequestValidationError) -> Response:
        if _api(request):
            return JSONResponse(
                {"erreur": "Requête invalide.", "details": _details(erreur.errors())},
                status_code=422,
            )
        return _erreur(request, 422, "Requête invalide : " + "; ".join(_details(erreur.errors())))


def _details(erreurs: Any) -> list[str]:
    return [
        f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('body', 'query'))} : "
        f"{e.get('msg', 'invalide')}"
        for e in erreurs
    ]


def creer_app(
    moteur: Engine, *, cle_secrete: str, production: bool = False, au: date | None = None
) -> FastAPI:
    """The web office on ``moteur`` (migrated), sessions signed with ``cle_secrete``; ``au``
    fixes the office's today (tests, a demo office generated at a given date)."""
    from clerc.web.routes import ROUTEURS

    app = FastAPI(
        title="clerc — API des créanciers",
        version="1",
        description=(
            "API JSON de l'étude pour les systèmes des créanciers : ouvrir des dossiers, lire "
            "leur état et leur décompte. Authentification : `Authorization: Bearer <jeton>` "
            "(un jeton par créancier, délivré par l'étude)."
        ),
        docs_url=None,  # Swagger UI and ReDoc load their assets from a CDN: not served
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.moteur = moteur
    app.state.production = production
    app.state.au = au
    app.add_middleware(
        SessionMiddleware,
        secret_key=cle_secrete,
        session_cookie=COOKIE_SESSION,
        max_age=DUREE_SESSION,
        same_site="lax",
        https_only=production,
    )
    app.add_middleware(EntetesSecurite)
    app.mount(
        "/static",
        StaticFiles(directory=str(resources.files("clerc.web") / "static")),
        name="static",
    )
    for routeur in ROUTEURS:
        app.include_router(routeur)
    _gestionnaires(app)
    return app
