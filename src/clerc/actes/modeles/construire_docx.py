"""Build ``acte.docx`` and ``lettre.docx``, the editable (docxtpl) twins of the Typst act and
letter layouts.

Run ``.venv/bin/python src/clerc/actes/modeles/construire_docx.py`` to regenerate both after a
change. Same sections as the PDF acts: title, date formula, parties, body paragraphs (a
``{%p for %}`` loop), décompte table (a ``{%tr for %}`` row loop, total line in bold), extra
mentions, "coût de l'acte" table, signature; the references block (dossier, code of the act,
initials, edition date) sits in the left strip of every page and the office identity at the
top of the first page, in framed paragraphs of the footers and first-page header.

The letter (``construire_lettre``, context ``clerc.actes.composition.contexte_docx_lettre``)
follows ``lettre.typ``: no frame (the presentation norms govern acts, not correspondence),
letterhead, addressee (with the way the letter is sent), place and date, reference, object,
salutation, body paragraphs (those "en caractères très apparents" bold in a box), décompte
table, the rest of the body, closing formula, signature, pieces sent, reproduced texts; the
office and the page numbers in the footer.

Presentation norms (arrêté of 21 March 2023, NOR JUSC2302471A): A4; the 0.5 pt frame is a
page border drawn 11 pt outside the text, the margins being chosen so that its lines fall
5.5 cm from the left edge, 1.2 cm from the top, 1.5 cm from the bottom and 0.8 cm from the
right; Arial Narrow (replaced by its metric twin Liberation Sans Narrow where it is absent)
10 pt justified, headings 11 pt bold capitals, title 16 pt bold capitals.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentDocx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.section import CT_SectPr
from docx.section import _Footer, _Header
from docx.shared import Cm, Length, Pt
from docx.text.paragraph import Paragraph

SORTIE = Path(__file__).with_name("acte.docx")
SORTIE_LETTRE = Path(__file__).with_name("lettre.docx")
POLICE = "Arial Narrow"
ECART_CADRE = Pt(11)  # between the text and the frame (w:space of the page borders)


def _twips(longueur: Length) -> str:
    return str(round(longueur / 635))  # EMU to twentieths of a point


def _cadre(section_xml: CT_SectPr) -> None:
    """0.5 pt black page border on the four sides, 11 pt away from the text."""
    bordures = OxmlElement("w:pgBorders")
    bordures.set(qn("w:offsetFrom"), "text")
    for cote in ("top", "left", "bottom", "right"):
        trait = OxmlElement(f"w:{cote}")
        trait.set(qn("w:val"), "single")
        trait.set(qn("w:sz"), "4")  # eighths of a point: 0.5 pt
        trait.set(qn("w:space"), str(int(ECART_CADRE.pt)))
        trait.set(qn("w:color"), "000000")
        bordures.append(trait)
    # CT_SectPr order: pgBorders comes right after pgMar.
    marges = section_xml.find(qn("w:pgMar"))
    assert marges is not None  # python-docx's default template has page margins
    marges.addnext(bordures)


def _encadre(paragraphe: Paragraph, x: Length, y: Length, largeur: Length, bas: bool) -> None:
    """Position a paragraph absolutely on the page (a Word frame), in the left strip."""
    cadre = OxmlElement("w:framePr")
    cadre.set(qn("w:w"), _twips(largeur))
    cadre.set(qn("w:hSpace"), "0")
    cadre.set(qn("w:wrap"), "around")
    cadre.set(qn("w:hAnchor"), "page")
    cadre.set(qn("w:vAnchor"), "page")
    cadre.set(qn("w:x"), _twips(x))
    cadre.set(qn("w:y"), _twips(y))
    if bas:
        cadre.set(qn("w:yAlign"), "bottom")
    paragraphe._p.get_or_add_pPr().insert(0, cadre)


def _champ(paragraphe: Paragraph, instruction: str) -> None:
    champ = OxmlElement("w:fldSimple")
    champ.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    texte = OxmlElement("w:t")
    texte.text = "1"
    run.append(texte)
    champ.append(run)
    paragraphe._p.append(champ)


def _references(pied: _Footer) -> None:
    """Reference block (every page, bottom of the left strip) and page numbers."""
    paragraphe = pied.paragraphs[0]
    _encadre(paragraphe, Cm(0.8), Cm(29.7 - 1.5), Cm(4), bas=True)
    paragraphe.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for texte, gras, taille in (
        ("Dossier n° ", False, 7.5),
        ("{{ references.dossier }}", True, 7.5),
        ("\nActe : {{ references.code_acte }}   Suivi : {{ references.initiales }}", False, 7.5),
        ("\nÉdité le {{ references.date_edition }}", False, 6.5),
    ):
        for i, morceau in enumerate(texte.split("\n")):
            if i:
                paragraphe.add_run().add_break()
            run = paragraphe.add_run(morceau)
            run.bold = gras
            run.font.size = Pt(taille)
    pages = pied.add_paragraph()
    pages.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    pages.add_run("Page ").font.size = Pt(8)
    _champ(pages, "PAGE")
    pages.add_run(" / ").font.size = Pt(8)
    _champ(pages, "NUMPAGES")


def _identite(entete: _Header) -> None:
    """Office identity, first page, top of the left strip."""
    paragraphe = entete.paragraphs[0]
    _encadre(paragraphe, Cm(0.8), Cm(1.2), Cm(4), bas=False)
    paragraphe.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    gras = paragraphe.add_run("{{ etude.nom }}")
    gras.bold = True
    gras.font.size = Pt(9)
    for ligne in (
        "{{ etude.qualite }}",
        "{% for t in etude.titulaires %}{{ t }}{% if not loop.last %}, {% endif %}{% endfor %}",
        "{{ etude.adresse | join(', ') }}",
        "Tél. {{ etude.telephone }}",
        "{{ etude.courriel }}",
    ):
        paragraphe.add_run().add_break()
        paragraphe.add_run(ligne).font.size = Pt(8)


def _rubrique(document: DocumentDocx, texte: str) -> None:
    paragraphe = document.add_paragraph(style="Rubrique")
    paragraphe.add_run(texte)


def _boucle(document: DocumentDocx, balise: str) -> None:
    document.add_paragraph(balise)


def _tableau_montants(
    document: DocumentDocx,
    liste: str,
    total: str,
    largeurs: tuple[Length, Length],
    entete: bool,
    taille: int,
) -> None:
    """A libellé / montant table: header, one templated row looped with {%tr %}, total."""
    tableau = document.add_table(rows=0, cols=2)
    tableau.style = "Table Grid"
    tableau.alignment = WD_TABLE_ALIGNMENT.LEFT

    def ligne(gauche: str, droite: str, gras: bool = False) -> None:
        cellules = tableau.add_row().cells
        for cellule, texte, alignement in (
            (cellules[0], gauche, WD_ALIGN_PARAGRAPH.LEFT),
            (cellules[1], droite, WD_ALIGN_PARAGRAPH.RIGHT),
        ):
            paragraphe = cellule.paragraphs[0]
            paragraphe.paragraph_format.alignment = alignement
            run = paragraphe.add_run(texte)
            run.bold = gras
            run.font.size = Pt(taille)

    if entete:
        ligne("Libellé", "Montant", gras=True)
    ligne(f"{{%tr for l in {liste} %}}", "")
    ligne("{{ l.libelle }}", "{{ l.montant }}")
    cellule = tableau.rows[-1].cells[0]
    cellule.add_paragraph("{%p if l.detail is defined %}")
    detail = cellule.add_paragraph().add_run("{{ l.detail }}")
    detail.italic, detail.font.size = True, Pt(taille - 1.5)
    cellule.add_paragraph("{%p endif %}")
    ligne("{%tr endfor %}", "")
    ligne(f"{{{{ {total}.libelle }}}}", f"{{{{ {total}.montant }}}}", gras=True)
    for rangee in tableau.rows:
        for cellule, largeur in zip(rangee.cells, largeurs, strict=True):
            cellule.width = largeur


def construire(sortie: Path = SORTIE) -> Path:
    document = Document()
    proprietes = document.core_properties
    proprietes.title = "{{ titre }}"
    proprietes.author = "clerc"
    proprietes.created = proprietes.modified = datetime(2026, 1, 1, tzinfo=UTC)

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    ecart = ECART_CADRE.cm
    section.left_margin = Cm(5.5 + ecart)
    section.right_margin = Cm(0.8 + ecart)
    section.top_margin = Cm(1.2 + ecart)
    section.bottom_margin = Cm(1.5 + ecart + 0.5)
    section.header_distance = Cm(0.6)
    section.footer_distance = Cm(1.5 + ecart)
    _cadre(section._sectPr)

    normal = document.styles["Normal"]
    normal.font.name = POLICE
    normal.font.size = Pt(10)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.space_after = Pt(4)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), POLICE)
    rubrique = document.styles.add_style("Rubrique", 1)
    rubrique.base_style = normal
    rubrique.font.size, rubrique.font.bold, rubrique.font.all_caps = Pt(11), True, True
    rubrique.paragraph_format.space_before = Pt(8)
    rubrique.paragraph_format.keep_with_next = True
    rubrique.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    section.different_first_page_header_footer = True
    _identite(section.first_page_header)
    _references(section.first_page_footer)
    _references(section.footer)

    titre = document.add_paragraph()
    titre.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    titre.paragraph_format.space_after = Pt(12)
    run = titre.add_run("{{ titre }}")
    run.bold, run.font.size, run.font.all_caps = True, Pt(16), True

    document.add_paragraph().add_run("{{ formule_date }},").bold = True

    _rubrique(document, "À la requête de")
    _boucle(document, "{%p for r in requerants %}")
    partie = document.add_paragraph()
    partie.add_run("{{ r.nom }}").bold = True
    partie.add_run("{{ r.designation }}.")
    _boucle(document, "{%p endfor %}")
    document.add_paragraph("{{ election }}")
    document.add_paragraph("{{ instrumentaire }}")
    _rubrique(document, "{{ verbe }}")
    _boucle(document, "{%p for r in destinataires %}")
    partie = document.add_paragraph()
    partie.add_run("{{ r.nom }}").bold = True
    partie.add_run("{{ r.designation }}.")
    _boucle(document, "{%p endfor %}")

    _boucle(document, "{%p for p in paragraphes %}")
    document.add_paragraph("{{ p }}")
    _boucle(document, "{%p endfor %}")

    _tableau_montants(
        document, "decompte.lignes", "decompte.total", (Cm(11.5), Cm(2.8)), entete=True, taille=10
    )

    _boucle(document, "{%p for m in mentions %}")
    document.add_paragraph("{{ m }}")
    _boucle(document, "{%p endfor %}")

    _rubrique(document, "Coût de l'acte")
    _tableau_montants(document, "cout.lignes", "cout.total", (Cm(6.2), Cm(2.2)), False, 9)
    _boucle(document, "{%p for m in cout.mentions %}")
    document.add_paragraph().add_run("{{ m }}").font.size = Pt(7.5)
    _boucle(document, "{%p endfor %}")

    document.add_paragraph("Dont acte, sous toutes réserves.").paragraph_format.space_before = Pt(
        12
    )
    for texte, gras in (
        ("{{ signature.lieu }}", False),
        ("{{ signature.nom }}", True),
        ("{{ signature.qualite }}", False),
    ):
        paragraphe = document.add_paragraph()
        paragraphe.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraphe.paragraph_format.space_after = Pt(0)
        paragraphe.add_run(texte).bold = gras

    document.save(str(sortie))
    return sortie


def _bordure(paragraphe: Paragraph) -> None:
    """A 0.8 pt box around a paragraph (a sentence "en caractères très apparents")."""
    bordures = OxmlElement("w:pBdr")
    for cote in ("top", "left", "bottom", "right"):
        trait = OxmlElement(f"w:{cote}")
        trait.set(qn("w:val"), "single")
        trait.set(qn("w:sz"), "6")  # eighths of a point: 0.75 pt
        trait.set(qn("w:space"), "4")
        trait.set(qn("w:color"), "000000")
        bordures.append(trait)
    paragraphe._p.get_or_add_pPr().append(bordures)


def _corps_lettre(document: DocumentDocx, liste: str) -> None:
    """Paragraphs of a letter's body: plain, or bold in a box when ``apparente``."""
    _boucle(document, f"{{%p for p in {liste} %}}")
    _boucle(document, "{%p if p.apparente %}")
    apparent = document.add_paragraph()
    apparent.paragraph_format.space_before = Pt(6)
    apparent.paragraph_format.space_after = Pt(6)
    apparent.add_run("{{ p.texte }}").bold = True
    _bordure(apparent)
    _boucle(document, "{%p else %}")
    document.add_paragraph("{{ p.texte }}")
    _boucle(document, "{%p endif %}")
    _boucle(document, "{%p endfor %}")


