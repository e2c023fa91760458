"""What every command shares: the --db option, one-line errors, progress on long runs."""
from __future__ import annotations

import functools
import logging
import os
import sys
from typing import Callable

import click

from ..errors import FactionmapError, printable

DB_HELP = "Store: a SQLite file path or a postgresql:// URL (default: ./factionmap.db, or $FACTIONMAP_DB)."


def db_option(func: Callable) -> Callable:
    return click.option("--db", "db", default=lambda: os.environ.get("FACTIONMAP_DB", "factionmap.db"),
                        show_default="factionmap.db", help=DB_HELP)(func)


def open_store(db: str):
    from ..store import Store

    return Store(db)


def fail_cleanly(func: Callable) -> Callable:
    """Turn factionmap's own errors into `error: <what and where>` and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except FactionmapError as exc:
            raise click.ClickException(printable(exc, 2000)) from None

    return wrapper


def warn(exc: Exception) -> None:
    click.secho(f"skipped: {printable(exc, 2000)}", fg="yellow", err=True)


def _size(ctx, param, value):
    if value is None:
        return None
    from ..ingest.files import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


size_option = click.option(
    "--max-file-size", callback=_size, default=None, metavar="SIZE",
    help="Largest file read, e.g. 50M or 1G (default 256M, or $FACTIONMAP_MAX_FILE_SIZE); larger ones are skipped.")


class _Warnings(logging.Handler):
    """factionmap's logged warnings (a parser's, about one file) as `warning: <file>: ...` on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.secho(f"warning: {printable(record.getMessage(), 2000)}", fg="yellow", err=True)


def show_warnings() -> None:
    log = logging.getLogger("factionmap")
    if not any(isinstance(h, _Warnings) for h in log.handlers):
        log.addHandler(_Warnings(logging.WARNING))
        log.propagate = False


class progress_bar:
    """A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, tests)."""

    def __init__(self, label: str, total: int | None = None):
        self.label, self.total = label, total
        self._progress = None

    def __enter__(self):
        if sys.stderr.isatty():
            from rich.progress import Progress

            self._progress = Progress(transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=self.total)
        return self

    def advance(self, *_args) -> None:
        if self._progress:
            self._progress.advance(self._task)

    def fraction(self, done: int, total: int) -> None:
        """Set the bar to done/total of its length (e.g. bytes read of a file)."""
        if self._progress and total:
            self._progress.update(self._task, completed=(self.total or 100) * done / total)

    def __exit__(self, *exc) -> None:
        if self._progress:
            self._progress.stop()


def extractor_options(func: Callable) -> Callable:
    """--model and --min-confidence: which relation model scores the candidates, and the calibrated
    confidence a tie needs to be kept (default: the model's own threshold)."""
    func = click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
                        help="Keep only ties whose calibrated confidence (the probability that the tie is "
                             "right) reaches this; default: the model's own threshold.")(func)
    func = click.option("--model", "model", type=click.Path(file_okay=False), default=None,
                        help="A relation model folder made by `factionmap train` (default: the packaged one; "
                             "'none': the hand-written frames alone).")(func)
    return func


def extractor_config(model: str | None, min_confidence: float | None):
    from ..extract.pipeline import ExtractorConfig

    if model and model != "none" and not os.path.isdir(model):
        raise click.BadParameter(f"{model}: no such folder (a model made by `factionmap train`)", param_hint="--model")
    return ExtractorConfig(model_dir=model, min_confidence=min_confidence)


def min_confidence_option(func: Callable) -> Callable:
    """--min-confidence for commands that read a store: leave out the ties none of whose assertions
    the extractor was at least this sure of."""
    return click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
                        help="Leave out ties none of whose assertions reaches this calibrated confidence "
                             "(assertions no model scored always count).")(func)
