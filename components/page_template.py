"""The HTML page Dash serves around the app: Dash's default, with a language and no stray landmark.

Dash's default template has no ``lang`` on ``<html>`` (WCAG 3.1.1) and wraps its config and
scripts in a second ``<footer>``, a duplicate contentinfo landmark next to the page's own footer.
The script tags themselves are unchanged, so the CSP hashes of Dash's inline scripts still match.

Two hints start downloads early: dcc loads its Graph and Dropdown code as separate chunks, and only
once the first graph or dropdown renders, after the first callbacks. Every first view needs both,
so the page preloads them with its other scripts.
"""

INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        <link rel="preload" as="script" href="_dash-component-suites/dash/dcc/async-dropdown.js">
        <link rel="preload" as="script" href="_dash-component-suites/dash/dcc/async-graph.js">
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <div class="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""
