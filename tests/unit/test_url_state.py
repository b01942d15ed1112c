"""URL state: round trips, defaults, junk and old links."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from components.url_state import DEFAULT_STATE, FilterState, decode, encode


def test_default_state_encodes_to_empty_query(vocab):
    assert encode(DEFAULT_STATE) == ""
    assert decode("", vocab) == (DEFAULT_STATE, [])


def test_full_state_round_trips(vocab):
    state = FilterState(view="matrix", indicator="sdg10_c_1_cost_to_receiving", year="2019",
                        region=("Africa", "Asia"), subregion=("Western Africa",), commission=("ECA",),
                        income_group=("Low income",), flag=("ldc", "sids"), champion=True,
                        objective=(20, 5), principle=(5,), country="GHA", sort="status",
                        uneven="all", theme="projector", highlight=("GHA", "MAR"))
    query = encode(state)
    assert decode(query, vocab) == (state, [])


def test_unknown_parameters_fall_back_with_notices(vocab):
    state, notices = decode("?view=nonsense&region=Atlantis,Africa&bogus=1&objective=99", vocab)
    assert state.view == "map" and state.region == ("Africa",) and state.objective == ()
    assert any("nonsense" in n for n in notices)
    assert any("Atlantis" in n for n in notices)
    assert any("bogus" in n for n in notices)
    assert any("99" in n for n in notices)


def test_old_link_names_and_values_are_migrated(vocab):
    state, notices = decode("?tab=heatmap&ind=sdg10_7_2_pd1&yr=2021&iso=gha", vocab)
    assert (state.view, state.indicator, state.year, state.country) == ("matrix", "sdg10_7_2_pd1", "2021", "GHA")
    assert notices == []


def test_year_without_data_for_indicator_falls_back_to_latest(vocab):
    state, notices = decode("?indicator=sdg10_7_2_all&year=2015", vocab)
    assert state.year == "latest"
    assert notices and "2015" in notices[0]


def test_profile_without_country_shows_map_with_notice(vocab):
    state, notices = decode("?view=profile", vocab)
    assert state.view == "map" and notices


def test_overlong_query_is_refused_politely(vocab):
    state, notices = decode("?region=" + "x" * 5000, vocab)
    assert state == DEFAULT_STATE and "too long" in notices[0]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_decode_never_raises_and_always_returns_valid_state(vocab, junk):
    state, notices = decode(junk, vocab)
    assert isinstance(state, FilterState)
    assert state.indicator in vocab.indicators
    assert all(n for n in notices)
    # Whatever came in, the state re-encodes to a link that decodes to itself.
    assert decode(encode(state), vocab)[0] == state


@pytest.mark.parametrize("script", ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"])
def test_script_in_query_is_only_echoed_as_text(vocab, script):
    from dash import html

    from components.callbacks import notice_children
    state, notices = decode(f"?region={script}", vocab)
    assert state.region == ()
    [paragraph] = notice_children(notices)
    # One plain string child of a <p>: React escapes it, so the markup shows as text, never runs.
    assert isinstance(paragraph, html.P) and isinstance(paragraph.children, str)
    assert script[:20] in paragraph.children
    assert not any(k.lower().startswith(("dangerously", "on")) for k in paragraph.to_plotly_json()["props"])
