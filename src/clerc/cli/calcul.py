"""`clerc calcul <sujet>`: the legal computations, readable table or `--json` (stable contract).

Each subject lives in its own module ``calcul_<sujet>.py`` that registers its command on
``calcul_app``; they are imported at the bottom of this module.
"""

from __future__ import annotations

import typer

calcul_app = typer.Typer(
    help="Calculs juridiques : intérêts, décompte, quotité saisissable, SBI, délais, tarif.",
    no_args_is_help=True,
)

# Registration of the subjects (import for side effect: each adds its command).
from clerc.cli import (  # noqa: E402, F401
    calcul_delai,
    calcul_interets,
    calcul_remunerations,
    calcul_tarif,
)
