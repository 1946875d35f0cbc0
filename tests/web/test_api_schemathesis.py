"""The creditors' API fuzzed by schemathesis from its own OpenAPI document: whatever a client
sends, valid for the schema or not, no server error, and every answer conforms to the
document (status code, content type, body schema); without the token, 401.

Every operation is tried with a valid token of creditor 1 of the demo office, with data the
schema accepts (the files read are one of the creditor's real files, so that its reading and
its décompte are fuzzed too, not only the 404) and with data it refuses. Deterministic
(derandomised Hypothesis) and offline (the ASGI application is called in process).

Schemathesis's own pytest integration (``schema.parametrize``) does not run under pytest 9
(it sets ``Function._nodeid``, gone from pytest): the operations' Hypothesis strategies are
used directly (``as_strategy``), as its documentation shows for non-schemathesis tests.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office.models import Dossier
from clerc.office.services import utilisateurs
from clerc.office.services.etudes import contexte

CREANCIER = 1
EXEMPLES = 25
OPERATIONS = [
    ("GET", "/api/moi"),
    ("GET", "/api/dossiers"),
    ("POST", "/api/dossiers"),
    ("GET", "/api/dossiers/{reference}"),
    ("GET", "/api/dossiers/{reference}/decompte"),
]
VERIFICATIONS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    ignored_auth,
]


@pytest.fixture
def schema_api(app_web: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/api/openapi.json", app_web)


def test_le_document_openapi_decrit_toutes_les_operations_fuzzees(
    schema_api: schemathesis.BaseSchema,
) -> None:
    decrites = {
        (operation.method.upper(), operation.path)
        for operation in (r.ok() for r in schema_api.get_all_operations())
    }
    assert decrites == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("methode", "chemin"), OPERATIONS)
def test_l_api_fuzzee_ne_rend_jamais_d_erreur_serveur(
    app_web: FastAPI,
    schema_api: schemathesis.BaseSchema,
    methode: str,
    chemin: str,
    mode: GenerationMode,
) -> None:
    moteur = app_web.state.moteur
    jeton = utilisateurs.creer_jeton(contexte(moteur, "DEMO", "test"), CREANCIER)
    entetes = {"Authorization": f"Bearer {jeton}"}
    fixes: dict[str, Any] = {}
    if "{reference}" in chemin and mode is GenerationMode.POSITIVE:
        with Session(moteur) as session:
            fixes["path_parameters"] = {
                "reference": session.scalar(
                    select(Dossier.reference)
                    .where(Dossier.creancier_id == CREANCIER)
                    .order_by(Dossier.reference.desc())
                )
            }
    operation = schema_api[chemin][methode]
    cas = operation.as_strategy(generation_mode=mode, **fixes)
    if mode is GenerationMode.POSITIVE:  # the document's examples too (a file that opens)
        cas = st.one_of(cas, *schema_api.get_strategies_from_examples(operation))

    @given(case=cas)
    @settings(
        max_examples=EXEMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def essayer(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=entetes, checks=VERIFICATIONS)

    essayer()
