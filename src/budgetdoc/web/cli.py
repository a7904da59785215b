"""`budgetdoc serve`: the workbench on a database, with uvicorn. budgetdoc.cli adds the subcommand
(add_command) and hands it its arguments (run)."""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import InputError

DB_HELP = "数据库：SQLite 文件路径（默认当前目录的 budgetdoc.db）、sqlite:///… 或 postgresql://user@host:port/db"


def add_command(subparsers) -> None:
    s = subparsers.add_parser("serve", help="start the review workbench (web pages and REST API) on a database")
    s.add_argument("--db", help=DB_HELP)
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--token", help="require this bearer token on the API (default: env BUDGETDOC_TOKEN; none)")
    s.add_argument("--upload-dir", metavar="DIR", help="where uploads are kept (default: beside the database)")
    s.add_argument("--max-upload-mb", type=float, default=None, metavar="MB", help="largest upload (default 50)")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .app import DEFAULT_MAX_UPLOAD_MB, create_app
    except ImportError as e:
        print(f"budgetdoc：serve 需要 {e.name}：pip install 'budgetdoc[web]'", file=sys.stderr)
        return 2
    try:
        app = create_app(args.db, token=args.token or os.environ.get("BUDGETDOC_TOKEN") or None,
                         upload_dir=args.upload_dir, max_upload_mb=args.max_upload_mb or DEFAULT_MAX_UPLOAD_MB)
    except (InputError, OSError) as e:
        print(f"budgetdoc：{e}", file=sys.stderr)
        return 2
    print(f"budgetdoc 工作台：http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
