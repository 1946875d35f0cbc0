"""Password hashing (argon2id, argon2-cffi), for the web office's logins.

The hasher's parameters are argon2-cffi's defaults (RFC 9106 low-memory profile: t=3,
m=64 MiB, p=4, ~0.1 s here); tests swap in the cheapest profile with :func:`hacheur_de_test`.
"""

from __future__ import annotations

import contextlib

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from clerc.rules.erreurs import DonneeInvalide

LONGUEUR_MINIMALE = 10  # ANSSI recommends 9 to 11 characters at least for a user password
_HACHEUR: list[argon2.PasswordHasher] = [argon2.PasswordHasher()]


def hacheur() -> argon2.PasswordHasher:
    return _HACHEUR[0]


def hacheur_de_test() -> None:
    """Cheap parameters (tests only): 0.1 ms instead of 100 ms per hash."""
    _HACHEUR[0] = argon2.PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)


def valider(mot_de_passe: str) -> str:
    if len(mot_de_passe) < LONGUEUR_MINIMALE:
        raise DonneeInvalide(f"Mot de passe trop court : {LONGUEUR_MINIMALE} caractères au moins.")
    return mot_de_passe


def hacher(mot_de_passe: str) -> str:
    return hacheur().hash(valider(mot_de_passe))


def verifier(empreinte: str | None, mot_de_passe: str) -> bool:
    """True when ``mot_de_passe`` matches ``empreinte``; a user without password never
    matches. A dummy verification keeps the time equal for unknown users (no user probing)."""
    if not empreinte:
        with contextlib.suppress(VerificationError, InvalidHashError):
            hacheur().verify(_EMPREINTE_FACTICE[0] or _factice(), mot_de_passe)
        return False
    try:
        return hacheur().verify(empreinte, mot_de_passe)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_EMPREINTE_FACTICE: list[str | None] = [None]


def _factice() -> str:
    empreinte = hacheur().hash("clerc-factice-0000")
    _EMPREINTE_FACTICE[0] = empreinte
    return empreinte


def a_rehacher(empreinte: str) -> bool:
    return hacheur().check_needs_rehash(empreinte)
