"""Clean: each rule removes what it should, logs it with its line, and leaves article text alone."""

from __future__ import annotations

import hashlib
from typing import Any

from presseschau.clean import clean
from presseschau.model import Article, RawArticle, Skipped


def raw(text: str, **fields: Any) -> RawArticle:
    return RawArticle(**{"source": "eingang/lokal_7f3a.txt", "text": text, "format": "txt", **fields})


def cleaned(text: str, **fields: Any) -> Article:
    result = clean(raw(text, **fields))
    assert isinstance(result, Article), result
    return result


def removed(article: Article, rule: str) -> list[tuple[int, str]]:
    return [(r.line, r.text) for r in article.removed if r.rule == rule]


BODY = "Der Gemeinderat hat am Abend den neuen Haushalt mit breiter Mehrheit beschlossen."


# --- headline ------------------------------------------------------------------------------------------


def test_first_line_becomes_the_headline_and_leaves_the_body_unlogged() -> None:
    article = cleaned(f"\n  Haushalt   beschlossen  \n\n{BODY}\n")
    assert article.title == "Haushalt beschlossen"
    assert article.text == BODY
    assert article.removed == ()


def test_markdown_heading_marks_are_stripped() -> None:
    article = cleaned(f"# Haushalt beschlossen\n\n## Die Zahlen\n{BODY}\n", format="md")
    assert article.title == "Haushalt beschlossen"
    assert article.text == f"Die Zahlen\n{BODY}"


def test_given_title_wins_and_its_repeat_in_the_body_goes() -> None:
    article = cleaned(f"Haushalt beschlossen\n{BODY}", title="Haushalt beschlossen")
    assert article.text == BODY
    assert removed(article, "repeated_headline") == [(1, "Haushalt beschlossen")]


def test_a_dateline_lead_stays_in_the_body_and_lends_its_first_sentence() -> None:
    article = cleaned(f"Musterstadt (dpa) - Der Haushalt ist beschlossen. {BODY}\nZweiter Absatz folgt hier.")
    assert article.title == "Der Haushalt ist beschlossen"
    assert article.text.startswith(f"Der Haushalt ist beschlossen. {BODY}")
    assert (article.outlet, article.outlet_from) == ("dpa", "dateline")


# --- header, copyright, byline ---------------------------------------------------------------------------


def test_header_line_with_date_and_copyright_gives_published_and_outlet() -> None:
    text = (" date 2024-05 Quelle: (c) Copyright Thomson Reuters 2024. Click For Restrictions - "
            "https://agentur.example/copyright.html\n\nHaushalt beschlossen\n" + BODY)
    article = cleaned(text)
    assert (article.published, article.published_from) == ("2024-05", "header")
    assert (article.outlet, article.outlet_from) == ("Reuters", "header")
    assert article.title == "Haushalt beschlossen"
    assert [r.rule for r in article.removed] == ["header"]
    assert article.removed[0].line == 1
    assert "Copyright" not in article.text


def test_german_header_lines() -> None:
    article = cleaned(f"Haushalt beschlossen\nDatum: 14.09.2023\nMedium: Musterblatt\n{BODY}")
    assert (article.published, article.outlet, article.outlet_from) == ("2023-09-14", "Musterblatt", "header")
    assert [line for line, _ in removed(article, "header")] == [2, 3]
    assert article.text == BODY


def test_a_sentence_starting_like_a_header_key_stays() -> None:
    article = cleaned(f"Haushalt beschlossen\nStand der Dinge ist, dass alle zustimmen.\n{BODY}")
    assert article.text.startswith("Stand der Dinge ist")
    assert article.published is None


def test_copyright_lines_anywhere() -> None:
    text = (f"Haushalt beschlossen\n{BODY}\n© Musterverlag 2024\nAlle Rechte vorbehalten.\n"
            "(c) dpa-infocom GmbH\nStreit um Copyright bei Sprachmodellen\nCopyright 2024 Musterverlag")
    article = cleaned(text)
    assert article.text == f"{BODY}\nStreit um Copyright bei Sprachmodellen"  # a topic, not a notice
    assert [line for line, _ in removed(article, "copyright")] == [3, 4, 5, 7]


