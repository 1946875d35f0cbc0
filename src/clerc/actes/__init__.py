"""Acts and letters of the office: Typst and DOCX models, French text, rendering.

Presentation norms of acts: arrêté of 21 March 2023 (NOR JUSC2302471A), see
``modeles/commun.typ``. Public entry points: ``rendre_pdf``, ``rendre_docx`` (rendu.py) and the
French text helpers of texte.py.
"""

from clerc.actes.rendu import AvertissementRendu, ErreurRendu, rendre_docx, rendre_pdf

__all__ = ["AvertissementRendu", "ErreurRendu", "rendre_docx", "rendre_pdf"]
