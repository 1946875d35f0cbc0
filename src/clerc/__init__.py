"""clerc: open-source software for French offices of commissaires de justice."""

__version__ = "0.1.0"
