"""French messages for the command line's own machinery (Typer and the Click code it vendors).

Our commands speak French; the parser around them (unknown option, missing argument, help
panels...) spoke English. `installer()` makes it French whatever the system locale (LANG=C in
CI): no gettext catalogue is involved, only the `FRANCAIS` dictionary below.

The Typer we install (0.29) vendors a trimmed Click (``typer._click``; no click package) whose
messages are plain English f-strings, not gettext msgids; only ``typer.core`` and
``typer.rich_utils`` call ``gettext``.
So the translation works at four levels, all keyed by the English text of Typer's source:

1. the module-level ``_`` / ``ngettext`` of the Typer modules look up `FRANCAIS`;
2. the constants of ``typer.rich_utils`` (panel titles, "[required]"...), which it reads when
   rendering, are replaced;
3. messages composed with f-strings are translated when shown: the ``format_message`` of every
   Click exception, and the ``echo`` used by the exceptions, prompts and shell completion, go
   through `traduire`, which matches the English text against each template of `FRANCAIS`;
4. a few methods are wrapped: help option text, "Usage:" prefix, headings, type labels (<int>),
   parameter names in errors (« --du »), Pydantic's validation messages.

Any text not in the dictionary stays as Typer wrote it: a new Typer message shows in English,
nothing breaks. `installer()` is idempotent and must run before the first command is built.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import importlib
import inspect
import re
import string
import sys
from collections.abc import Callable, Mapping
from typing import Any

# English template (as written in Typer's source) -> French template, same placeholders.
# Two conversions only exist in French templates: ``!g`` shows the value between « » (a repr()
# such as 'x' loses its quotes, keeping its escaping), ``!d`` names a path kind with its article.
# A gettext msgid whose French needs them is translated when shown, from the formatted text.
FRANCAIS: dict[str, str] = {
    # typer/core.py: gettext msgids.
    "(dynamic)": "(dynamique)",
    "Aborted!": "Abandon !",
    "env var: {var}": "variable d'environnement : {var}",
    "default: {default}": "défaut : {default}",
    "required": "obligatoire",
    "Arguments": "Arguments",
    "Options": "Options",
    "Commands": "Commandes",
    "Missing command.": "Commande manquante.",
    "No such command {name!r}.": "Commande {name!g} inconnue.",
    # typer/rich_utils.py: gettext msgids, kept in module constants.
    "(deprecated) ": "(obsolète) ",
    "[default: {}]": "[défaut : {}]",
    "[env var: {}]": "[variable d'environnement : {}]",
    "[required]": "[obligatoire]",
    "Error": "Erreur",
    "Aborted.": "Abandon.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Essayez [blue]« {command_path} {help_option} »[/] pour obtenir de l'aide."
    ),
    # typer/core.py: f-strings.
    "{message}. Did you mean {suggestions}?": "{message}. Vouliez-vous dire {suggestions!g} ?",
    "Choose from:\n\t{choices}": "Choisissez parmi :\n\t{choices}",
    " (env var: '{envvar}')": " (variable d'environnement « {envvar} »)",
    # typer/_click/core.py, decorators.py, formatting.py.
    "Got unexpected extra argument(s) ({extra_args})": "Argument(s) inattendu(s) : {extra_args}",
    "Show this message and exit.": "Affiche ce message et quitte.",
    "Usage: ": "Utilisation : ",
    "{heading}:": "{heading} :",
    "COMMAND [ARGS]...": "COMMANDE [ARGUMENTS]...",
    # typer/_click/exceptions.py (Missing... is f"Missing {param_type}{param_hint}.").
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Essayez « {command} {option} » pour obtenir de l'aide.",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Invalid value for {hint}: {message}": "Valeur invalide pour {hint} : {message}",
    "Missing argument{param_hint}. {message}": "Argument{param_hint} manquant. {message}",
    "Missing argument{param_hint}.": "Argument{param_hint} manquant.",
    "Missing option{param_hint}. {message}": "Option{param_hint} manquante. {message}",
    "Missing option{param_hint}.": "Option{param_hint} manquante.",
    "Missing parameter{param_hint}. {message}": "Paramètre{param_hint} manquant. {message}",
    "Missing parameter{param_hint}.": "Paramètre{param_hint} manquant.",
    "{message} (Possible options: {possibilities})": (
        "{message} Options possibles : {possibilities}."
    ),
    "No such option: {name}": "Option {name!g} inconnue.",
    "unknown error": "erreur inconnue",
    "Could not open file {filename!r}: {message}": (
        "Impossible d'ouvrir le fichier {filename!g} : {message}"
    ),
    # typer/_click/parser.py.
    "Argument {dest!r} takes {nargs} values.": "L'argument {dest!g} attend {nargs} valeurs.",
    "Option {name!r} does not take a value.": "L'option {name!g} n'accepte pas de valeur.",
    "Option {name!r} requires an argument.": "L'option {name!g} attend une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L'option {name!g} attend {nargs} valeurs.",
    # typer/_click/termui.py (prompts).
    "Error: The value you entered was invalid.": "Erreur : la valeur saisie est invalide.",
    "Error: The two entered values do not match.": (
        "Erreur : les deux valeurs saisies ne correspondent pas."
    ),
    "Error: invalid input": "Erreur : saisie invalide",
    "Repeat for confirmation:": "Saisissez à nouveau pour confirmer :",
    # typer/_coercion.py, _param_types.py, _adapters.py (values of typed parameters).
    "Value must be an iterable.": "la valeur doit être une liste.",
    "Value {value!r} is not a valid {label}.": "{value!g} n'est pas un {label} valide.",
    "{value!r} is not one of {choices}.": (
        "{value!g} ne fait pas partie des choix possibles : {choices!g}."
    ),
    "{value!r} does not match the formats {formats}.": (
        "{value!g} ne correspond à aucun des formats {formats!g}."
    ),
    "value is not a valid tuple": "la valeur n'est pas un n-uplet valide",
    "{expected} values are required, but {given} given.": (
        "{expected} valeurs sont attendues, {given} ont été données."
    ),
    "{label} {filename!r} does not exist.": "{label!d} {filename!g} n'existe pas.",
    "{label} {loc} is a file.": "{label!d} {loc!g} est un fichier.",
    "{label} {loc} is a directory.": "{label!d} {loc!g} est un répertoire.",
    "{label} {loc} is not readable.": "{label!d} {loc!g} n'est pas lisible.",
    "{label} {loc} is not writable.": "{label!d} {loc!g} n'est pas accessible en écriture.",
    "'{filename}': {message}": "{filename!g} : {message}",
    "No such file or directory": "fichier ou répertoire inexistant",
    "Permission denied": "permission refusée",
    "Is a directory": "c'est un répertoire",
    # typer/completion.py, _completion_shared.py (shell completion).
    "Install completion for the current shell.": "Installe la complétion pour le shell courant.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Affiche la complétion pour le shell courant, pour la copier ou adapter l'installation."
    ),
    "Install completion for the specified shell.": "Installe la complétion pour le shell indiqué.",
    "Show completion for the specified shell, to copy it or customize the installation.": (
        "Affiche la complétion pour le shell indiqué, pour la copier ou adapter l'installation."
    ),
    "Completion will take effect once you restart the terminal": (
        "La complétion sera active au prochain démarrage du terminal."
    ),
    "Invalid completion instruction.": "Instruction de complétion invalide.",
    "Shell {shell} not supported.": "Le shell {shell} n'est pas pris en charge.",
    "Shell {shell} is not supported.": "Le shell {shell} n'est pas pris en charge.",
    'Completion instruction "{instruction}" not supported.': (
        "Instruction de complétion {instruction!g} non prise en charge."
    ),
    "Couldn't get PowerShell user profile": "Profil utilisateur PowerShell introuvable.",
    "Couldn't decode the path automatically": "Impossible de décoder le chemin automatiquement.",
}

# Pydantic error type (Typer validates typed parameters with Pydantic) -> French message.
# Placeholders: {input} (the value typed) and the error's context (ge, le...).
VALIDATION: dict[str, str] = {
    "int_parsing": "{input!g} n'est pas un nombre entier.",
    "int_from_float": "{input!g} n'est pas un nombre entier.",
    "float_parsing": "{input!g} n'est pas un nombre.",
    "decimal_parsing": "{input!g} n'est pas un nombre décimal.",
    "bool_parsing": "{input!g} n'est pas une valeur booléenne (true/false, yes/no, on/off, 1/0).",
    "greater_than_equal": "la valeur doit être supérieure ou égale à {ge}.",
    "greater_than": "la valeur doit être strictement supérieure à {gt}.",
    "less_than_equal": "la valeur doit être inférieure ou égale à {le}.",
    "less_than": "la valeur doit être strictement inférieure à {lt}.",
    "finite_number": "la valeur doit être un nombre fini.",
    "date_parsing": "{input!g} n'est pas une date (format AAAA-MM-JJ).",
    "date_from_datetime_parsing": "{input!g} n'est pas une date (format AAAA-MM-JJ).",
    "date_from_datetime_inexact": "{input!g} n'est pas une date sans heure (format AAAA-MM-JJ).",
    "datetime_parsing": "{input!g} n'est pas une date et heure (format AAAA-MM-JJ[THH:MM:SS]).",
    "datetime_from_date_parsing": (
        "{input!g} n'est pas une date et heure (format AAAA-MM-JJ[THH:MM:SS])."
    ),
    "time_parsing": "{input!g} n'est pas une heure (format HH:MM[:SS]).",
    "uuid_parsing": "{input!g} n'est pas un UUID.",
}

# Type names shown in help (<int>, <path>...) -> French; choices are never touched.
TYPES: dict[str, str] = {
    "str": "texte",
    "int": "entier",
    "float": "nombre",
    "Decimal": "décimal",
    "bool": "booléen",
    "datetime": "date-heure",
    "path": "chemin",
    "Path": "chemin",
    "file": "fichier",
    "dir": "répertoire",
    "list": "liste",
    "FileText": "fichier",
    "FileTextWrite": "fichier",
    "FileBinaryRead": "fichier",
    "FileBinaryWrite": "fichier",
    "range": "borné",
}

# Path kind of Typer's path messages ({label}) -> French, with article (conversion !d).
_DESIGNATIONS: dict[str, str] = {"file": "le fichier", "dir": "le répertoire", "path": "le chemin"}

_REPR = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\""""
_UN_REPR = re.compile(_REPR)
_LISTE_DE_REPR = re.compile(rf"(?:{_REPR})(?:(?:, | / )(?:{_REPR}))*")
_CONVERSION_FRANCAISE = re.compile(r"![gd]\}")


