"""Score extraction on bench pages whose markup is changed the way an unseen site's differs from the bench's.

    python benchmarks/perturb.py BENCH_DIR [BENCH_DIR ...] [--only NAME,...] [--no-trafilatura] [--by-id]

Rules keyed to markup names do not carry over to sites the bench does not hold (held-out HTML scored 0.925 where
the bench said 0.972). Each perturbation here keeps every page's text and structure and changes only what a
site chooses freely:

  roundtrip   parsed and written back by lxml, unchanged otherwise (the baseline of the others)
  classes     every class and id token renamed to a random string (the same token to the same string on a page)
  form        the body's content wrapped in one <form>, as ASP.NET sites do
  unsemantic  <article>, <main> and <section> become <div>
  landmarks   <nav>, <aside>, <header> and <footer> become <div>, and role= attributes go
  microdata   itemprop, itemtype, itemscope and rel= attributes go
  nometa      <meta> tags and JSON-LD go (what a page states only for machines)
  all         every one of the above at once

Each perturbation prints, for our pipeline and for trafilatura (favor_precision), the mean body F1
(score_extract.py beside the bench) and the metadata shares (score_meta.py: the gold of readability/, or on
extract/ a silver standard read by trafilatura from the unchanged page). Lorem-ipsum markup fixtures are left
out. Refused pages score 0.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
from pathlib import Path

import lxml.html

from bench_pages import (our_reading, page_html, real_articles, scorer, trafilatura_body, trafilatura_meta,
                         with_silver_metadata)

_SEMANTIC = ("article", "main", "section")
_LANDMARKS = ("nav", "aside", "header", "footer")


def _rename_classes(root, rng: random.Random) -> None:
    names: dict[str, str] = {}

    def renamed(token: str) -> str:
        if token not in names:
            names[token] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))
        return names[token]

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attribute in ("class", "id"):
            value = el.get(attribute)
            if value:
                el.set(attribute, " ".join(renamed(t) for t in value.split()))


def _wrap_in_form(root, rng: random.Random) -> None:
    body = root.find("body")
    if body is None:
        return
    form = lxml.html.Element("form", method="post", action="./default.aspx")
    form.text, body.text = body.text, None
    for child in list(body):
        form.append(child)
    body.append(form)


def _retag(tags: tuple[str, ...], drop_roles: bool = False):
    def change(root, rng: random.Random) -> None:
        for el in root.iter(*tags):
            el.tag = "div"
        if drop_roles:
            for el in root.xpath("//*[@role]"):
                del el.attrib["role"]
    return change


def _drop_microdata(root, rng: random.Random) -> None:
    for attribute in ("itemprop", "itemtype", "itemscope", "rel"):
        for el in root.xpath(f"//*[@{attribute}]"):
            del el.attrib[attribute]


def _drop_meta(root, rng: random.Random) -> None:
    for el in root.xpath("//meta | //script[@type='application/ld+json']"):
        el.drop_tree()


PERTURBATIONS = {
    "roundtrip": (),
    "classes": (_rename_classes,),
    "form": (_wrap_in_form,),
    "unsemantic": (_retag(_SEMANTIC),),
    "landmarks": (_retag(_LANDMARKS, drop_roles=True),),
    "microdata": (_drop_microdata,),
    "nometa": (_drop_meta,),
}
PERTURBATIONS["all"] = tuple(change for changes in PERTURBATIONS.values() for change in changes)


def perturbed(html: str, changes, seed: str) -> str:
    root = lxml.html.document_fromstring(html)
    rng = random.Random(seed)
    for change in changes:
        change(root, rng)
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def _meta_shares(score_meta, gold: dict, predictions: dict) -> dict[str, float | None]:
    shares = {}
    for field, (gold_key, pred_keys) in score_meta.FIELDS.items():
        pairs = [(score_meta.as_text(g.get(gold_key)).strip(), score_meta.pred_value(predictions.get(k), pred_keys))
                 for k, g in gold.items()]
        pairs = [(g, p) for g, p in pairs if g]
        shares[field] = sum(score_meta.MATCHERS[field](g, p) for g, p in pairs) / len(pairs) if pairs else None
    return shares


def run(bench: Path, names: list[str], with_trafilatura: bool, by_id: bool) -> None:
    score_extract, score_meta = scorer(bench, "score_extract.py"), scorer(bench, "score_meta.py")
    gold = real_articles(json.loads((bench / "gold.json").read_text()))
    with_silver_metadata(bench, gold)  # extract/: a silver standard from the unchanged page
    pages = {k: page_html(bench / "html" / f"{k}.html.gz") for k in sorted(gold)}
    print(f"{bench.name}: {len(gold)} pages (body F1; metadata headline / byline / site / date)")
    baseline: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            rows = {"ours": ({}, {}), "trafilatura": ({}, {})}
            for k, html in pages.items():
                text = perturbed(html, PERTURBATIONS[name], seed=k)
                path = Path(tmp) / f"{k}.html"
                path.write_text(text, encoding="utf-8")
                rows["ours"][0][k], rows["ours"][1][k] = our_reading(path)
                if with_trafilatura:
                    rows["trafilatura"][0][k], rows["trafilatura"][1][k] = trafilatura_body(text), trafilatura_meta(text)
            for who, (bodies, metas) in rows.items():
                if not bodies:
                    continue
                f1 = {k: score_extract.page_scores(gold[k]["articleBody"], bodies[k])[2] for k in gold}
                mean = statistics.mean(f1.values())
                shares = _meta_shares(score_meta, gold, metas)
                if name == "roundtrip":
                    baseline.update({f"{who}:{k}": v for k, v in f1.items()})
                meta_text = " / ".join("n/a" if v is None else f"{v:.3f}" for v in shares.values())
                print(f"  {name:10s} {who:11s} F1 {mean:.3f}   meta {meta_text}")
                if by_id and baseline and name != "roundtrip":
                    for k in gold:
                        drop = baseline.get(f"{who}:{k}", f1[k]) - f1[k]
                        if drop > 0.05:
                            print(f"      {k}: {baseline[f'{who}:{k}']:.3f} -> {f1[k]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", type=Path, nargs="+")
    parser.add_argument("--only", help="comma-separated perturbations (roundtrip is always run first)")
    parser.add_argument("--no-trafilatura", action="store_true", help="score our pipeline only")
    parser.add_argument("--by-id", action="store_true", help="list pages whose F1 falls by more than 0.05")
    args = parser.parse_args()
    names = list(PERTURBATIONS) if not args.only else ["roundtrip", *[n for n in args.only.split(",") if n != "roundtrip"]]
    unknown = set(names) - set(PERTURBATIONS)
    if unknown:
        parser.error(f"unknown perturbation: {', '.join(sorted(unknown))}")
    for bench in args.benches:
        run(bench, names, not args.no_trafilatura, args.by_id)


if __name__ == "__main__":
    main()
