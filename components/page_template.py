"""The HTML page Dash serves around the app: Dash's default, with a language and no stray landmark.

Dash's default template has no ``lang`` on ``<html>`` (WCAG 3.1.1) and wraps its config and
scripts in a second ``<footer>``, a duplicate contentinfo landmark next to the page's own footer.
The script tags themselves are unchanged, so the CSP hashes of Dash's inline scripts still match.
"""

INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
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
