"""(to be written)"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from clerc.web.deps import verifier_csrf

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])
