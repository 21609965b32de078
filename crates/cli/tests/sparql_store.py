"""RDFLib's SPARQLStore against `kg serve`: SELECT with each HTTP method and results format,
ASK, and CONSTRUCT; prints "entities N" when every way agrees.

Usage: python sparql_store.py http://127.0.0.1:PORT/query
"""
import sys

from rdflib import Graph, Literal
from rdflib.plugins.stores.sparqlstore import SPARQLStore

endpoint = sys.argv[1]
KG = "https://kg.example.org/ns#"
SELECT = f"""PREFIX kg: <{KG}>
SELECT ?entity ?label WHERE {{ ?entity kg:key ?key ; rdfs:label ?label }} ORDER BY ?label"""
CONSTRUCT = f"""PREFIX kg: <{KG}>
CONSTRUCT {{ ?entity kg:key ?key }} WHERE {{ ?entity kg:key ?key }}"""

answers = {}
for method in ("GET", "POST", "POST_FORM"):
    for return_format in ("xml", "json", "csv"):
        graph = Graph(store=SPARQLStore(endpoint, method=method, returnFormat=return_format))
        rows = [(str(r.entity), str(r.label)) for r in graph.query(SELECT)]
        answers[(method, return_format)] = rows

first = next(iter(answers.values()))
for way, rows in answers.items():
    if rows != first:
        sys.exit(f"{way} read {len(rows)} rows, {len(first)} by the first way")
if not first or not all(label for _, label in first):
    sys.exit(f"no labelled entities: {first[:3]}")

graph = Graph(store=SPARQLStore(endpoint))
if not graph.query(f"PREFIX kg: <{KG}> ASK {{ ?e kg:key ?k }}").askAnswer:
    sys.exit("ASK answered false")
triples = list(graph.query(CONSTRUCT))
if len(triples) != len(first):
    sys.exit(f"CONSTRUCT gave {len(triples)} triples for {len(first)} entities")
if not all(isinstance(o, Literal) for _, _, o in triples):
    sys.exit("CONSTRUCT objects are not literals")
print(f"entities {len(first)}")