def _pied_lettre(pied: _Footer) -> None:
    """Office and address, then the page numbers (as lettre.typ)."""
    paragraphe = pied.paragraphs[0]
    paragraphe.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraphe.add_run("{{ etude.nom }} – {{ etude.adresse | join(', ') }}").font.size = Pt(7.5)
    pages = pied.add_paragraph()
    pages.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    pages.add_run("Page ").font.size = Pt(7.5)
    _champ(pages, "PAGE")
    pages.add_run(" / ").font.size = Pt(7.5)
    _champ(pages, "NUMPAGES")


def construire_lettre(sortie: Path = SORTIE_LETTRE) -> Path:
    """``lettre.docx``: the letters of the office (lettre_cpc_658, lettre_cpc_659, the amicable
    recovery letter, the small-claims invitation...)."""
    document = Document()
    proprietes = document.core_properties
    proprietes.title = "{{ objet }}"
    proprietes.author = "clerc"
    proprietes.created = proprietes.modified = datetime(2026, 1, 1, tzinfo=UTC)

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(2.2)
    section.footer_distance = Cm(0.8)

    normal = document.styles["Normal"]
    normal.font.name = POLICE
    normal.font.size = Pt(10.5)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.space_after = Pt(6)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), POLICE)
    rubrique = document.styles.add_style("Rubrique", 1)
    rubrique.base_style = normal
    rubrique.font.size, rubrique.font.bold, rubrique.font.all_caps = Pt(11), True, True
    rubrique.paragraph_format.space_before = Pt(10)
    rubrique.paragraph_format.keep_with_next = True
    rubrique.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _pied_lettre(section.footer)

    # Letterhead.
    en_tete = document.add_paragraph()
    en_tete.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    en_tete.add_run("{{ etude.nom }}").bold = True
    en_tete.runs[0].font.size = Pt(12)
    for ligne in (
        "{{ etude.qualite }}",
        "{% for t in etude.titulaires %}{{ t }}{% if not loop.last %}, {% endif %}{% endfor %}",
        "{{ etude.adresse | join(', ') }}",
        "{% if etude.telephone %}Tél. {{ etude.telephone }}{% endif %}",
        "{{ etude.courriel }}",
    ):
        en_tete.add_run().add_break()
        en_tete.add_run(ligne).font.size = Pt(8.5)

    # Addressee, where the window of a DL envelope shows it (about 11 cm from the left edge).
    def destinataire(texte: str, gras: bool = False, italique: bool = False) -> Paragraph:
        paragraphe = document.add_paragraph()
        paragraphe.paragraph_format.left_indent = Cm(9)
        paragraphe.paragraph_format.space_after = Pt(0)
        paragraphe.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        run = paragraphe.add_run(texte)
        run.bold, run.italic = gras, italique
        return paragraphe

    destinataire("").paragraph_format.space_before = Pt(24)
    _boucle(document, "{%p if envoi %}")
    destinataire("{{ envoi }}", italique=True).runs[0].font.size = Pt(8.5)
    _boucle(document, "{%p endif %}")
    destinataire("{{ destinataire.nom }}", gras=True)
    _boucle(document, "{%p for l in destinataire.adresse %}")
    destinataire("{{ l }}")
    _boucle(document, "{%p endfor %}")

    lieu = document.add_paragraph("{{ lieu }}, le {{ date }}")
    lieu.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    lieu.paragraph_format.space_before = Pt(30)
    references = document.add_paragraph()
    references.add_run("Nos réf. : {{ references }}").font.size = Pt(9)
    objet = document.add_paragraph()
    objet.paragraph_format.space_before = Pt(6)
    objet.paragraph_format.space_after = Pt(12)
    objet.add_run("Objet : ").bold = True
    objet.add_run("{{ objet }}")
    document.add_paragraph("{{ appel }}")

    _corps_lettre(document, "paragraphes")
    _boucle(document, "{%p if decompte.lignes %}")
    document.add_paragraph().add_run("{{ decompte.titre }}").bold = True
    _tableau_montants(
        document, "decompte.lignes", "decompte.total", (Cm(13), Cm(3)), entete=True, taille=10
    )
    somme = document.add_paragraph("Soit la somme totale de ")
    somme.paragraph_format.space_before = Pt(6)
    somme.add_run("{{ decompte.total_en_lettres }}").bold = True
    somme.add_run(".")
    _boucle(document, "{%p endif %}")
    _corps_lettre(document, "paragraphes_suite")
    document.add_paragraph("{{ formule }}")

    for texte, gras, avant in (
        ("{{ signature.nom }}", True, Pt(18)),
        ("{{ signature.qualite }}", False, Pt(0)),
    ):
        paragraphe = document.add_paragraph()
        paragraphe.paragraph_format.left_indent = Cm(9)
        paragraphe.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraphe.paragraph_format.space_before = avant
        paragraphe.paragraph_format.space_after = Pt(0)
        paragraphe.add_run(texte).bold = gras

    _boucle(document, "{%p if pieces %}")
    pieces = document.add_paragraph()
    pieces.paragraph_format.space_before = Pt(36)
    pieces.add_run("Pièces jointes :").bold = True
    _boucle(document, "{%p for x in pieces %}")
    piece = document.add_paragraph("– {{ x }}")
    piece.paragraph_format.left_indent = Cm(0.5)
    piece.paragraph_format.space_after = Pt(0)
    _boucle(document, "{%p endfor %}")
    _boucle(document, "{%p endif %}")

    # Articles the letter must reproduce (CPCE R124-4 5°, R125-2 II), after the signature.
    _boucle(document, "{%p if textes %}")
    _rubrique(document, "Textes reproduits")
    _boucle(document, "{%p for t in textes %}")
    intitule = document.add_paragraph()
    intitule.paragraph_format.keep_with_next = True
    intitule.add_run("{{ t.titre }}").bold = True
    _boucle(document, "{%p for a in t.texte %}")
    alinea = document.add_paragraph()
    alinea.paragraph_format.left_indent = Cm(0.5)
    alinea.add_run("{{ a }}").font.size = Pt(9.5)
    _boucle(document, "{%p endfor %}")
    _boucle(document, "{%p endfor %}")
    _boucle(document, "{%p endif %}")

    document.save(str(sortie))
    return sortie


if __name__ == "__main__":
    print(construire())
    print(construire_lettre())
