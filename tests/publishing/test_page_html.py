"""What the site changes in a page's HTML (page_html), on small pages written for each case."""

from karabakh_figures.publishing.page_html import page_parts


def test_links_to_notebooks_and_readmes_lead_to_their_pages_and_others_are_left():
    body = page_parts('<p><a href="01-territories.ipynb#Areas">a</a> <a href="../data/README.md">b</a> '
                      '<a href="https://example.org/02-x.ipynb">c</a> '
                      '<a href="../data/territories.csv">d</a></p>')["body"]
    assert ('href="01-territories.html#Areas"' in body and 'href="../data/README.html"' in body
            and 'href="https://example.org/02-x.ipynb"' in body and 'href="../data/territories.csv"' in body)


def test_a_chart_image_serves_its_narrow_render_and_opens_its_svg():
    body = page_parts('<p><img alt="A map" src="../figures/05-map.png"></p>'
                      '<p><img alt="A thumbnail" src="../thumbnails/05-map.png"></p>')["body"]
    assert ('<a href="../figures/05-map.svg"><picture><source media="(max-width: 40rem)" '
            'srcset="../figures/05-map-narrow.png"><img alt="A map" decoding="async" loading="lazy" '
            'src="../figures/05-map.png"></picture></a>') in body
    assert '<p><img alt="A thumbnail" src="../thumbnails/05-map.png"></p>' in body


def test_the_title_is_taken_out_and_sections_listed_from_three_on():
    parts = page_parts('<h1 id="t">Title</h1><h2>One &amp; all</h2><h2 id="two">Two¶</h2><h2>Three</h2>')
    assert parts["heading"] == '<h1 id="t">Title</h1>' and "<h1" not in parts["body"]
    assert parts["contents"] == [{"anchor": "one-all", "title": "One & all"}, {"anchor": "two", "title": "Two"},
                                 {"anchor": "three", "title": "Three"}]
    assert page_parts("<h2>One</h2><h2>Two</h2>")["contents"] == []


def test_a_readme_s_tables_scroll_and_name_each_cell_s_column():
    body = page_parts("<table><thead><tr><th>line</th><th>heading</th></tr></thead>"
                      "<tbody><tr><td>1</td><td>A</td><td>extra</td></tr></tbody></table><pre>x</pre>",
                      readme=True)["body"]
    assert body.startswith('<div aria-label="Table 1: line, heading" class="table-scroll" role="region" tabindex="0">'
                           '<table class="readme-table">')
    assert '<td data-label="line">1</td><td data-label="heading">A</td><td data-label>extra</td>' in body
    assert '<pre tabindex="0">x</pre>' in body
