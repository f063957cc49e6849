"""Built-in word lists, in the languages the panel speaks (see `labels.py`): titles too generic to
count as a mention of one page, and the stop words left out when comparing pages by their words.

Both are small on purpose: the generic titles are the names of the pages most sites have (and
the common nouns they are named after), the stop words the function words of each language.
Entries are written as names are read (see `prose.name_words`): lower case, one space
between words, an elided article ("vue d'ensemble") as two words ("vue d ensemble"), no space
in Chinese or Japanese.
"""

from __future__ import annotations

from typing import FrozenSet, Iterable

from mkdocs_backlinks.core.labels import language_key

# One entry a line, so that a language is easy to read and to extend.
_GENERIC_TITLES = {
    "en": """
        home | homepage | home page | start | start here | welcome | overview | index | contents
        | table of contents | introduction | intro | getting started | get started | quick start
        | quickstart | tutorial | tutorials | guide | guides | user guide | how to | howto
        | documentation | docs | readme | about | about us | contact | contact us | faq | faqs
        | frequently asked questions | changelog | change log | changes | release notes | releases
        | history | news | blog | roadmap | glossary | reference | references | api | api reference
        | summary | examples | example | usage | installation | install | setup | set up
        | configuration | config | settings | options | features | concepts | basics | advanced
        | help | support | troubleshooting | search | tags | archive | categories | category
        | license | licence | contributing | contribute | authors | credits | acknowledgements
        | acknowledgments | appendix | notes | resources | links | downloads | download
        | next steps | see also | privacy | terms | legal | imprint | todo
    """,
    "de": """
        startseite | start | willkommen | übersicht | überblick | index | inhalt | inhaltsverzeichnis
        | einführung | einleitung | erste schritte | schnellstart | schnelleinstieg | anleitung
        | anleitungen | handbuch | dokumentation | über | über uns | kontakt | häufige fragen
        | häufig gestellte fragen | änderungsprotokoll | änderungen | versionshinweise | neuigkeiten
        | glossar | referenz | zusammenfassung | beispiele | beispiel | verwendung | benutzung
        | installation | einrichtung | konfiguration | einstellungen | optionen | funktionen
        | grundlagen | hilfe | fehlerbehebung | suche | schlagwörter | archiv | kategorien | lizenz
        | mitwirken | impressum | datenschutz | anhang | weiterführende links
    """,
    "fr": """
        accueil | bienvenue | aperçu | vue d ensemble | présentation | index | sommaire
        | table des matières | introduction | premiers pas | démarrage rapide | prise en main
        | tutoriel | tutoriels | guide | documentation | à propos | contact | foire aux questions
        | questions fréquentes | journal des modifications | notes de version | nouveautés
        | glossaire | référence | résumé | exemples | exemple | utilisation | installation
        | configuration | paramètres | options | fonctionnalités | aide | dépannage | recherche
        | étiquettes | archives | catégories | licence | contribuer | mentions légales | annexe
    """,
    "es": """
        inicio | portada | bienvenido | bienvenida | resumen | visión general | descripción general
        | índice | contenido | introducción | primeros pasos | inicio rápido | tutorial | guía
        | documentación | acerca de | contacto | preguntas frecuentes | registro de cambios
        | notas de la versión | novedades | glosario | referencia | ejemplos | ejemplo | uso
        | instalación | configuración | opciones | ayuda | solución de problemas | búsqueda
        | etiquetas | archivo | categorías | licencia | contribuir | apéndice
    """,
    "it": """
        home | pagina iniziale | benvenuto | panoramica | indice | sommario | introduzione
        | primi passi | guida rapida | tutorial | guida | documentazione | chi siamo | informazioni
        | contatti | domande frequenti | registro delle modifiche | note di rilascio | novità
        | glossario | riferimento | esempi | esempio | utilizzo | uso | installazione
        | configurazione | impostazioni | opzioni | aiuto | risoluzione dei problemi | ricerca
        | archivio | categorie | licenza | contribuire | appendice
    """,
    "pt": """
        início | página inicial | bem vindo | visão geral | índice | conteúdo | introdução
        | primeiros passos | início rápido | tutorial | guia | documentação | sobre | contato
        | contacto | perguntas frequentes | registro de alterações | notas de versão | novidades
        | glossário | referência | resumo | exemplos | exemplo | uso | instalação | configuração
        | configurações | opções | ajuda | solução de problemas | pesquisa | arquivo | categorias
        | licença | contribuir | apêndice
    """,
    "nl": """
        home | startpagina | welkom | overzicht | index | inhoud | inhoudsopgave | introductie
        | inleiding | aan de slag | snel starten | handleiding | documentatie | over | over ons
        | contact | veelgestelde vragen | wijzigingen | wijzigingslogboek | releaseopmerkingen
        | woordenlijst | referentie | samenvatting | voorbeelden | voorbeeld | gebruik | installatie
        | configuratie | instellingen | opties | hulp | probleemoplossing | zoeken | archief
        | categorieën | licentie | bijdragen | bijlage
    """,
    "ru": """
        главная | добро пожаловать | обзор | введение | оглавление | содержание | начало работы
        | быстрый старт | руководство | документация | о нас | о проекте | контакты
        | часто задаваемые вопросы | вопросы и ответы | список изменений | история изменений
        | журнал изменений | примечания к выпуску | новости | глоссарий | справочник | пример
        | примеры | использование | установка | настройка | настройки | конфигурация | помощь
        | устранение неполадок | поиск | архив | категории | лицензия | приложение
    """,
    "pl": """
        strona główna | start | witamy | przegląd | wprowadzenie | wstęp | indeks | spis treści
        | pierwsze kroki | szybki start | przewodnik | samouczek | dokumentacja | o nas | o projekcie
        | kontakt | najczęściej zadawane pytania | często zadawane pytania | lista zmian
        | dziennik zmian | informacje o wydaniu | słowniczek | glosariusz | podsumowanie
        | przykłady | przykład | użycie | instalacja | konfiguracja | ustawienia | opcje | pomoc
        | rozwiązywanie problemów | wyszukiwanie | archiwum | kategorie | licencja | załącznik
    """,
    "zh": """
        首页 | 主页 | 欢迎 | 概述 | 概览 | 简介 | 介绍 | 索引 | 目录 | 入门 | 快速开始
        | 快速入门 | 教程 | 指南 | 文档 | 关于 | 联系我们 | 常见问题 | 更新日志
        | 变更日志 | 发行说明 | 术语表 | 参考 | 示例 | 例子 | 用法 | 使用 | 安装 | 配置
        | 设置 | 帮助 | 故障排除 | 搜索 | 标签 | 归档 | 分类 | 许可证 | 附录
    """,
    "zh-hant": """
        首頁 | 主頁 | 歡迎 | 概述 | 概覽 | 簡介 | 介紹 | 索引 | 目錄 | 入門 | 快速開始
        | 快速入門 | 教學 | 指南 | 文件 | 關於 | 聯絡我們 | 常見問題 | 更新日誌
        | 變更日誌 | 發行說明 | 術語表 | 參考 | 範例 | 用法 | 使用 | 安裝 | 配置 | 設定
        | 幫助 | 說明 | 疑難排解 | 搜尋 | 標籤 | 封存 | 分類 | 授權 | 附錄
    """,
    "ja": """
        ホーム | トップ | ようこそ | 概要 | はじめに | 索引 | 目次 | 入門
        | クイックスタート | チュートリアル | ガイド | ドキュメント
        | よくある質問 | 変更履歴 | 更新履歴 | リリースノート | 用語集
        | リファレンス | 例 | 使い方 | 使用方法 | インストール | 設定 | ヘルプ
        | トラブルシューティング | 検索 | タグ | アーカイブ | カテゴリ
        | ライセンス | 付録
    """,
    "ko": """
        홈 | 환영합니다 | 개요 | 소개 | 색인 | 목차 | 시작하기 | 빠른 시작 | 튜토리얼 | 가이드 | 문서
        | 정보 | 연락처 | 자주 묻는 질문 | 변경 로그 | 변경 내역 | 릴리스 노트 | 용어집 | 참조
        | 레퍼런스 | 예제 | 사용법 | 설치 | 설정 | 구성 | 도움말 | 문제 해결 | 검색 | 태그 | 보관
        | 카테고리 | 라이선스 | 부록
    """,
}