def _guillemets(valeur: str) -> str:
    """'x' (a repr) or 'x', 'y' -> « x », « y »; any other text -> « text »."""
    if _LISTE_DE_REPR.fullmatch(valeur):
        return _UN_REPR.sub(lambda m: f"« {m.group(0)[1:-1]} »", valeur)
    return f"« {valeur} »"


class _Formateur(string.Formatter):
    """str.format with the two French conversions: !g (« value ») and !d (path kind)."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "g":
            return _guillemets(str(value))
        if conversion == "d":
            return _DESIGNATIONS.get(str(value), str(value))
        return super().convert_field(value, conversion)


_FORMATEUR = _Formateur()


def _motif(modele: str) -> re.Pattern[str] | None:
    """Regex matching the English text formatted from `modele`; None without named fields."""
    morceaux: list[str] = []
    noms: set[str] = set()
    for litteral, champ, _spec, _conversion in string.Formatter().parse(modele):
        morceaux.append(re.escape(litteral))
        if champ is None:
            continue
        if not champ.isidentifier() or champ in noms:
            return None
        noms.add(champ)
        morceaux.append(f"(?P<{champ}>.*?)")
    return re.compile("".join(morceaux), re.DOTALL) if noms else None


# Templates only formatted by the wrappers below, never searched in a text ("{heading}:" would
# match any line ending with a colon).
_FORMATES_SEULEMENT = frozenset({"{heading}:", " (env var: '{envvar}')"})
_EXACTS = {anglais: francais for anglais, francais in FRANCAIS.items() if _motif(anglais) is None}
_MOTIFS = [
    (motif, francais)
    for anglais, francais in FRANCAIS.items()
    if anglais not in _FORMATES_SEULEMENT and (motif := _motif(anglais)) is not None
]


def traduire(texte: str) -> str:
    """French version of a message formatted by Typer, or the message unchanged.

    A {message} field is itself a message, translated in turn.
    """
    if texte in _EXACTS:
        return _EXACTS[texte]
    for motif, francais in _MOTIFS:
        trouve = motif.fullmatch(texte)
        if trouve is None:
            continue
        valeurs = trouve.groupdict()
        if "message" in valeurs:
            valeurs["message"] = _traduire_phrase(valeurs["message"])
        return _FORMATEUR.format(francais, **valeurs)
    return texte


def _traduire_phrase(texte: str) -> str:
    """`traduire`, also when Typer cut the final period (before "Did you mean ...?")."""
    francais = traduire(texte)
    if francais == texte and texte and not texte.endswith("."):
        avec_point = traduire(f"{texte}.")
        if avec_point != f"{texte}.":
            return avec_point.removesuffix(".")
    return francais


def _traduire_sortie(message: Any) -> Any:
    """What `echo` prints: the whole text, else line by line (usage line, then hint)."""
    if not isinstance(message, str):
        return message
    francais = traduire(message)
    if francais != message:
        return francais
    return "\n".join(traduire(ligne) for ligne in message.split("\n"))


def _gettext(message: str) -> str:
    """Replacement of gettext.gettext in Typer's modules."""
    francais = FRANCAIS.get(message)
    if francais is None or _CONVERSION_FRANCAISE.search(francais):
        return message  # translated when shown, from the formatted text
    return francais


