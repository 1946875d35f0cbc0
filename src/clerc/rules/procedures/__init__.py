"""Enforcement procedures as data (``declarations/*.yaml``) and their interpreter."""
