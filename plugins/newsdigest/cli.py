"""The ``newsdigest`` command: the text functions from the command line."""
from __future__ import annotations

import argparse
import json
import sys

from .bench import add_bench_command
from .clean import read_article, read_article_text
from .digest import digest_text
from .errors import ContentError
from .model import Quote
from .review import add_review_command


def read_text(path: str) -> str:
    """The decoded text of an article file (see ``clean.decode_article_bytes``)."""
    return read_article_text(path)[0]


def command_clean(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            article = read_article(path)
        except ContentError as error:
            print(f"newsdigest: {error}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            print(json.dumps(article.to_json(), ensure_ascii=False))
        else:
            print(f"# {article.title}\n\n{article.text}\n")
    return status


def command_quotes(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            quotes = digest_text(read_text(path), path).quotes_in_source()
        except ContentError as error:
            print(f"newsdigest: {error}", file=sys.stderr)
            status = 1
            continue
        for quote in quotes:
            if args.json:
                print(json.dumps({"file": path, **quote.to_json()}, ensure_ascii=False))
            else:
                print(quote_line(path, quote))
    return status


def quote_line(path: str, quote: Quote) -> str:
    """One quote for reading: where, who (with kind, role, cue and confidence), and the words."""
    if quote.speaker is None:
        return f"{path}:{quote.start}-{quote.end} (unattributed {quote.kind}): “{quote.text}”"
    role = f", {quote.role}" if quote.role else ""
    return (f"{path}:{quote.start}-{quote.end} {quote.speaker} ({quote.speaker_kind}{role}; "
            f"{quote.cue or 'no cue'}, {quote.confidence:.2f}): “{quote.text}”")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdigest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser("clean", help="clean raw scraped articles")
    clean.add_argument("--json", action="store_true", help="one JSON object per file and line")
    clean.add_argument("files", nargs="+")
    clean.set_defaults(run=command_clean)
    quotes = commands.add_parser("quotes", help="list direct quotes and their speakers")
    quotes.add_argument("--json", action="store_true", help="JSON Lines, one object per quote")
    quotes.add_argument("files", nargs="+")
    quotes.set_defaults(run=command_quotes)
    add_bench_command(commands)
    add_review_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
