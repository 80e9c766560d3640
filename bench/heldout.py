"""Held-out proxy score: extraction on our own news-style texts that developers never read, as aggregates only.

usage: .venv/bin/python bench/heldout.py [en|ar ...]

``bench/proxy/<lang>.heldout-*.pack`` hold texts written for this measure (in the style of news pieces and
releases about SNHR figures, with hand-made gold labels) that no developer reads: like ``../shared/blind``, they
measure how the rules generalise only while unread. This script unpacks them into a temporary folder, extracts
and scores them (``tally eval``'s rule), deletes the folder and prints only totals: P/R/F1, qualifier, period
and place agreement, the kinds of error, and recall and precision per metric and per party. Never print, copy or
tune to the texts themselves. Their open companions, ``bench/proxy/<lang>/open/``, are for reading:
``tally eval bench/proxy/en/open``.
"""

from __future__ import annotations

import base64
import json
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.evaluate import CorpusScore, evaluate_dir  # noqa: E402

PROXY = ROOT / "bench" / "proxy"


def unpack(lang: str, into: Path) -> int:
    """Write every held-out text of ``lang`` and its gold into ``into``; the number of texts."""
    n = 0
    for pack in sorted(PROXY.glob(f"{lang}.heldout-*.pack")):
        for item in json.loads(zlib.decompress(base64.b64decode(pack.read_bytes()))):
            (into / f"{item['id']}.txt").write_text(item["text"], encoding="utf-8")
            (into / f"{item['id']}.gold.json").write_text(json.dumps(item["gold"], ensure_ascii=False), encoding="utf-8")
            n += 1
    return n


def kinds_of_error(score: CorpusScore) -> Counter[str]:
    """A miss and an extra of the same count are one error, named by what differs (as ../shared/blind/score)."""
    kinds: Counter[str] = Counter()
    for doc in score.files:
        extras = list(doc.extras)
        for gold in doc.misses:
            same = [p for p in extras if p.count == gold.count]
            if not same:
                kinds["missed: no figure with that count"] += 1
                continue
            p = next((p for p in same if (p.metric, p.group) == (gold.metric, gold.group)), same[0])
            extras.remove(p)
            if (p.metric, p.group) == (gold.metric, gold.group):
                kinds["party: the text names one, none given" if gold.perpetrator and not p.perpetrator else
                      "party: given where the text names none" if p.perpetrator and not gold.perpetrator else
                      "party: another party given"] += 1
            else:
                kinds[("metric" if p.metric != gold.metric else "group") + " wrong"
                      + ("" if p.perpetrator == gold.perpetrator else ", party too")] += 1
        kinds["extra: no gold figure with that count"] += len(extras)
    return kinds


def report(lang: str, n: int, score: CorpusScore) -> None:
    c = score.counts
    per: dict[str, Counter[tuple[str, str]]] = {"metric": Counter(), "gold party": Counter()}
    for doc in score.files:
        for m in doc.matches:
            per["metric"][(m.gold.metric, "tp")] += 1
            per["gold party"][(m.gold.perpetrator or "none", "tp")] += 1
        for g in doc.misses:
            per["metric"][(g.metric, "fn")] += 1
            per["gold party"][(g.perpetrator or "none", "fn")] += 1
        for p in doc.extras:
            per["metric"][(p.metric, "fp")] += 1
            per["gold party"][(p.perpetrator or "none", "fp")] += 1
    print(f"\n{lang}: {n} held-out texts")
    print("  errors by kind:")
    for kind, count in kinds_of_error(score).most_common():
        print(f"    {count:4d}  {kind}")
    for title, table in per.items():
        print(f"  by {title}: recall (tp/gold) and precision (tp/predicted)")
        names = sorted({name for name, _ in table}, key=lambda k: -(table[(k, "tp")] + table[(k, "fn")]))
        for name in names:
            tp, fn, fp = table[(name, "tp")], table[(name, "fn")], table[(name, "fp")]
            print(f"    {name:30s} recall {f'{tp}/{tp + fn}' if tp + fn else '-':>8s}   "
                  f"precision {f'{tp}/{tp + fp}' if tp + fp else '-':>8s}")
    failed = sum(1 for doc in score.files if doc.error)
    print(f"  {lang} held-out: P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
          f"qualifier={c.qualifier_accuracy or 0:.2f} period={c.period_accuracy or 0:.2f} "
          f"place={c.place_accuracy or 0:.2f} (tp={c.tp}, fp={c.fp}, fn={c.fn})"
          + (f" ({failed} texts failed)" if failed else ""))


def main(argv: list[str]) -> int:
    for lang in argv or ["en", "ar"]:
        with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
            n = unpack(lang, Path(tmp))
            if not n:
                print(f"no held-out pack for {lang!r} in {PROXY}")
                return 2
            report(lang, n, evaluate_dir(Path(tmp), lang=lang))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
