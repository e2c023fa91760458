"""Commands that read and shape the map: show, ties, lineage, path, contested; merge, split, undo,
explain, decisions. Each is a thin shell over `factionmap.graph.Graph`; --json prints what the web
app's JSON twins print.
"""
from __future__ import annotations

import json

import click

from .acting import as_option, editor
from .common import db_option, fail_cleanly, open_store


def config_option(func):
    return click.option("--config", "config", type=click.Path(dir_okay=False),
                        help="Source reliability grades (YAML; default ./factionmap.yaml or $FACTIONMAP_CONFIG).")(func)


def json_option(func):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def _graph(db: str, config: str | None = None):
    from ..graph import Graph
    from ..graph.sources import find_config, load

    graph = Graph(open_store(db))
    path = find_config(config)
    if path is not None:
        graph.set_reliability(load(path))
    return graph


def _emit(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _dates(tie) -> str:
    start = tie.start.iso if tie.start else "?"
    end = tie.end.iso if tie.end else ("" if tie.start else "?")
    return "undated" if start == "?" and end in ("", "?") else f"{start}–{end}"


def _print_tie(tie, quotes: bool = True, indent: str = "  ") -> None:
    from ..relations import RELATIONS

    label = RELATIONS[tie.relation].label if tie.relation in RELATIONS else tie.relation
    click.echo(f"{indent}#{tie.id} {tie.subject.name} {label} {tie.object.name}  [{_dates(tie)}] "
               f"{tie.status.value}, grade {tie.grade}, confidence {tie.confidence}")
    if quotes:
        for c in tie.citations:
            click.echo(f"{indent}    {c.stance.value:<8} {c.doc_title or c.doc_id[:12]}"
                       f"{' (' + c.published + ')' if c.published else ''}: \u201c{c.quote}\u201d")


@click.command()
@click.argument("entity")
@db_option
@config_option
@click.option("--limit", type=click.IntRange(min=1), help="Ties a page holds, the most cited first (default 100).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many ties (the next page).")
@click.option("--all", "every", is_flag=True, help="Every tie, however many (slow for a hub).")
@json_option
@fail_cleanly
def show(entity: str, db: str, config: str | None, limit: int | None, offset: int, every: bool, as_json: bool) -> None:
    """A profile of ENTITY (a name, any alias, or an id): names, leaders, its ties cited, a page at a time."""
    from ..graph import jsonify
    from ..graph.views import PROFILE_PAGE

    p = _graph(db, config).profile(entity, limit=None if every else (limit or PROFILE_PAGE), offset=offset)
    if as_json:
        return _emit(jsonify.profile(p))
    e = p.entity
    click.echo(f"{e.name}  ({e.type.value}, id {e.id}{', kb ' + e.kb_id if e.kb_id else ''})")
    if p.aliases:
        click.echo("also: " + "; ".join(a.name for a in p.aliases if a.name != e.name))
    if p.leaders:
        click.echo("leaders:")
        for person, start, end, _tie in p.leaders:
            click.echo(f"  {person.name}  {start.iso if start else '?'}–{end.iso if end else ''}")
    paged = p.shown < p.total
    for relation, ties in sorted(p.ties_by_relation.items()):
        click.echo(f"\n{relation} ({len(ties)} of {p.counts[relation]})" if paged else f"\n{relation} ({len(ties)})")
        for tie in ties:
            _print_tie(tie)
    if paged:
        more = f"; the next: --offset {p.next_offset}" if p.next_offset is not None else ""
        click.echo(f"\nties {p.offset + 1 if p.shown else p.offset}-{p.offset + p.shown} of {p.total}, "
                   f"the most cited first{more}")


@click.command()
@db_option
@config_option
@click.option("--as-of", "as_of", help="The map as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--from", "start", help="Ties holding at some time from this date ...")
@click.option("--to", "end", help="... to this date.")
@click.option("--relation", "-r", multiple=True, help="Only this relation (repeatable).")
@click.option("--entity", "-e", help="Only ties of this entity.")
@click.option("--status", "-s", type=click.Choice(["supported", "contested", "denied"]), multiple=True)
@click.option("--min-grade", help="At least this grade, e.g. B3.")
@click.option("--undated", is_flag=True, help="With --as-of/--from/--to, keep ties that have no dates.")
@click.option("--limit", type=int, help="At most this many ties (with --entity: a page of 100 unless --all).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many ties (the next page).")
@click.option("--all", "every", is_flag=True, help="With --entity: every tie at once, not a page.")
@click.option("--quotes/--no-quotes", default=False, help="Print the cited sentences.")
@json_option
@fail_cleanly
def ties(db, config, as_of, start, end, relation, entity, status, min_grade, undated, limit, offset, every, quotes,
         as_json) -> None:
    """Ties, filtered by date, relation, entity, status and grade. An entity's ties come a page at a
    time (--limit, --offset; the count of them all on stderr), as `show` gives them."""
    from ..graph import jsonify
    from ..graph.views import PROFILE_PAGE

    g = _graph(db, config)
    filters = dict(as_of=as_of, start=start, end=end, relation=list(relation) or None, entity=entity,
                   status=list(status) or None, min_grade=min_grade, undated=undated)
    if limit is None and entity is not None and not every:
        limit = PROFILE_PAGE
    shown = dict(citations=quotes or as_json, aliases=False)  # the citations only where they are printed; the ends by name
    if limit:
        found, total = g.ties_page(limit, offset, **filters, **shown)
    else:
        found = g.ties(**filters, offset=offset, **shown)
        total = offset + len(found)
    if as_json:
        return _emit([jsonify.tie(x) for x in found])
    for tie in found:
        _print_tie(tie, quotes, indent="")
    if total > offset + len(found) and found:
        click.echo(f"{len(found)} of {total} ties (the next page: --offset {offset + len(found)})", err=True)
    elif offset:
        click.echo(f"{len(found)} of {total} ties", err=True)
    else:
        click.echo(f"{len(found)} ties", err=True)


@click.command()
@click.argument("entity")
@db_option
@json_option
@fail_cleanly
def lineage(entity: str, db: str, as_json: bool) -> None:
    """Predecessors and successors of ENTITY (splits, mergers, renamings), as a tree with dates."""
    from ..graph import jsonify

    root = _graph(db).lineage(entity)
    if as_json:
        return _emit(jsonify.lineage(root))
    click.echo(f"{root.entity.name} (id {root.entity.id})")

    def walk(node, depth: int) -> None:
        for child in node.children:
            arrow = "◀" if child.direction == "predecessor" else "▶"
            when = child.start.iso if child.start else "?"
            click.echo(f"{'  ' * depth}{arrow} {child.entity.name}  ({child.relation}, {when}, tie #{child.tie.id})")
            walk(child, depth + 1)

    walk(root, 1)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--max-hops", default=4, show_default=True)
@click.option("--as-of", "as_of", help="Only ties holding on this date.")
@json_option
@fail_cleanly
def path(a: str, b: str, db: str, max_hops: int, as_of: str | None, as_json: bool) -> None:
    """How A and B are connected: the shortest chain of ties, each step cited."""
    from ..graph import jsonify

    steps = _graph(db).path(a, b, max_hops=max_hops, as_of=as_of)
    if as_json:
        return _emit([jsonify.tie(x) for x in steps])
    if not steps:
        raise click.ClickException(f"no connection within {max_hops} ties")
    for tie in steps:
        _print_tie(tie, indent="")


@click.command()
@db_option
@config_option
@click.option("--entity", "-e", help="Only ties of this entity.")
@json_option
@fail_cleanly
def contested(db: str, config: str | None, entity: str | None, as_json: bool) -> None:
    """Ties with evidence both ways, each side cited."""
    from ..graph import jsonify

    found = _graph(db, config).contested(entity=entity)
    if as_json:
        return _emit([jsonify.tie(x) for x in found])
    for tie in found:
        _print_tie(tie, indent="")
    click.echo(f"{len(found)} contested ties", err=True)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@as_option
@click.option("--note", "-n", help="Why (recorded in the audit log).")
@fail_cleanly
def merge(a: str, b: str, db: str, as_user: str | None, note: str | None) -> None:
    """Fuse entity B into entity A (A keeps its id and name). Undo with `factionmap undo ID`."""
    d = editor(db, as_user).merge(a, b, note=note)
    click.echo(f"decision #{d.id}: {d.description}")


@click.command()
@click.argument("entity")
@click.argument("aliases", nargs=-1, required=True)
@db_option
@as_option
@click.option("--note", "-n", help="Why (recorded in the audit log).")
@fail_cleanly
def split(entity: str, aliases: tuple[str, ...], db: str, as_user: str | None, note: str | None) -> None:
    """Take ALIASES off ENTITY: documents calling it by them found their own entity."""
    d = editor(db, as_user).split(entity, list(aliases), note=note)
    click.echo(f"decision #{d.id}: {d.description}")


@click.command()
@click.argument("decision_id", type=int)
@db_option
@as_option
@click.option("--note", "-n", help="Why (recorded in the audit log).")
@fail_cleanly
def undo(decision_id: int, db: str, as_user: str | None, note: str | None) -> None:
    """Undo a merge, split, rename, kind or external id (see `factionmap decisions`)."""
    d = editor(db, as_user).undo_decision(decision_id, note=note)
    click.echo(f"undone #{d.id}: {d.description}")


@click.command()
@db_option
@json_option
@fail_cleanly
def decisions(db: str, as_json: bool) -> None:
    """The decisions made by users (merges, splits, renames, kinds, external ids), oldest first."""
    from ..graph import jsonify

    found = _graph(db).decisions()
    if as_json:
        return _emit([jsonify.decision(d) for d in found])
    for d in found:
        click.echo(f"#{d.id}  {d.created_at:%Y-%m-%d %H:%M}  {d.description}")


@click.command()
@click.argument("entity")
@db_option
@json_option
@fail_cleanly
def explain(entity: str, db: str, as_json: bool) -> None:
    """Why each alias of ENTITY is there: the documents that brought it and how it joined."""
    g = _graph(db)
    e = g.entity(entity)
    rows = g.explain(e.id)
    if as_json:
        return _emit([{"alias": n, "documents": docs, "reason": why} for n, docs, why in rows])
    click.echo(f"{e.name} (id {e.id})")
    for name, docs, why in rows:
        titles = ", ".join(d["title"] or d["id"][:12] for d in docs) or "-"
        click.echo(f"  {name}: {why}; from {titles}")


COMMANDS = (show, ties, lineage, path, contested, merge, split, undo, explain, decisions)
