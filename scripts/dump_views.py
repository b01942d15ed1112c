"""Dump every view's rendered output for many URL states to one JSON file.

For refactors that must not change what users see: dump before, dump after, then
``python scripts/compare_dumps.py before.json after.json`` (link parameters in any order are equal).
Run from the project root: ``python scripts/dump_views.py out.json``.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from data.load import load_dataset  # noqa: E402
from data.vocabulary import build_vocabulary  # noqa: E402

QUERIES = [
    "", "?view=map&indicator=sdg10_c_1_cost_to_receiving&year=2018", "?view=map&region=Africa&indicator=sdg16_9_1_birth_registration",
    "?view=map&theme=dark&highlight=KEN,NPL", "?view=map&theme=projector&presenter=1", "?view=map&objective=20",
    "?view=map&year=2019&champion=1", "?view=map&flag=sids", "?view=matrix", "?view=matrix&sort=status",
    "?view=matrix&sort=name&year=2021", "?view=matrix&region=Asia&highlight=JPN", "?view=matrix&objective=5,20",
    "?view=uneven", "?view=uneven&uneven=all", "?view=uneven&region=Africa&uneven=all&theme=projector",
    "?view=uneven&indicator=sdg10_c_1_cost_to_receiving", "?view=profile&country=KEN", "?view=profile&country=DEU&year=2019",
    "?view=profile&country=AFG&presenter=1", "?view=change", "?view=change&policy=sdg10_7_2_pd3&region=Europe",
    "?view=change&indicator=sdg10_c_1_cost_to_receiving&compare=KEN,NPL", "?view=gap", "?view=gap&since=2015&compare=KEN",
    "?view=gap&outcome=sdg16_9_1_birth_registration&policy=sdg10_7_2_pd1", "?view=compare", "?view=compare&compare=JPN,NPL,KEN&year=2019",
    "?view=compare&compare=DEU,FRA&theme=dark", "?view=regions", "?view=regions&policy=sdg10_7_2_pd2",
    "?view=corridors", "?view=corridors&country=AUT", "?view=corridors&country=DEU&corridor_role=receiving",
    "?view=table", "?view=table&region=Oceania&indicator=sdg10_7_2_pd4", "?view=methodology",
    "?view=map&objective=12", "?view=matrix&champion=1&theme=projector", "?view=uneven&income_group=Low%20income",
    "?view=map&indicator=bogus&year=1800&foo=1", "?view=profile",
]

def plain(obj):
    if hasattr(obj, "to_plotly_json"):
        obj = obj.to_plotly_json()
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if hasattr(obj, "tolist"):
        return obj.tolist()
    return obj

def main(out):
    dataset = load_dataset()
    vocab = build_vocabulary(dataset)
    from components.layout import build_layout
    from components.views import REGISTRY
    from components.views.matrix import matrix_html
    result = {"layout": plain(build_layout(dataset, vocab, REGISTRY))}
    for q in QUERIES:
        state, notices = REGISTRY.decode(q, vocab)
        entry = {"encoded": REGISTRY.encode(state), "notices": notices, "view": plain(REGISTRY.render(state, dataset))}
        if state.view == "matrix":
            entry["matrix_html"] = matrix_html(state, dataset)
        result[q] = entry
    Path(out).write_text(json.dumps(result, sort_keys=True, indent=0, default=str))
    print(f"{len(QUERIES)} states -> {out}")

if __name__ == "__main__":
    main(sys.argv[1])