# Function words: articles, pronouns, prepositions, conjunctions, auxiliaries, and the words every
# documentation page uses whatever it is about.
_STOP_WORDS = {
    "en": """
        a about above after again against all also am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers him his how i if in into is it its itself
        just may me might more most must my no nor not now of off on once only or other our ours
        out over own same shall she should so some such than that the their theirs them then there
        these they this those through to too under until up upon us use used uses using very via
        was we were what when where which while who whom why will with would you your yours
        page pages see example e g i e etc also can one two new
    """,
    "de": """
        aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin
        bis bist da damit dann das dass dein deine dem den der des dessen die dies diese diesem
        diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es etwas euch
        euer für gegen hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre im in indem ins ist
        jede jedem jeden jeder jedes jetzt kann kein keine können man manche mein mit muss nach
        nicht nichts noch nun nur ob oder ohne seid sein seine sich sie sind so sollte sondern
        über um und uns unser unter viel vom von vor war waren was weil welche wenn wer werden
        wie wieder wir wird wo zu zum zur zwischen seite seiten siehe
    """,
    "fr": """
        a ai au aux avec ce ces cet cette ci comme dans de des du elle elles en est et été être eu
        il ils je la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ont ou
        où par pas pour qu que quel quelle qui sa sans se ses si son sont sur ta te tes toi ton
        tous tout toute toutes tu un une vos votre vous y d l j n s c m t qu page pages voir
    """,
    "es": """
        a al algo algunas algunos ante como con contra cual cuando de del desde donde durante e el
        ella ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fue ha
        hay la las le les lo los más me mi muy no nos o otra otro para pero por que qué se sea
        ser si sin sobre su sus también te tiene tu un una uno unos y ya página páginas ver
    """,
    "it": """
        a ad al alla alle agli ai anche che chi ci come con da dal dalla dei del della delle di
        e è ed gli ha hanno i il in io la le lo ma mi ne nel nella no non o per più può quale
        quando quello questa questo se si sono su sua suo sue suoi tra tu un una uno l d c
        pagina pagine vedi
    """,
    "pt": """
        a ao aos as com como da das de do dos e é ela elas ele eles em entre era essa esse esta
        este eu foi há isso isto já la lhe mais mas me mesmo na nas não no nos o os ou para pela
        pelo por que se sem ser seu sua são também te tem um uma uns você página páginas ver
    """,
    "nl": """
        aan al als ben bij daar dan dat de der deze die dit doen door een en er ge geen had heb
        hebben heeft het hier hij hoe hun ik in is je kan kon maar me meer men met mij mijn na
        naar niet niets nog nu of om omdat ons ook op over te tegen tot u uit uw van veel voor
        want was wat we wel werd wie wij wordt zal ze zelf zich zij zijn zo zonder pagina zie
    """,
    "ru": """
        а без более бы был была были было в вам вас весь во вот все всё вы где да для до его
        ее её если есть еще ещё же за здесь и из или им их к как ко когда кто ли либо мне может
        мы на над не нет ни но ну о об однако он она они оно от по под при с со так также такой
        там те то того тоже той только том ты у уже чем что чтобы эта эти это этот я страница
        см
    """,
    "pl": """
        a aby ale bez bo by był była było były być co czy dla do gdy gdzie go i ich ile im ja
        jak jako je jego jej jest jeśli już ka każdy kiedy która które który lub ma mi między
        mnie może na nad nie nich nim o od oraz po pod przez przy się są ta tak także te ten to
        tu tylko tym w we więc z za ze że strona zobacz
    """,
}


def _entries(block: str) -> FrozenSet[str]:
    return frozenset(" ".join(entry.split()) for entry in block.split("|") if entry.strip())


_GENERIC = {language: _entries(block) for language, block in _GENERIC_TITLES.items()}
_STOP = {language: frozenset(block.split()) for language, block in _STOP_WORDS.items()}


def _keys(languages: Iterable[object]) -> "list[str]":
    # English always: documentation in any language names its pages "FAQ" or "Changelog".
    return sorted({"en", *(language_key(language) for language in languages)})


def generic_titles(languages: Iterable[object] = ("en",)) -> FrozenSet[str]:
    """The titles that never count as a mention, in the site's `languages` and English, as
    folded words joined by one space."""
    return frozenset().union(*(_GENERIC.get(key, frozenset()) for key in _keys(languages)))


def stop_words(languages: Iterable[object] = ("en",)) -> FrozenSet[str]:
    """The words left out when comparing pages, in the site's `languages` and English, folded.
    Chinese, Japanese and Korean have none here: pages in them are compared by character pairs
    (see `related.py`), which the site's own word frequencies weigh."""
    return frozenset().union(*(_STOP.get(key, frozenset()) for key in _keys(languages)))
