"""Time eyecite's get_citations on the page texts the Casetrail benchmark gives it.

Usage: python eyecite_pages.py TEXTS.json REPS
TEXTS.json: [[page text, ...], ...], one list per document (the texts the import
stored). Each document's pages are joined with newlines, as one text, the way
eyecite reads a document. Prints {"seconds": best pass, "citations": count}.
"""
import json
import sys
import time

from eyecite import get_citations

docs = json.load(open(sys.argv[1]))
reps = int(sys.argv[2])
texts = ["\n".join(pages) for pages in docs]
texts = [t for t in texts if t.strip()]  # eyecite refuses an empty text
best, found = None, 0
for _ in range(reps):
    start = time.perf_counter()
    found = sum(len(get_citations(t)) for t in texts)
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(json.dumps({"seconds": best, "citations": found}))
