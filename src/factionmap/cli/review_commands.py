"""`factionmap review ...`: list, queue, confirm, reject, correct, add and undo reviews of ties;
`factionmap reviews export-gold`: the reviews as training material. Thin shells over
factionmap.review.Editor and factionmap.graph (the web app's JSON twins print the same JSON)."""
from __future__ import annotations

import json

import click

from .acting import as_option, editor
from .common import db_option, fail_cleanly, open_store
from ..graph.jsonify import review as review_json


def _emit(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _print_review(r) -> None:
    when = r.created_at.strftime("%Y-%m-%d %H:%M")
    ties = ", ".join(f"#{i}" for i in r.tie_ids) or "-"
    click.echo(f"review #{r.id}  {when}  {r.actor}  {r.description}  [{r.state}; tie {ties}]"
               + (f"  note: {r.note}" if r.note else ""))


@click.group()
def review() -> None:
    """Review ties: confirm, reject, correct, add by hand; list reviews; the review queue."""


@click.group()
def reviews() -> None:
    """Reviews as a whole: export them as training material for the extractor."""


@review.command("list")
@db_option
@click.option("--tie", "tie_id", type=int, help="Only the reviews of this tie.")
@click.option("--entity", "-e", help="Only the reviews of this entity's ties (rejected ones included).")
@click.option("--actor", help="Only the reviews by this user.")
@click.option("--kind", type=click.Choice(["confirm", "reject", "correct", "add"]))
@click.option("--json", "as_json", is_flag=True)
@fail_cleanly
def list_command(db, tie_id, entity, actor, kind, as_json) -> None:
    """Reviews, newest first, each with whether it is in force, undone, or detached (its evidence
    no longer produces the tie)."""
    from ..graph import Graph

    g = Graph(open_store(db))
    found = g.reviews(tie=tie_id, entity=entity, actor=actor, kind=kind)
    if as_json:
        return _emit([review_json(r) for r in found])
    for r in found:
        _print_review(r)
    click.echo(f"{len(found)} reviews", err=True)


@review.command("queue")
@db_option
@click.option("--entity", "-e", help="Only ties of this entity.")
@click.option("--relation", "-r", help="Only ties of this relation.")
@click.option("--document", "-d", help="Only ties with evidence in this document (id or id prefix).")
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@fail_cleanly
def queue_command(db, entity, relation, document, limit, as_json) -> None:
    """The ties that most need review, first, with why; and progress (reviewed / total)."""
    from ..graph import Graph, jsonify

    q = Graph(open_store(db)).review_queue(entity=entity, relation=relation, document=document, limit=limit)
    if as_json:
        return _emit({"reviewed": q.reviewed, "waiting": q.waiting, "total": q.total,
                      "items": [{"need": i.need, "reasons": i.reasons, "tie": jsonify.tie(i.tie)} for i in q.items]})
    for item in q.items:
        x = item.tie
        click.echo(f"#{x.id} {x.subject.name} {x.relation} {x.object.name}  [{x.status.value}, {x.grade}]  "
                   f"need {item.need}: {'; '.join(item.reasons)}")
    click.echo(f"reviewed {q.reviewed} / {q.total} ties; {q.waiting} waiting", err=True)


def _expected(ed, tie_id: int, expect: str | None):
    """What the reviewer says they saw: refuse to write over someone's review without --expect."""
    from ..graph import reviews as reviews_mod

    if expect is not None:
        return None if expect.lower() in ("none", "0", "") else int(expect)
    with ed.store.engine.connect() as conn:
        current = reviews_mod.head(conn, tie_id)
    if current is not None:
        raise click.ClickException(
            f"tie #{tie_id} was already {current.verdict} by {current.actor} (review #{current.id}); "
            f"pass --expect {current.id} to write over it")
    return None


def _review_options(func):
    for option in reversed([
        db_option, as_option,
        click.option("--note", "-n", help="Why (shown with the review and in the audit log)."),
        click.option("--expect", metavar="REVIEW",
                     help="The id of the review in force you saw ('none' if none): refused if the tie was reviewed since."),
    ]):
        func = option(func)
    return func


def _done(r) -> None:
    _print_review(r)


@review.command("confirm")
@click.argument("tie_id", type=int)
@_review_options
@click.option("--grade", help="The grade to give (default: credibility 1), e.g. B2 or 2.")
@fail_cleanly
def confirm(tie_id, db, as_user, note, expect, grade) -> None:
    """Confirm a tie: it gets credibility 1 ("confirmed by other sources") or the grade given."""
    ed = editor(db, as_user)
    _done(ed.confirm(tie_id, note=note, grade=grade, expected=_expected(ed, tie_id, expect)))


@review.command("reject")
@click.argument("tie_id", type=int)
@_review_options
@fail_cleanly
def reject(tie_id, db, as_user, note, expect) -> None:
    """Reject a tie: it leaves the map, the profiles and the exports, and stays listed with who and why."""
    ed = editor(db, as_user)
    _done(ed.reject(tie_id, note=note, expected=_expected(ed, tie_id, expect)))


@review.command("correct")
@click.argument("tie_id", type=int)
@_review_options
@click.option("--relation", "-r", help="The right relation.")
@click.option("--swap", is_flag=True, help="The direction is the other way round.")
@click.option("--subject", help="The right subject (name, alias or id).")
@click.option("--object", "object_", help="The right object (name, alias or id).")
@click.option("--start", help="The right start (YYYY, YYYY-MM, YYYY-MM-DD; 'none' clears it).")
@click.option("--end", help="The right end (as --start).")
@click.option("--stance", type=click.Choice(["asserted", "reported", "denied"]))
@click.option("--grade", help="The grade to give (default: credibility 1).")
@fail_cleanly
def correct(tie_id, db, as_user, note, expect, relation, swap, subject, object_, start, end, stance, grade) -> None:
    """Correct a tie; the original stays shown beside the correction."""
    ed = editor(db, as_user)
    change: dict = {}
    if relation:
        change["relation"] = relation
    if swap:
        change["swap"] = True
    if subject:
        change["subject"] = ed.graph.entity_id(subject)
    if object_:
        change["object"] = ed.graph.entity_id(object_)
    for name, value in (("start", start), ("end", end)):
        if value is not None:
            change[name] = None if value.lower() == "none" else value
    if stance:
        change["stance"] = stance
    _done(ed.correct(tie_id, change, note=note, grade=grade, expected=_expected(ed, tie_id, expect)))


@review.command("add")
@click.argument("document")
@click.argument("subject")
@click.argument("relation")
@click.argument("object_")
@db_option
@as_option
@click.option("--quote", "-q", help="The passage that states the tie, as written in the document.")
@click.option("--span", metavar="START-END", help="Or its character offsets in the document's text.")
@click.option("--start", help="When the tie began (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--end", help="When it ended.")
@click.option("--stance", type=click.Choice(["asserted", "reported", "denied"]), default="asserted", show_default=True)
@click.option("--note", "-n")
@fail_cleanly
def add(document, subject, relation, object_, db, as_user, quote, span, start, end, stance, note) -> None:
    """Add a tie by hand, cited by a passage of DOCUMENT (--quote or --span): no evidence, no tie."""
    ed = editor(db, as_user)
    doc = ed.store.document(document)
    if span:
        try:
            a, b = (int(x) for x in span.split("-", 1))
        except ValueError:
            raise click.ClickException(f"--span {span!r}: expected START-END, e.g. 120-188") from None
    elif quote:
        from ..annotation import locate

        hit = locate(doc.text, quote)
        if hit is None:
            raise click.ClickException(f"--quote not found in document {doc.id[:12]}: {quote!r}")
        a, b = hit
    else:
        raise click.ClickException("give the passage that states the tie: --quote TEXT or --span START-END")
    _done(ed.add_tie(doc.id, a, b, subject=subject, relation=relation, object=object_, start_date=start,
                     end_date=end, stance=stance, note=note))


@review.command("undo")
@click.argument("review_id", type=int)
@db_option
@as_option
@click.option("--note", "-n")
@fail_cleanly
def undo(review_id, db, as_user, note) -> None:
    """Undo a review (a manual tie leaves its document); the undo is recorded, nothing is erased."""
    _done(editor(db, as_user).undo_review(review_id, note=note))


@click.command("export-gold")
@db_option
@click.option("--output", "-o", "output", required=True, metavar="FILE", help="The gold rows (JSON Lines).")
@click.option("--docs", "docs_dir", metavar="DIR",
              help="Also write every cited document here (one-record .jsonl files named as the rows' doc).")
@fail_cleanly
def export_gold(db, output, docs_dir) -> None:
    """Confirmed, corrected, added and rejected ties as gold rows (rejected ones marked "review": "rejected")."""
    from ..review.training import training_material

    material = training_material(open_store(db))
    material.write(output, docs_dir)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(material.counts().items())) or "no reviews"
    click.echo(f"{len(material.rows)} rows ({counts}) from {len(material.documents)} documents -> {output}"
               + (f"; documents in {docs_dir}" if docs_dir else ""), err=True)


review.add_command(export_gold)
reviews.add_command(export_gold)