def _ngettext(singulier: str, pluriel: str, nombre: int) -> str:
    """Replacement of gettext.ngettext: French uses the singular for 0 and 1."""
    return _gettext(singulier if abs(nombre) <= 1 else pluriel)


def _fr(anglais: str) -> str:
    """French template of an English template used by the wrappers below (must exist)."""
    return FRANCAIS[anglais]


def _message_de_validation(erreur_pydantic: Any) -> str:
    """French version of typer._display.get_error_msg: first error of a ValidationError."""
    from typer._click.utils import _escape_control_characters

    erreurs = erreur_pydantic.errors()
    if not erreurs:
        return _escape_control_characters(str(erreur_pydantic))
    erreur: Mapping[str, Any] = erreurs[0]
    contexte: Mapping[str, Any] = erreur.get("ctx") or {}
    genre = erreur.get("type", "")
    if genre in ("value_error", "assertion_error") and "error" in contexte:
        message = traduire(str(contexte["error"]))
    else:
        message = str(erreur.get("msg", ""))
        if genre in VALIDATION:
            valeurs = {**contexte, "input": erreur.get("input")}
            # If Pydantic changed an error's context, keep its own text.
            with contextlib.suppress(KeyError, IndexError, ValueError):
                message = _FORMATEUR.format(VALIDATION[genre], **valeurs)
    return _escape_control_characters(message)


