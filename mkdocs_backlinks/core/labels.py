"""The panel's words, in the theme's language, each one overridable from `labels:`."""

from __future__ import annotations

from typing import Dict, Mapping, Optional

# `{count}` in `more` and `more_links` is replaced by a number. The words avoid counted nouns, so
# that one form reads right for every number in languages with several plural forms (ru, pl...).
ENGLISH: Dict[str, str] = {
    "title": "Pages linking here",
    "empty": "No pages link here yet.",
    "more": "and {count} more",
    "count": "Number of links",
    "more_links": "and {count} more from this page",
    "mentions": "Mentioned without a link",
    "inbound": "Linked from other sites",
}

TRANSLATIONS: Dict[str, Dict[str, str]] = {
    "en": ENGLISH,
    "de": {
        "title": "Seiten, die hierher verlinken",
        "empty": "Noch verlinkt keine Seite hierher.",
        "more": "und {count} weitere",
        "count": "Anzahl der Links",
        "more_links": "und {count} weitere von dieser Seite",
        "mentions": "Ohne Link erwähnt",
        "inbound": "Von anderen Websites verlinkt",
    },
    "fr": {
        "title": "Pages qui renvoient ici",
        "empty": "Aucune page ne renvoie encore ici.",
        "more": "et {count} de plus",
        "count": "Nombre de liens",
        "more_links": "et {count} de plus sur cette page",
        "mentions": "Mentionnée sans lien",
        "inbound": "Liens depuis d'autres sites",
    },
    "es": {
        "title": "Páginas que enlazan aquí",
        "empty": "Todavía ninguna página enlaza aquí.",
        "more": "y {count} más",
        "count": "Número de enlaces",
        "more_links": "y {count} más en esta página",
        "mentions": "Mencionada sin enlace",
        "inbound": "Enlazada desde otros sitios",
    },
    "it": {
        "title": "Pagine che rimandano qui",
        "empty": "Nessuna pagina rimanda ancora qui.",
        "more": "e altre {count}",
        "count": "Numero di link",
        "more_links": "e altri {count} in questa pagina",
        "mentions": "Menzionata senza link",
        "inbound": "Link da altri siti",
    },
    "pt": {
        "title": "Páginas com links para aqui",
        "empty": "Ainda nenhuma página tem links para aqui.",
        "more": "e mais {count}",
        "count": "Número de links",
        "more_links": "e mais {count} nesta página",
        "mentions": "Mencionada sem link",
        "inbound": "Links de outros sites",
    },
    "nl": {
        "title": "Pagina's die hiernaar linken",
        "empty": "Nog geen enkele pagina linkt hiernaar.",
        "more": "en nog {count}",
        "count": "Aantal links",
        "more_links": "en nog {count} op deze pagina",
        "mentions": "Genoemd zonder link",
        "inbound": "Gelinkt vanaf andere sites",
    },
    "ru": {
        "title": "Страницы, ссылающиеся сюда",
        "empty": "Сюда пока не ссылается ни одна страница.",
        "more": "и ещё {count}",
        "count": "Число ссылок",
        "more_links": "и ещё {count} на этой странице",
        "mentions": "Упоминания без ссылки",
        "inbound": "Ссылки с других сайтов",
    },
    "pl": {
        "title": "Strony, które tu linkują",
        "empty": "Żadna strona jeszcze tu nie linkuje.",
        "more": "i jeszcze {count}",
        "count": "Liczba linków",
        "more_links": "i jeszcze {count} na tej stronie",
        "mentions": "Wzmianki bez linku",
        "inbound": "Linki z innych witryn",
    },
    "zh": {
        "title": "链接到本页的页面",
        "empty": "还没有页面链接到这里。",
        "more": "另外 {count} 个",
        "count": "链接数",
        "more_links": "本页另有 {count} 处",
        "mentions": "提及但未链接",
        "inbound": "来自其他网站的链接",
    },
    "zh-hant": {
        "title": "連結到本頁的頁面",
        "empty": "還沒有頁面連結到這裡。",
        "more": "另外 {count} 個",
        "count": "連結數",
        "more_links": "本頁另有 {count} 處",
        "mentions": "提及但未連結",
        "inbound": "來自其他網站的連結",
    },
    "ja": {
        "title": "このページへのリンク元",
        "empty": "このページにリンクしているページはまだありません。",
        "more": "他 {count} 件",
        "count": "リンク数",
        "more_links": "このページの他 {count} 件",
        "mentions": "リンクなしの言及",
        "inbound": "他のサイトからのリンク",
    },
    "ko": {
        "title": "이 페이지를 링크하는 페이지",
        "empty": "아직 이 페이지를 링크하는 페이지가 없습니다.",
        "more": "외 {count}개",
        "count": "링크 수",
        "more_links": "이 페이지의 외 {count}개",
        "mentions": "링크 없이 언급됨",
        "inbound": "다른 사이트의 링크",
    },
}

# Region tags that mean the traditional script, which MkDocs and Material spell in several ways.
_TRADITIONAL_CHINESE = {"zh-tw", "zh-hk", "zh-mo", "zh-hant", "zh-hant-tw"}


def language_key(language: object) -> str:
    """The key in `TRANSLATIONS` for a theme's language (`de`, `pt_BR`, `pt-BR`, `zh-TW`,
    a babel `Locale`...), or `en` when there is no translation for it."""
    tag = str(language or "").strip().lower().replace("_", "-")
    if tag in _TRADITIONAL_CHINESE or tag.startswith("zh-hant"):
        return "zh-hant"
    base = tag.split("-", 1)[0]
    return base if base in TRANSLATIONS else "en"


def theme_language(theme: Mapping[str, object]) -> object:
    """The language the theme writes in: Material's `language`, else MkDocs' `locale`."""
    return theme.get("language") or theme.get("locale")


def panel_labels(overrides: Mapping[str, Optional[str]], language: object = "en") -> Dict[str, str]:
    """The words in `language`, with each one the user set in `labels:` replacing its default."""
    labels = dict(ENGLISH)
    labels.update(TRANSLATIONS[language_key(language)])
    labels.update({key: value for key, value in overrides.items() if value is not None})
    return labels