def test_bylines_go_but_sentences_starting_with_von_stay() -> None:
    text = ("Haushalt beschlossen\n- von Max Mustermann und Anna-Lena Beispiel\nVon Erika Musterfrau\n"
            "Ein Bericht von Jan van der Beek\nBy John Doe\nVon Montag an gilt die neue Gebührenordnung.\n"
            "Von Berlin nach Hamburg dauert die Fahrt zwei Stunden\nVon Seiten der Regierung\n" + BODY)
    article = cleaned(text)
    assert [line for line, _ in removed(article, "byline")] == [2, 3, 4, 5]
    assert article.text.split("\n") == ["Von Montag an gilt die neue Gebührenordnung.",
                                        "Von Berlin nach Hamburg dauert die Fahrt zwei Stunden",
                                        "Von Seiten der Regierung", BODY]


# --- datelines -------------------------------------------------------------------------------------------


def test_dateline_prefix_is_cut_and_names_the_agency() -> None:
    article = cleaned(f"Haushalt beschlossen\nWladiwostok (Reuters) - Russland will helfen.\n{BODY}")
    assert article.text.split("\n")[0] == "Russland will helfen."
    assert removed(article, "dateline") == [(2, "Wladiwostok (Reuters) -")]
    assert (article.outlet, article.outlet_from) == ("Reuters", "dateline")


def test_dateline_variants() -> None:
    article = cleaned(
        f"Haushalt beschlossen\nBERLIN (AFP) – Die Regierung legt nach.\nFrankfurt/Main (dpa/lhe) - {BODY}")
    assert article.text == f"Die Regierung legt nach.\n{BODY}"
    assert article.outlet == "AFP"


def test_dateline_with_an_unknown_agency_acronym_but_not_a_party() -> None:
    article = cleaned("Brand\nLindholm (NDA) - Ein Feuer brach aus.\nScholz (SPD) - der Kanzler.")
    assert article.text == "Ein Feuer brach aus.\nScholz (SPD) - der Kanzler."
    assert article.outlet_from == "filename"  # an unknown acronym names no outlet


def test_colon_dateline_only_on_the_first_paragraph() -> None:
    text = ("Haushalt beschlossen\n"
            "SEOUL: Nordkoreas Machthaber hat am Freitag eine Fabrik für Flugzeuge besucht.\n"
            "SÜDKOREA: Das Militär meldet neue Raketentests\n"
            "NATO: Das Bündnis berät am Montag über die Lage im Osten.")
    article = cleaned(text)
    assert article.text.split("\n") == [
        "Nordkoreas Machthaber hat am Freitag eine Fabrik für Flugzeuge besucht.",
        "SÜDKOREA: Das Militär meldet neue Raketentests",
        "NATO: Das Bündnis berät am Montag über die Lage im Osten."]
    assert removed(article, "dateline") == [(2, "SEOUL:")]
    short = cleaned(f"Haushalt beschlossen\nKIEL: Die neuen Regeln\n{BODY}")
    assert short.text.startswith("KIEL: Die neuen Regeln\n")  # a short line is a subheading


# --- photo credits ---------------------------------------------------------------------------------------


def test_photo_credit_glued_to_the_next_sentence() -> None:
    text = ("Zug nach Osten\nFoto: APMit einem gepanzerten Zug soll der Staatsgast angereist sein.\n"
            "Foto: imago imagesDie Grenze liegt rund 100 Kilometer entfernt, heißt es.\n"
            "Foto: Max MusterfotografDer Bahnhof war weiträumig abgesperrt worden.")
    article = cleaned(text)
    assert article.text.split("\n") == [
        "Mit einem gepanzerten Zug soll der Staatsgast angereist sein.",
        "Die Grenze liegt rund 100 Kilometer entfernt, heißt es.",
        "Der Bahnhof war weiträumig abgesperrt worden."]
    assert removed(article, "photo_credit") == [(2, "Foto: AP"), (3, "Foto: imago images"),
                                                (4, "Foto: Max Musterfotograf")]


def test_photo_credit_lines_and_credits_after_captions() -> None:
    text = ("Haushalt beschlossen\nFoto: dpa\nBild: picture alliance / dpa | Max Muster\n"
            "Fotos: Getty Images\nDer Kämmerer stellt die Zahlen vor. Foto: Erika Beispiel\n" + BODY)
    article = cleaned(text)
    assert article.text == f"Der Kämmerer stellt die Zahlen vor.\n{BODY}"
    assert [line for line, _ in removed(article, "photo_credit")] == [2, 3, 4, 5]