def _traduire_type(affiche: str) -> str:
    """<int range> -> <entier borné>, <list[str]> -> <liste[texte]>; unknown words unchanged."""
    return re.sub(r"[A-Za-z_]+", lambda m: TYPES.get(m.group(0), m.group(0)), affiche)


def _deja_traduit(fonction: Any) -> bool:
    return bool(getattr(fonction, "_clerc_francais", False))


def _marquer(fonction: Callable[..., Any]) -> Callable[..., Any]:
    setattr(fonction, "_clerc_francais", True)  # noqa: B010 (attribute unknown to mypy)
    return fonction


def _remplacer_gettext() -> None:
    """Level 1: `_` and `ngettext` of every Typer module that took them from gettext."""
    for nom, module in list(sys.modules.items()):
        if module is None or not (nom == "typer" or nom.startswith("typer.")):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            setattr(module, "_", _gettext)  # noqa: B010
        if getattr(module, "ngettext", None) is gettext.ngettext:
            setattr(module, "ngettext", _ngettext)  # noqa: B010


def _remplacer_constantes_rich() -> None:
    """Level 2: rich_utils' strings, computed at import (read again at each rendering)."""
    from typer import rich_utils

    for nom in (
        "DEPRECATED_STRING",
        "DEFAULT_STRING",
        "ENVVAR_STRING",
        "REQUIRED_LONG_STRING",
        "ARGUMENTS_PANEL_TITLE",
        "OPTIONS_PANEL_TITLE",
        "COMMANDS_PANEL_TITLE",
        "ERRORS_PANEL_TITLE",
        "ABORTED_TEXT",
        "RICH_HELP",
    ):
        valeur = getattr(rich_utils, nom, None)
        if isinstance(valeur, str):
            setattr(rich_utils, nom, FRANCAIS.get(valeur, valeur))
    # The usage line's prefix is highlighted by a regex on the English prefix.
    prefixe = re.escape(_fr("Usage: "))
    rich_utils.OptionHighlighter.highlights = [
        motif.replace("Usage: ", prefixe) for motif in rich_utils.OptionHighlighter.highlights
    ]


