"""The view registry: every view's declaration joined into one URL vocabulary and one renderer.

A :class:`Registry` is built from View declarations (components/views/__init__.py builds the
dashboard's). From it come the state class a link decodes into, the parser of every link
parameter, the tab labels, the option panels and the wiring of each control to its field.
Nothing else lists the views, so adding one is one module plus one line in the registry.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field, make_dataclass, replace
from urllib.parse import parse_qsl

from data.model import Dataset
from data.vocabulary import Vocabulary, indicator_for
from data.years import LATEST

from . import ids
from .url_fields import (CORE_FIELDS, MAX_QUERY_LENGTH, OLD_NAMES, StateBase, UrlField, choice, encode,
                         short)
from .view_kit import View

#: The page-wide controls and the field each feeds (the views add their own).
CORE_CONTROLS = (
    (ids.VIEW_TABS, "view"),
    (ids.INDICATOR, "indicator"),
    (ids.YEAR, "year"),
    (ids.REGION, "region"),
    (ids.SUBREGION, "subregion"),
    (ids.COMMISSION, "commission"),
    (ids.INCOME, "income_group"),
    (ids.FLAG, "flag"),
    (ids.CHAMPION, "champion"),
    (ids.OBJECTIVE, "objective"),
    (ids.PRINCIPLE, "principle"),
    (ids.COUNTRY, "country"),
    (ids.THEME, "theme"),
    (ids.PRESENTER, "presenter"),
    (ids.HIGHLIGHT, "highlight"),
)


class RegistryError(ValueError):
    """Two views disagree (same name, or one URL field defined two ways)."""


class Registry:
    """The views of one dashboard, in navigation order, and everything derived from them."""

    def __init__(self, views: Iterable[View]):
        self.views: tuple[View, ...] = tuple(views)
        self.by_name: dict[str, View] = {}
        for view in self.views:
            if view.name in self.by_name:
                raise RegistryError(f"Two views are named {view.name!r}.")
            self.by_name[view.name] = view
        names = tuple(self.by_name)
        view_field = UrlField("view", names[0], choice("view", lambda v: names))
        self.fields: dict[str, UrlField] = {}
        for url_field in (view_field, *CORE_FIELDS, *(f for v in self.views for f in v.url_fields)):
            known = self.fields.setdefault(url_field.name, url_field)
            if known is not url_field:
                raise RegistryError(f"The link field {url_field.name!r} is defined twice; share one UrlField.")
        self.state_class = make_dataclass(
            "FilterState", [(f.name, type(f.default), field(default=f.default)) for f in self.fields.values()],
            bases=(StateBase,), frozen=True)
        self.state_class.__doc__ = "Everything a link restores: the view, its indicator and year, every filter."
        self.default_state = self.state_class()
        self.controls: tuple[tuple[str, str], ...] = CORE_CONTROLS + tuple(
            pair for v in self.views for pair in v.control_fields)
        unknown = [name for _, name in self.controls if name not in self.fields]
        if unknown:
            raise RegistryError(f"Controls feed unknown link fields: {', '.join(unknown)}.")

    @property
    def labels(self) -> dict[str, str]:
        """View name -> tab label, in navigation order."""
        return {v.name: v.label for v in self.views}

    @property
    def names(self) -> tuple[str, ...]:
        """The view names, in navigation order."""
        return tuple(self.by_name)

    def encode(self, state) -> str:
        """The query string for ``state`` ('' for the default state)."""
        return encode(state)

    def decode(self, query: str | None, vocab: Vocabulary):
        """Parse a query string into a valid state plus human notices for whatever was dropped.

        Never raises: callbacks pass browser input through, so anything may arrive."""
        notices: list[str] = []
        if not isinstance(query, str):
            query = ""
        text = query.lstrip("?")
        if len(text) > MAX_QUERY_LENGTH:
            return self.default_state, ["The link was too long to read, so the default view is shown."]
        raw: dict[str, str] = {}
        for key, value in parse_qsl(text, keep_blank_values=True):
            key = OLD_NAMES.get(key.strip().lower(), key.strip().lower())
            raw[key] = value.strip()
        changes: dict = {}
        for key, value in raw.items():
            url_field = self.fields.get(key)
            if url_field is None:
                notices.append(f"Ignored unknown link setting “{short(key)}”.")
                continue
            parsed, problem = url_field.parse(value, vocab)
            if problem:
                notices.append(problem)
            if parsed is not None:
                changes[key] = parsed
        state = replace(self.default_state, **changes)
        if "indicator" not in raw and hasattr(state, "objective"):
            # A link that names objectives but no indicator shows the one they stand for, as
            # choosing the objective does on the page (components.state_controls).
            chosen = indicator_for(vocab.indicator_tags, state.indicator, state.objective,
                                   getattr(state, "principle", ()))
            if chosen is not None:
                state = replace(state, indicator=chosen)
        if state.year != LATEST and int(state.year) not in vocab.years_for(state.indicator):
            notices.append(f"{state.indicator} has no data for {state.year}; showing the latest available.")
            state = replace(state, year=LATEST)
        check = self.by_name[state.view].check
        if check is not None:
            state, problem = check(state)
            if problem:
                notices.append(problem)
        return state, notices

    def render(self, state, dataset: Dataset) -> list:
        """The children of the content area for ``state`` (decode only yields known views)."""
        return self.by_name[state.view].render(state, dataset)

    def with_fragments(self) -> tuple[View, ...]:
        """The views that serve a static HTML fragment."""
        return tuple(v for v in self.views if v.fragment is not None)
