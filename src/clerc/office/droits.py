"""What each role of the office may do: one table, read by the services and the web office.

The roles are those of :data:`clerc.office.models.etude.ROLES`. The table follows how an office
shares the work (choices, documented in docs/web.md):

- only the commissaire de justice signs and serves acts: he is the public officer who draws
  them up and answers for them (ordonnance n° 2016-728 du 2 juin 2016, art. 1er; CPCE L122-1);
- paying third-party funds out commits the office's liability for them (C. com. R444-56 on the
  payout delay): commissaire de justice and clerc gestionnaire only;
- a stagiaire learns on the files: he reads them and drafts acts, but posts no money;
- the administrateur manages users and local parameters, and may read the files;
- a créancier-client only reads its own files (and the API answers it the same way).
"""

from __future__ import annotations

from clerc.office.models.etude import ROLES

# capability -> roles allowed. French capability names, as they appear in refusals.
DROITS: dict[str, frozenset[str]] = {
    "lire_dossiers": frozenset(ROLES),
    "lire_tous_dossiers": frozenset(ROLES) - {"creancier_client"},
    "ouvrir_dossier": frozenset(
        {"commissaire_justice", "clerc_gestionnaire", "clerc_assistant", "administrateur"}
    ),
    "importer": frozenset({"commissaire_justice", "clerc_gestionnaire", "administrateur"}),
    "rediger_acte": frozenset(
        {"commissaire_justice", "clerc_gestionnaire", "clerc_assistant", "stagiaire"}
    ),
    "signer_acte": frozenset({"commissaire_justice"}),
    "joindre_document": frozenset(
        {"commissaire_justice", "clerc_gestionnaire", "clerc_assistant", "stagiaire"}
    ),
    "enregistrer_paiement": frozenset(
        {"commissaire_justice", "clerc_gestionnaire", "clerc_assistant"}
    ),
    "reverser": frozenset({"commissaire_justice", "clerc_gestionnaire"}),
    "conduire_procedure": frozenset(
        {"commissaire_justice", "clerc_gestionnaire", "clerc_assistant"}
    ),
    "gerer_utilisateurs": frozenset({"administrateur"}),
    "gerer_parametres": frozenset({"administrateur", "commissaire_justice"}),
    "lire_journal": frozenset({"administrateur", "commissaire_justice"}),
    # Training mode (issue 7): every member of the office may train; the trainers (who
    # follow a group and see the engine's solutions) are those who supervise the clercs.
    "se_former": frozenset(ROLES) - {"creancier_client"},
    "former": frozenset({"commissaire_justice", "clerc_gestionnaire", "administrateur"}),
}

LIBELLES_DROITS = {
    "lire_dossiers": "consulter les dossiers",
    "lire_tous_dossiers": "consulter tous les dossiers de l'étude",
    "ouvrir_dossier": "ouvrir un dossier",
    "importer": "importer des dossiers",
    "rediger_acte": "rédiger un acte",
    "signer_acte": "signer un acte",
    "joindre_document": "joindre un document au dossier",
    "enregistrer_paiement": "enregistrer un paiement",
    "reverser": "reverser des fonds au créancier",
    "conduire_procedure": "conduire une procédure",
    "gerer_utilisateurs": "gérer les utilisateurs",
    "gerer_parametres": "gérer les paramètres",
    "lire_journal": "consulter le journal d'audit",
    "se_former": "suivre le mode formation",
    "former": "encadrer la formation (groupes de stagiaires, solutions)",
}


def peut(role: str, droit: str) -> bool:
    """True when ``role`` holds ``droit`` (an unknown capability is a programming error)."""
    return role in DROITS[droit]


def droits_du_role(role: str) -> frozenset[str]:
    return frozenset(droit for droit, roles in DROITS.items() if role in roles)
