"""Parse PACER docket reports with juriscraper, as the docket benchmark's peer.

argv[1]: a JSON list of [path, kind, court_id]; argv[2]: repetitions.
Prints one JSON object: total seconds and entries over all repetitions, and
each file's best time. Timed: constructing the report, `_parse_text` and
`.data`, the way juriscraper's own tests parse a saved page.
"""

import json
import sys
import time

from juriscraper.pacer import AppellateDocketReport, DocketReport

files = json.loads(sys.argv[1])
reps = int(sys.argv[2])
texts = [(p, kind, court, open(p, encoding="utf-8", errors="replace").read()) for p, kind, court in files]
seconds = 0.0
entries = 0
best = {}
for _ in range(reps):
    for path, kind, court, text in texts:
        start = time.perf_counter()
        report = AppellateDocketReport(court) if kind == "appellate" else DocketReport(court)
        report._parse_text(text)
        data = report.data
        took = time.perf_counter() - start
        seconds += took
        entries += len(data.get("docket_entries", []) if data else [])
        best[path] = min(best.get(path, took), took)
print(json.dumps({"seconds": seconds, "entries": entries, "best": best}))
