"""Compare two dumps of scripts/dump_views.py, treating link parameters in any order as equal."""
import json
import re
import sys
from urllib.parse import parse_qsl

QUERY = re.compile(r"\?([A-Za-z_]+=[^\"\s<>#]*)")

def norm_query(m):
    raw = m.group(1)
    amp = "&amp;" in raw
    pairs = sorted(parse_qsl(raw.replace("&amp;", "&"), keep_blank_values=True))
    return "?" + ("&amp;" if amp else "&").join(f"{k}={v}" for k, v in pairs)

def norm(o):
    if isinstance(o, dict):
        return {k: norm(v) for k, v in o.items()}
    if isinstance(o, list):
        return [norm(v) for v in o]
    if isinstance(o, str):
        return QUERY.sub(norm_query, o)
    return o

def diff(a, b, path, out):
    if type(a) != type(b):
        out.append(f"{path}: {str(a)[:120]!r} != {str(b)[:120]!r}"); return
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{path}.{k}: only in {'after' if k not in a else 'before'}"); continue
            diff(a[k], b[k], f"{path}.{k}", out)
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append(f"{path}: length {len(a)} != {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, f"{path}[{i}]", out)
    elif a != b:
        out.append(f"{path}: {str(a)[:160]!r} != {str(b)[:160]!r}")

a, b = (norm(json.load(open(f))) for f in sys.argv[1:3])
out = []
diff(a, b, "", out)
print(f"{len(a) - 1} states compared; {len(out)} differences")
for line in out[:60]:
    print(line)
