"""Numbers that machines read (ids, htmx targets, field names, page links) are never grouped like "7.119"."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation

from registry.models import Person


def test_it_renders_a_large_id_plainly_in_htmx_targets_and_grouped_where_people_read_it():
    person = Person(pk=7119, nik="6271015504900002", name="Sari")
    with translation.override("id"):
        html = render_to_string("registry/nik.html", {"person": person})
    assert 'id="nik-7119"' in html


def test_it_links_to_page_1234_as_1234_and_shows_counts_grouped():
    page = Paginator(range(40_000), 25).get_page(1234)
    with translation.override("id"):
        html = render_to_string("layouts/pagination.html", {"page": page, "querystring": "q=x"})
    assert "page=1235" in html and "page=1.235" not in html
    assert "40.000" in html  # "Menampilkan 30.826–30.850 dari 40.000"
