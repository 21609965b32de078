"""Reads kg's GraphML with networkx and its Neo4j CSV with Python's csv module.

Usage: check-graph-exports.py KG.graphml NEO4J_DIR ENTITIES EDGES KNOWN.csv
ENTITIES and EDGES are the counts `kg stats` prints; KNOWN.csv is a `kg query --format csv`
result with the columns key and label. Prints one `ok`/`FAIL` line per check; exits 1 on a
failure. The Neo4j headers are checked against the header format neo4j-admin documents
(name:ID, :LABEL, :START_ID, :END_ID, :TYPE, name:type with an optional [] for arrays).
"""

import csv
import re
import sys

import networkx as nx

graphml, neo4j_dir, entities, edges, known = sys.argv[1:]
entities, edges = int(entities), int(edges)
with open(known, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
key, label = rows[0]["key"], rows[0]["label"]

failures = 0


def check(name, ok, detail=""):
    global failures
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + str(detail) if detail else ''}")
    failures += 0 if ok else 1


# GraphML through networkx.
g = nx.read_graphml(graphml)
check("networkx reads a directed graph", g.is_directed())
check("networkx node count", g.number_of_nodes() == entities, f"{g.number_of_nodes()} vs {entities}")
check("networkx edge count", g.number_of_edges() == edges, f"{g.number_of_edges()} vs {edges}")
check("networkx label of " + key, g.nodes.get(key, {}).get("label") == label, g.nodes.get(key))
weights = [d.get("weight") for _, _, d in g.edges(data=True)]
check("edge weights are integers >= 1", all(isinstance(w, int) and w >= 1 for w in weights))
confidences = [d.get("confidence") for _, _, d in g.edges(data=True)]
check("confidences are numbers in [0, 1]",
      all(c is None or (isinstance(c, float) and 0 <= c <= 1) for c in confidences))

# Neo4j CSV through the csv module, against neo4j-admin's header format.
TYPES = "int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration"
PROPERTY = re.compile(rf"[A-Za-z_][A-Za-z0-9_]*(:({TYPES})(\[\])?)?")
ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*:ID(\([A-Za-z_][A-Za-z0-9_]*\))?")


def read(name):
    with open(f"{neo4j_dir}/{name}", newline="", encoding="utf-8") as f:
        text = f.read()
    return text, list(csv.reader(text.splitlines(keepends=True)))


def header_ok(header, special):
    bad = [h for h in header if h not in special and not ID.fullmatch(h) and not PROPERTY.fullmatch(h)]
    return not bad, bad


def typed(header, rows):
    """Values of int and double columns that do not parse."""
    bad = []
    for i, h in enumerate(header):
        kind = h.partition(":")[2]
        for r in rows:
            v = r[i]
            if v and kind in ("int", "long") and not re.fullmatch(r"-?\d+", v):
                bad.append((h, v))
            if v and kind in ("float", "double"):
                try:
                    float(v)
                except ValueError:
                    bad.append((h, v))
    return bad


text, node_rows = read("nodes.csv")
header, node_rows = node_rows[0], node_rows[1:]
ok, bad = header_ok(header, {":LABEL"})
check("nodes.csv header follows neo4j-admin's format", ok, bad or ",".join(header))
check("nodes.csv has one :ID and one :LABEL column",
      sum(bool(ID.fullmatch(h)) for h in header) == 1 and header.count(":LABEL") == 1)
check("nodes.csv row count", len(node_rows) == entities, f"{len(node_rows)} vs {entities}")
check("nodes.csv rows have the header's width", all(len(r) == len(header) for r in node_rows))
check("nodes.csv has no line break inside a field", len(text.splitlines()) == len(node_rows) + 1)
id_col = next(i for i, h in enumerate(header) if ID.fullmatch(h))
ids = [r[id_col] for r in node_rows]
check("node ids are unique", len(set(ids)) == len(ids))
label_col = header.index(":LABEL")
check("labels are identifiers",
      all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", l) for r in node_rows for l in r[label_col].split(";")))
check("typed node columns parse", not typed(header, node_rows), typed(header, node_rows)[:3])
name_col = header.index("name")
found = [r[name_col] for r in node_rows if r[id_col] == key]
check("nodes.csv name of " + key, found == [label], found)

text, rel_rows = read("relationships.csv")
header, rel_rows = rel_rows[0], rel_rows[1:]
ok, bad = header_ok(header, {":START_ID", ":END_ID", ":TYPE"})
check("relationships.csv header follows neo4j-admin's format", ok, bad or ",".join(header))
check("relationships.csv starts with :START_ID,:END_ID,:TYPE", header[:3] == [":START_ID", ":END_ID", ":TYPE"])
check("relationships.csv row count", len(rel_rows) == edges, f"{len(rel_rows)} vs {edges}")
check("relationships.csv rows have the header's width", all(len(r) == len(header) for r in rel_rows))
check("relationships.csv has no line break inside a field", len(text.splitlines()) == len(rel_rows) + 1)
known_ids = set(ids)
check("relationships join known nodes", all(r[0] in known_ids and r[1] in known_ids for r in rel_rows))
check("types are UPPER_SNAKE_CASE", all(re.fullmatch(r"[A-Z][A-Z0-9_]*", r[2]) for r in rel_rows))
check("typed relationship columns parse", not typed(header, rel_rows), typed(header, rel_rows)[:3])

print(f"graph exports: {failures} failed")
sys.exit(1 if failures else 0)
