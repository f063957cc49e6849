"""mkdocs-macros-plugin: links written by macros and variables count."""


def test_links_from_macros_count(build):
    docs = {
        "index.md": "# Home\n\n{{ link_to('guide') }} and [{{ config.site_name }}](other.md)\n",
        "guide.md": "# Guide\n\n[Home](index.md)\n",
        "other.md": "# Other\n\n[Guide](guide.md)\n",
    }
    (
        main := "def define_env(env):\n"
        "    @env.macro\n"
        "    def link_to(name):\n"
        "        return f'[{name.title()}]({name}.md)'\n"
    )
    site = build({**docs, "../main.py": main}, {"plugins": ["search", "macros", "backlinks"]})
    assert site.backlinks("guide/") == ["", "other/"]
    assert site.backlinks("other/") == [""]
