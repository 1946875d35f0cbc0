"""Accessibility of the main pages, checked by axe-core 4.14.1 (Deque, MPL-2.0, vendored in
tests/e2e/vendor from the npm registry: no download at run time) in Chromium: no WCAG 2.x A
or AA violation (labels, contrast, names of links and buttons, landmarks, table headers...).

The check needs its script injected into the page, which the office's Content-Security-Policy
forbids: this test's browser context bypasses the CSP (the other end-to-end tests keep it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_parcours import se_connecter

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
PAGES_PUBLIQUES = [
    "/connexion",
    "/calculettes",
    "/calculettes/delai?depuis=2025-12-18&duree=8+jours&territoire=67",
]
PAGES_DU_CLERC = [
    "/",
    "/dossiers",
    "/dossiers/2026-000003",
    "/dossiers/2026-000003/fonds",
    "/dossiers/2026-000003/actes",
    "/dossiers/nouveau",
    "/fonds",
    "/import",
    "/parametres",
    "/parametres/textes",
    "/repertoire",
]


def _violations(page: Any, chemin: str) -> list[str]:
    page.goto(chemin)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    resultats = page.evaluate(
        """async () => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            });
            return {
                passes: r.passes.length,
                violations: r.violations.map(v => v.id + ' (' + v.impact + ') : '
                    + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')),
            };
        }"""
    )
    assert resultats["passes"] >= 10, f"{chemin} : axe-core n'a presque rien vérifié"
    return [f"{chemin} : {v}" for v in resultats["violations"]]


@pytest.fixture
def onglet_sans_csp(navigateur: Any, adresse_serveur: str) -> Any:
    contexte = navigateur.new_context(base_url=adresse_serveur, locale="fr-FR", bypass_csp=True)
    page = contexte.new_page()
    page.set_default_timeout(15_000)
    yield page
    contexte.close()


def test_les_pages_principales_n_ont_aucune_violation_wcag(onglet_sans_csp: Any) -> None:
    page = onglet_sans_csp
    violations = [v for chemin in PAGES_PUBLIQUES for v in _violations(page, chemin)]
    se_connecter(page, "demo-commissaire")
    violations += [v for chemin in PAGES_DU_CLERC for v in _violations(page, chemin)]
    assert violations == []