def test_photo_credit_boundaries_inside_longer_credits() -> None:
    text = ("Titel\nFoto: Getty Images via AFPDer Präsident sprach lange über die Lage.\n"
            "Foto: dpa Mit einem Sonderzug reiste der Gast aus dem Norden an.")
    article = cleaned(text)
    assert article.text.split("\n") == ["Der Präsident sprach lange über die Lage.",
                                        "Mit einem Sonderzug reiste der Gast aus dem Norden an."]
    assert removed(article, "photo_credit") == [(2, "Foto: Getty Images via AFP"), (3, "Foto: dpa")]


def test_a_long_sentence_after_foto_without_a_credit_boundary_stays() -> None:
    line = "Foto: Der Fotograf wartete drei Stunden im Regen, bis der Zug endlich in den Bahnhof einfuhr."
    article = cleaned(f"Haushalt beschlossen\n{line}")
    assert article.text == line


# --- trailing lines, repeats, teasers --------------------------------------------------------------------


def test_trailing_tag_and_source_lines() -> None:
    article = cleaned(f"Haushalt beschlossen\n{BODY}\nQuelle: dpa\n\ntoi-allgemeines\n")
    assert article.text == BODY
    assert removed(article, "tag_line") == [(5, "toi-allgemeines")]
    assert removed(article, "source_line") == [(3, "Quelle: dpa")]
    assert (article.outlet, article.outlet_from) == ("dpa", "source_line")


def test_agency_signature_and_web_source_lines() -> None:
    article = cleaned(f"Haushalt beschlossen\n{BODY}\nQuelle: tagesschau.de\ndpa/lno")
    assert article.text == BODY
    assert [text for _, text in removed(article, "source_line")] == ["Quelle: tagesschau.de", "dpa/lno"]
    assert (article.outlet, article.outlet_from) == ("dpa", "source_line")


def test_generic_source_line_goes_but_names_no_outlet() -> None:
    article = cleaned(f"Haushalt beschlossen\n{BODY}\nQuelle: Agenturen")
    assert article.text == BODY
    assert (article.outlet, article.outlet_from) == ("lokal_7f3a", "filename")


def test_repeated_headline_exact_shortened_and_transliterated() -> None:
    title = "Gemeinderat beschließt Haushalt, während die Opposition über höhere Gebühren klagt"
    text = (f"{title}\n\nGemeinderat beschliesst Haushalt waehrend die Opposition\n{title}\n"
            f"Gemeinderat beschließt Haushalt, während die Opposition über höhere Gebühren klagt.\n{BODY}\n"
            "Gemeinderat beschließt\n")
    article = cleaned(text)
    assert [line for line, _ in removed(article, "repeated_headline")] == [3, 4, 5]
    assert article.text == f"{BODY}\nGemeinderat beschließt"  # two words: could be a subheading
    cut = cleaned(f"{title}\nGemeinderat beschliesst Haushalt, waehrend die Oppos\n{BODY}")
    assert cut.text == BODY  # a repeat cut off mid-word


def test_read_also_teasers() -> None:
    text = (f"Haushalt beschlossen\n{BODY}\nLesen Sie auch: Was der Haushalt für Familien bedeutet\n"
            "Mehr zum Thema: Schulden der Gemeinden\nDas könnte Sie auch interessieren\n"
            "Read more: Budget news\nLesen Sie mehr")
    article = cleaned(text)
    assert article.text == BODY
    assert [line for line, _ in removed(article, "read_also")] == [3, 4, 5, 6, 7]


def test_whitespace_is_normalised_without_a_log_entry() -> None:
    article = cleaned("Haushalt\u00a0beschlossen\n\n\n  Der   Rat\that\u00adab"
                      "gestimmt.  \n\n\nZweiter  Absatz.\n")
    assert article.title == "Haushalt beschlossen"
    assert article.text == "Der Rat hatabgestimmt.\nZweiter Absatz."
    assert article.removed == ()


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    text = ("Haushalt beschlossen\n\n"
            "Der Gemeinderat hat am Abend den neuen Haushalt mit breiter\n"
            "Mehrheit beschlossen. Die Opposition stimmte geschlossen da-\n"
            "gegen und kündigte an, die Gebühren erneut zum Thema zu machen.\n\n"
            "Der Kämmerer rechnet im kommenden Jahr mit deutlich höheren\n"
            "Einnahmen aus der Gewerbesteuer als bisher angenommen wurde.\n")
    article = cleaned(text)
    assert article.text.split("\n") == [
        "Der Gemeinderat hat am Abend den neuen Haushalt mit breiter Mehrheit beschlossen. Die Opposition "
        "stimmte geschlossen da-gegen und kündigte an, die Gebühren erneut zum Thema zu machen.",
        "Der Kämmerer rechnet im kommenden Jahr mit deutlich höheren Einnahmen aus der Gewerbesteuer als "
        "bisher angenommen wurde."]


