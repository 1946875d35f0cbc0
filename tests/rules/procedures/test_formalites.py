"""CPC 658 and 659 letters: which are owed, and by when (first jour ouvrable after)."""

from __future__ import annotations

from datetime import date

from clerc.rules.procedures.formalites import formalites_dues, premier_jour_ouvrable_suivant


def test_premier_jour_ouvrable_suivant() -> None:
    # Saturday is a jour ouvrable: Friday 6 March 2026 -> Saturday 7 March.
    assert premier_jour_ouvrable_suivant(date(2026, 3, 6), "75") == date(2026, 3, 7)
    # Saturday 4 April 2026: Sunday 5 (Easter), Monday 6 (Easter Monday, C. trav. L3133-1)
    # -> Tuesday 7 April.
    assert premier_jour_ouvrable_suivant(date(2026, 4, 4), "75") == date(2026, 4, 7)
    # Thursday 24 December 2026 in Strasbourg: 25 and 26 December are holidays there
    # (L3134-13), Sunday 27 -> Monday 28; in Paris the 26th (Saturday) is ouvrable.
    assert premier_jour_ouvrable_suivant(date(2026, 12, 24), "67") == date(2026, 12, 28)
    assert premier_jour_ouvrable_suivant(date(2026, 12, 24), "75") == date(2026, 12, 26)


def test_une_lettre_par_signification_non_faite_a_personne() -> None:
    significations = [
        ("pv_saisie", date(2026, 3, 2), "personne"),  # in person: no letter
        ("denonciation", date(2026, 3, 6), "domicile"),  # CPC 655 -> 658
        ("commandement", date(2026, 4, 4), "659"),  # PV de recherches infructueuses -> 659
    ]
    dues = formalites_dues(significations, [], "75")
    assert [(d.formalite.code, d.apres, d.date_limite) for d in dues] == [
        ("lettre_cpc_658", "denonciation", date(2026, 3, 7)),
        ("lettre_cpc_659", "commandement", date(2026, 4, 7)),
    ]
    assert dues[1].formalite.sanction is not None
    assert dues[1].formalite.sanction.article == "CPC 659 al. 2"
    # A letter sent before the service does not answer it; one sent the same day does.
    assert len(formalites_dues(significations, [("lettre_cpc_658", date(2026, 3, 5))], "75")) == 2
    assert len(formalites_dues(significations, [("lettre_cpc_658", date(2026, 3, 6))], "75")) == 1