def _traduire_a_l_affichage() -> None:
    """Level 3: exceptions' format_message and the echo of exceptions, prompts, completion."""
    import typer._click as click_vendu
    from typer._click import exceptions, termui

    for classe in vars(exceptions).values():
        if not (isinstance(classe, type) and issubclass(classe, exceptions.ClickException)):
            continue
        if "format_message" not in vars(classe) and classe is not exceptions.ClickException:
            continue
        original = classe.format_message
        if _deja_traduit(original):
            continue

        def format_message(self: Any, _original: Callable[[Any], str] = original) -> str:
            return traduire(_original(self))

        setattr(classe, "format_message", _marquer(functools.wraps(original)(format_message)))  # noqa: B010

    for module in (exceptions, termui, click_vendu):
        echo = module.echo
        if _deja_traduit(echo):
            continue

        def echo_francais(
            message: Any = None, *args: Any, _echo: Callable[..., Any] = echo, **kwargs: Any
        ) -> Any:
            return _echo(_traduire_sortie(message), *args, **kwargs)

        setattr(module, "echo", _marquer(functools.wraps(echo)(echo_francais)))  # noqa: B010


def _envelopper_methodes() -> None:
    """Level 4: help option, usage prefix, headings, type labels, error hints, Pydantic."""
    from typer import _display, core
    from typer._click.core import Command
    from typer._click.formatting import HelpFormatter

    if _deja_traduit(Command.get_help_option):
        return
    aide_originale = Command.get_help_option

    def get_help_option(self: Command, ctx: Any) -> Any:
        option = aide_originale(self, ctx)
        if option is not None and isinstance(option.help, str):
            option.help = _gettext(option.help)
        return option

    usage_original = HelpFormatter.write_usage

    def write_usage(
        self: HelpFormatter, prog: str, args: str = "", prefix: str | None = None
    ) -> None:
        usage_original(self, prog, args, _fr("Usage: ") if prefix is None else prefix)

    def write_heading(self: HelpFormatter, heading: str) -> None:
        titre = _fr("{heading}:").format(heading=heading)
        self.write(f"{'':>{self.current_indent}}{titre}\n")

    morceaux_originaux = core.TyperGroup.collect_usage_pieces

    def collect_usage_pieces(self: core.TyperGroup, ctx: Any) -> list[str]:
        return [_gettext(morceau) for morceau in morceaux_originaux(self, ctx)]

    type_original = core._TyperParameter.display_type

    def display_type(self: core._TyperParameter, ctx: Any) -> str:
        affiche = type_original(self, ctx)
        if self.type_descriptor.is_choice and self.show_choices:  # the choices stay as typed
            return affiche.replace("<list[", f"<{TYPES['list']}[", 1)
        return _traduire_type(affiche)

    def indice_parametre(self: core._TyperParameter) -> str:
        return f"« {self.display_name_raw} »"

    def indice_option(self: core.TyperOption) -> str:
        indice = " / ".join(f"« {nom} »" for nom in self.opts or [self.display_name_raw])
        if self.show_envvar and self.envvar is not None:
            indice += _fr(" (env var: '{envvar}')").format(envvar=self.envvar)
        return indice

    aide_argument_originale = core.TyperArgument.get_help_record

    def get_help_record(self: core.TyperArgument, ctx: Any) -> tuple[str, str] | None:
        # Non-Rich help only: "env var: X" of arguments is an f-string, not a msgid.
        enregistrement = aide_argument_originale(self, ctx)
        if enregistrement is None:
            return None
        nom, aide = enregistrement
        variable = _gettext("env var: {var}").format(var="")
        return nom, re.sub(r"(?<=\[)env var: (?=[^\]]*\]$)", variable, aide)

    remplacements: list[tuple[Any, str, Callable[..., Any]]] = [
        (Command, "get_help_option", get_help_option),
        (HelpFormatter, "write_usage", write_usage),
        (HelpFormatter, "write_heading", write_heading),
        (core.TyperGroup, "collect_usage_pieces", collect_usage_pieces),
        (core._TyperParameter, "display_type", display_type),
        (core._TyperParameter, "get_error_hint", indice_parametre),
        (core.TyperOption, "get_error_hint", indice_option),
        (core.TyperArgument, "get_help_record", get_help_record),
    ]
    for classe, nom, fonction in remplacements:
        setattr(classe, nom, _marquer(functools.wraps(getattr(classe, nom))(fonction)))

    # Pydantic's messages: every module that imported typer._display.get_error_msg.
    message_original = _display.get_error_msg
    for nom_module, module in list(sys.modules.items()):
        if nom_module.startswith("typer") and getattr(module, "get_error_msg", None) is (
            message_original
        ):
            setattr(module, "get_error_msg", _message_de_validation)  # noqa: B010


def _traduire_completion() -> None:
    """Help of --install-completion / --show-completion: defaults of placeholder functions."""
    from typer import completion

    for fonction in (
        completion._install_completion_placeholder_function,
        completion._install_completion_no_auto_placeholder_function,
    ):
        for parametre in inspect.signature(fonction).parameters.values():
            aide = getattr(parametre.default, "help", None)
            if isinstance(aide, str):
                parametre.default.help = _gettext(aide)


def installer() -> None:
    """Make Typer's own messages French, whatever the locale; call before running a command.

    Idempotent. With an older Typer built on the click package (no ``typer._click``), only
    Typer's gettext msgids are translated.
    """
    # rich_utils is imported lazily by Typer: load it now, so that level 1 reaches it.
    for module in ("typer.core", "typer.rich_utils"):
        importlib.import_module(module)
    _remplacer_gettext()
    _remplacer_constantes_rich()
    try:
        importlib.import_module("typer._click")
    except ImportError:  # pragma: no cover - older Typer, built on the click package
        return
    # Loaded now, so that the get_error_msg they imported is replaced.
    for module in ("typer._coercion", "typer._param_types"):
        importlib.import_module(module)
    _traduire_a_l_affichage()
    _envelopper_methodes()
    _traduire_completion()
