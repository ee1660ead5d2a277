"""Name clean-up shared by extraction and linking: titles, leading "the", possessives.

Pure string functions (no spaCy), so the extractors and the alias linker agree on what the
bare name of "Caretaker Prime Minister Anwar ul Haq Kakar's" is.

>>> strip_titles(clean_name("Caretaker Prime Minister Anwar ul Haq Kakar's"))
'Anwar ul Haq Kakar'
"""

from __future__ import annotations

import re

__all__ = [
    "LEGAL_FORMS",
    "NAME_SUFFIXES",
    "TITLE_ABBREVIATIONS",
    "TITLE_MODIFIERS",
    "TITLE_WORDS",
    "US_STATES",
    "clean_name",
    "is_title_word",
    "strip_person_titles",
    "strip_titles",
    "word_set",
]


def word_set(words: str) -> frozenset[str]:
    """A frozen set from a whitespace-separated word list (long lists read better as prose)."""
    return frozenset(words.split())


# Words that precede a name as a title or office; never the name itself. "Mullah", "Sheikh"
# and "Imam" stay: in the names they prefix they are usually part of how the person is known.
TITLE_WORDS = word_set(
    """mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady prof prof. professor president
    vice prime minister ministers deputy caretaker interim acting former chief secretary
    general gen gen. lt lt. col col. colonel major maj. captain capt. sgt sergeant admiral
    commander senator sen. sen rep. rep representative congressman congresswoman governor
    gov. gov mayor king queen prince princess emperor judge justice pope bishop cardinal
    chancellor premier ambassador spokesman spokeswoman spokesperson inspector detective
    officer constable superintendent director chairman chairwoman chair ceo coach
    foreign interior defence defense finance home information federal state provincial
    opposition leader sheriff undersheriff attorney police army commissioner lieutenant
    councilman councilwoman councillor councilor assemblyman assemblywoman prosecutor
    trooper marshal warden reverend pastor corporal"""
)
# Titles written short with a full stop ("Lt. Gerry Scherlinck"), lower-case, without the stop.
TITLE_ABBREVIATIONS = word_set(
    """lt sgt const det dist atty capt col gen gov sen rep insp supt cpl pvt cmdr cdr maj adm
    brig prof rev dr mr mrs ms asst"""
)
# Words that qualify a title but are none alone: "Assistant Sheriff", "Deputy District Attorney".
TITLE_MODIFIERS = word_set("assistant associate district special senior executive first")
# Titles written short that TITLE_ABBREVIATIONS leaves out (it also drives the tokenizer):
# "Dep. Ortiz", "Deputy D.A. Lowell Anger", "Ofc. Smith", "Fr. Boyle".
_MORE_ABBREVIATIONS = word_set("dep d.a ofc pres fr")
# Last words of a company's name that give its legal form: "Crowley Maritime Corp.".
LEGAL_FORMS = word_set("inc corp corporation co ltd llc plc limited")
# Generational suffixes, never a surname: "Anthony LaCalamita III" is a LaCalamita.
NAME_SUFFIXES = word_set("jr sr ii iii iv")
# The abbreviations US news style gives states ("Troy, Mich."), read only with their full stop.
US_STATES = {
    abbreviation: state.lower()
    for state, abbreviation in (
        ("Alabama", "ala"),
        ("Arizona", "ariz"),
        ("Arkansas", "ark"),
        ("California", "calif"),
        ("Colorado", "colo"),
        ("Connecticut", "conn"),
        ("Delaware", "del"),
        ("Florida", "fla"),
        ("Georgia", "ga"),
        ("Illinois", "ill"),
        ("Indiana", "ind"),
        ("Kansas", "kan"),
        ("Kentucky", "ky"),
        ("Louisiana", "la"),
        ("Maryland", "md"),
        ("Massachusetts", "mass"),
        ("Michigan", "mich"),
        ("Minnesota", "minn"),
        ("Mississippi", "miss"),
        ("Missouri", "mo"),
        ("Montana", "mont"),
        ("Nebraska", "neb"),
        ("Nevada", "nev"),
        ("New Hampshire", "nh"),
        ("New Jersey", "nj"),
        ("New Mexico", "nm"),
        ("New York", "ny"),
        ("North Carolina", "nc"),
        ("North Dakota", "nd"),
        ("Oklahoma", "okla"),
        ("Oregon", "ore"),
        ("Pennsylvania", "pa"),
        ("Rhode Island", "ri"),
        ("South Carolina", "sc"),
        ("South Dakota", "sd"),
        ("Tennessee", "tenn"),
        ("Texas", "tex"),
        ("Vermont", "vt"),
        ("Virginia", "va"),
        ("Washington", "wash"),
        ("West Virginia", "w va"),
        ("Wisconsin", "wis"),
        ("Wyoming", "wyo"),
    )
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


def clean_name(text: str) -> str:
    """Collapse whitespace, drop a leading lower-case "the" and a trailing possessive."""
    name = _SPACES.sub(" ", text).strip(' \t\n,;:-–—"“”‘’()[]')
    name = _LEADING_THE.sub("", name)
    return _POSSESSIVE.sub("", name).strip()


def is_title_word(word: str) -> bool:
    """Whether a written word is a title or part of one: "Sgt.", "Sheriff's", "President-elect".

    Wider than :data:`TITLE_WORDS`: abbreviations with or without their full stop, possessives,
    a hyphened "-elect" and the qualifiers of :data:`TITLE_MODIFIERS` count too.
    """
    parts = _POSSESSIVE.sub("", word).split("-")
    return all(
        _is_title_part(part) or (i > 0 and part.lower() == "elect") for i, part in enumerate(parts)
    )


def _is_title_part(part: str) -> bool:
    low = part.lower()
    if low in TITLE_WORDS or low in TITLE_MODIFIERS:
        return True
    # British style drops the full stop: "Rev Billy Graham", "Sgt Marty Earley".
    short = low[:-1] if low.endswith(".") else low
    return short in TITLE_ABBREVIATIONS or short in _MORE_ABBREVIATIONS


def strip_person_titles(name: str) -> str:
    """Drop every leading title word in the wide sense of :func:`is_title_word` while a name
    remains: "Deputy Sgt. Hoyt Teasley" -> "Hoyt Teasley", "Dist. Atty. Steve Cooley" -> "Steve
    Cooley". For person names only: "District Court" is a court, not a "Court"."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and (is_title_word(words[cut]) or words[cut] == "of"):
        cut += 1
    return " ".join(words[cut:])


def strip_titles(name: str) -> str:
    """Drop leading title words ("Prime Minister", "Dr.") while a name remains."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and (words[cut].lower() in TITLE_WORDS or words[cut] == "of"):
        cut += 1
    return " ".join(words[cut:])