def test_nothing_left_is_skipped_with_a_reason() -> None:
    result = clean(raw("Nur eine Überschrift\nFoto: dpa\n© Musterverlag\n"))
    assert isinstance(result, Skipped)
    assert (result.path, result.stage) == ("eingang/lokal_7f3a.txt", "clean")
    assert result.reason.startswith("no article text left after cleaning")
    assert "copyright" in result.reason and "photo_credit" in result.reason


# --- metadata ------------------------------------------------------------------------------------------


def test_metadata_outlet_and_date_win_over_the_text() -> None:
    text = f"Datum: 01.01.2020\nQuelle: Musterblatt\nHaushalt beschlossen\nBerlin (dpa) - {BODY}"
    article = cleaned(text, outlet="Deutsche Presse-Agentur", published="Thu, 14 Sep 2023 10:00:00 +0200")
    assert (article.outlet, article.outlet_from) == ("dpa", "metadata")
    assert (article.published, article.published_from) == ("2023-09-14T10:00:00+02:00", "metadata")


def test_published_forms_are_normalised_never_guessed() -> None:
    for given, expected in [("2023-09-14", "2023-09-14"), ("14.09.2023", "2023-09-14"),
                            ("2023-09", "2023-09"), ("14. September 2023", "2023-09-14"),
                            ("September 14, 2023", "2023-09-14"), ("2023", "2023"),
                            ("14.09.2023, 10:32 Uhr", "2023-09-14T10:32"),
                            ("2023-09-14T08:30:00Z", "2023-09-14T08:30:00+00:00")]:
        assert cleaned(f"Titel\n{BODY}", published=given).published == expected, given
    article = cleaned(f"Titel\nAm 14.09.2023 hat der Rat getagt. {BODY}", published="gestern")
    assert (article.published, article.published_from) == (None, None)
    assert article.extra["published_unparsed"] == "gestern"


def test_outlet_from_the_file_name_for_files_and_json_items() -> None:
    assert cleaned(f"Titel\n{BODY}").outlet == "lokal_7f3a"
    item = cleaned(BODY, source="daten/export.json#item 3", format="json", title="Titel")
    assert (item.outlet, item.outlet_from) == ("export", "filename")
    assert cleaned(f"Titel\n{BODY}", source="<stdin>").outlet == "stdin"


def test_id_is_a_stable_content_hash_and_fields_are_kept() -> None:
    article = cleaned(f"Titel\n{BODY}", url="https://blatt.example/a", language="de", encoding="cp1252",
                      extra={"ressort": "Lokales"})
    assert article.id == "a" + hashlib.sha256(f"Titel\n{BODY}".encode()).hexdigest()[:11]
    assert article.id == cleaned(f"Titel\n\n{BODY}\n").id
    assert article.id != cleaned(f"Titel\n{BODY} Nachtrag.").id
    assert (article.url, article.language, article.encoding, dict(article.extra)) == (
        "https://blatt.example/a", "de", "cp1252", {"ressort": "Lokales"})
    assert (article.source, article.format) == ("eingang/lokal_7f3a.txt", "txt")


def test_removals_are_logged_in_line_order_and_the_input_is_untouched() -> None:
    text = ("Titel\nVon Erika Musterfrau\nBerlin (dpa) - Erster Satz.\nFoto: dpa\nZweiter Satz.\n"
            "Lesen Sie auch: Mehr")
    source = raw(text)
    article = clean(source)
    assert isinstance(article, Article)
    assert [(r.line, r.rule) for r in article.removed] == [
        (2, "byline"), (3, "dateline"), (4, "photo_credit"), (6, "read_also")]
    assert all(r.reason for r in article.removed)
    assert source == raw(text)
