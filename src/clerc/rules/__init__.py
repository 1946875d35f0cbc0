"""Pure French enforcement law: dated parameters, money, calendar, interest, décompte, tariff.

No I/O here but reading the package's own parameter files; nothing of clerc is imported.
"""
