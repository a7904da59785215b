"""The review workbench: `budgetdoc serve` — a FastAPI app on the store with a REST API and pages.

app.py builds the app (create_app), jobs.py is the background worker that checks and stores uploads
(the one writer), pages.py renders PDF pages and finds the quotes' boxes, static/ holds the pages
(HTML, JS, CSS; the chart is drawn as SVG by static/chart.js: nothing comes from a CDN), cli.py is the
`serve` subcommand. FastAPI and uvicorn are the `web` extra: pip install 'budgetdoc[web]'.
"""

__all__ = ["create_app"]


def __getattr__(name: str):  # FastAPI is imported only when the app is built, not by `budgetdoc --help`
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
