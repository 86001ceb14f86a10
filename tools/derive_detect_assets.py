#!/usr/bin/env python3
"""Derive the small court and reporter tables bundled under assets/detect/.

Reads courts-db and reporters-db from the shared corpus (not needed at run time):
    python3 tools/derive_detect_assets.py ../shared/corpus/dockets
Writes assets/detect/courts.tsv and assets/detect/reporters.tsv.
"""
import json, re, sys, os

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/dockets"
out = os.path.join(os.path.dirname(__file__), "..", "assets", "detect")

STATES = {
    "al": "Alabama", "ak": "Alaska", "az": "Arizona", "ar": "Arkansas", "ca": "California",
    "co": "Colorado", "ct": "Connecticut", "de": "Delaware", "fl": "Florida", "ga": "Georgia",
    "hi": "Hawaii", "id": "Idaho", "il": "Illinois", "in": "Indiana", "ia": "Iowa", "ks": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "me": "Maine", "md": "Maryland", "ma": "Massachusetts",
    "mi": "Michigan", "mn": "Minnesota", "ms": "Mississippi", "mo": "Missouri", "mt": "Montana",
    "ne": "Nebraska", "nv": "Nevada", "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico",
    "ny": "New York", "nc": "North Carolina", "nd": "North Dakota", "oh": "Ohio", "ok": "Oklahoma",
    "or": "Oregon", "pa": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina",
    "sd": "South Dakota", "tn": "Tennessee", "tx": "Texas", "ut": "Utah", "vt": "Vermont",
    "va": "Virginia", "wa": "Washington", "wv": "West Virginia", "wi": "Wisconsin", "wy": "Wyoming",
    "dc": "Columbia", "pr": "Puerto Rico", "gu": "Guam", "vi": "Virgin Islands",
    "nmi": "Northern Mariana Islands",
}
DIRS = {"n": "Northern", "s": "Southern", "e": "Eastern", "w": "Western", "m": "Middle", "c": "Central", "": ""}
ORD = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh"]

def norm(s):
    s = s.upper().replace("&", " AND ")
    s = re.sub(r"[^A-Z0-9]+", " ", s)
    out, words = [], s.split()
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w == "THE":
            i += 1
        elif w in ("STATE", "COMMONWEALTH") and nxt == "OF":
            i += 2
        else:
            out.append(w)
            i += 1
    return " ".join(out)

courts = json.load(open(os.path.join(src, "courts-db", "courts.json")))
active = lambda c: any(d.get("end") is None for d in c["dates"])
rows = []  # id, category, display name, key

for c in courts:
    if c["system"] != "federal" or not active(c):
        continue
    cid = c["id"]
    if c["type"] in ("trial", "bankruptcy"):
        m = re.fullmatch(r"(nmi|[a-z]{2})([nsewmc]?)([db])", cid)
        if cid == "nebraskab":
            m = re.fullmatch(r"(ne)()(b)", "neb")
        if not m or m.group(1) not in STATES:
            continue
        st, d, kind = m.groups()
        state = STATES[st]
        district = (DIRS[d] + " " if d else "") + "District of " + ("the " if st in ("vi", "nmi") else "") + state
        if st == "dc":
            district = "District of Columbia"
        court = "District" if kind == "d" else "Bankruptcy"
        name = f"United States {court} Court for the {district}"
        rows.append((cid, "district" if kind == "d" else "bankruptcy", name, norm(district)))
    elif re.fullmatch(r"ca\d+", cid):
        n = int(cid[2:])
        rows.append((cid, "circuit", f"United States Court of Appeals for the {ORD[n-1]} Circuit", norm(ORD[n-1] + " Circuit")))
    elif re.fullmatch(r"bap\d+", cid):
        n = int(cid[3:])
        rows.append((cid, "federal", f"United States Bankruptcy Appellate Panel of the {ORD[n-1]} Circuit",
                     norm(f"Bankruptcy Appellate Panel of the {ORD[n-1]} Circuit")))
        rows.append((cid, "federal", f"United States Bankruptcy Appellate Panel of the {ORD[n-1]} Circuit",
                     norm(f"Bankruptcy Appellate Panel for the {ORD[n-1]} Circuit")))

special = [
    ("cadc", "circuit", "United States Court of Appeals for the District of Columbia Circuit", ["District of Columbia Circuit", "D.C. Circuit"]),
    ("cafc", "circuit", "United States Court of Appeals for the Federal Circuit", ["Federal Circuit"]),
    ("scotus", "scotus", "Supreme Court of the United States", ["Supreme Court of the United States", "United States Supreme Court"]),
    ("tax", "federal", "United States Tax Court", ["United States Tax Court"]),
    ("uscfc", "federal", "United States Court of Federal Claims", ["Court of Federal Claims"]),
    ("cit", "federal", "United States Court of International Trade", ["Court of International Trade"]),
    ("jpml", "federal", "United States Judicial Panel on Multidistrict Litigation", ["Judicial Panel on Multidistrict Litigation"]),
    ("armfor", "federal", "United States Court of Appeals for the Armed Forces", ["Court of Appeals for the Armed Forces"]),
    ("cavc", "federal", "United States Court of Appeals for Veterans Claims", ["Court of Appeals for Veterans Claims"]),
    ("fisc", "federal", "United States Foreign Intelligence Surveillance Court", ["Foreign Intelligence Surveillance Court"]),
    ("fiscr", "federal", "United States Foreign Intelligence Surveillance Court of Review", ["Foreign Intelligence Surveillance Court of Review"]),
    ("nyappdiv", "state", "Appellate Division of the Supreme Court of the State of New York",
     ["Supreme Court of the State of New York Appellate Division", "Appellate Division of the Supreme Court of the State of New York",
      "New York Supreme Court Appellate Division"]),
    ("nysupct", "state", "New York Supreme Court", ["Supreme Court of the State of New York", "New York State Supreme Court"]),
    ("calsuperct", "state", "Superior Court of California", ["Superior Court of the State of California", "California Superior Court"]),
    # Not in courts-db 0.10.27; CourtListener's id.
    ("tennworkcompcl", "state", "Tennessee Court of Workers' Compensation Claims", ["Court of Workers' Compensation Claims"]),
]
for cid, cat, name, keys in special:
    for k in keys:
        rows.append((cid, cat, name, norm(k)))

SKIP = {"nyimpct", "nycommnapp", "nychanctsara", "dakotasup", "ctchansc", "calctapp", "fladistctapp", "nyappdiv"}
state_names = sorted(set(STATES.values()) - {"Columbia"}, key=len, reverse=True)
literal = re.compile(r"^[A-Za-z ,.'()?]+$")
for c in courts:
    if c["system"] != "state" or c["type"] != "appellate" or not active(c) or c["id"] in SKIP:
        continue
    name = c["name"].strip()
    keys = {norm(name)}
    for st in state_names:
        m = re.fullmatch(r"(.*) of (?:the )?" + st, name)
        if m:
            keys.add(norm(st + " " + m.group(1)))
        m = re.fullmatch(st + r" (.*)", name)
        if m and "," not in m.group(1):
            keys.add(norm(m.group(1) + " of " + st))
    # "California Court of Appeal, Second Appellate District" is captioned "Court of
    # Appeal of the State of California, Second Appellate District"; Florida's
    # "Fourth District Court of Appeal" as "District Court of Appeal of Florida, Fourth District".
    m = re.fullmatch(r"California Court of Appeal, (\w+) Appellate District", name)
    if m:
        keys.add(norm(f"Court of Appeal of California {m.group(1)} Appellate District"))
        keys.add(norm(f"Court of Appeal {m.group(1)} Appellate District"))
    m = re.fullmatch(r"Florida (\w+) District Court of Appeal", name)
    if m:
        keys.add(norm(f"District Court of Appeal of Florida {m.group(1)} District"))
    allowed = set(norm(name).split()) | set(norm(" ".join(state_names)).split()) | {"OF", "COURT"}
    for r in c.get("regex", []):
        if literal.match(r) and "?" not in r and "(" not in r and set(norm(r).split()) <= allowed:
            keys.add(norm(r))
    for k in sorted(keys):
        if len(k.split()) >= 3:
            rows.append((c["id"], "state", name, k))

# State agencies that decide cases as courts do (workers' compensation, tax and
# hearing boards), whatever type courts-db gives them; the appellate-typed ones
# (Arkansas, Colorado, Connecticut, Massachusetts, North Carolina) came above.
# Their literal regexes are keys when they name a deciding body, not a whole
# department ("New Jersey Department of Labor" alone is not a court).
AGENCIES = {"tennworkcompapp", "njlaborcomp", "ohiotax", "paenvhrbd", "fladivadminhrg"}
AGENCY_EXTRA = {"njlaborcomp": ["New Jersey Division of Workers' Compensation"]}
DECIDES = re.compile(r"\b(COMPENSATION|BUREAU|BOARD|COMMISSION|COURT|PANEL|HEARINGS|APPEALS|TRIBUNAL|OFFICE)\b")
for c in courts:
    if c["id"] not in AGENCIES or not active(c):
        continue
    name = c["name"].strip()
    keys = {norm(name)} | {norm(k) for k in AGENCY_EXTRA.get(c["id"], [])}
    for st in state_names:
        m = re.fullmatch(st + r" (.*)", name)
        if m and "," not in m.group(1):
            keys.add(norm(m.group(1) + " of " + st))
    for r in c.get("regex", []):
        if literal.match(r) and "?" not in r and "(" not in r:
            keys.add(norm(r))
    for k in sorted(keys):
        if len(k.split()) >= 3 and DECIDES.search(k):
            rows.append((c["id"], "state", name, k))

# A key claimed by two state courts is ambiguous: drop it.
from collections import defaultdict
owners = defaultdict(set)
for r in rows:
    owners[(r[1] in ("district", "bankruptcy"), r[3])].add(r[0])
seen = set()
with open(os.path.join(out, "courts.tsv"), "w") as f:
    f.write("# id\tcategory\tname\tkey (derived from courts-db by tools/derive_detect_assets.py)\n")
    for r in rows:
        if r[1] == "state" and len(owners[(False, r[3])]) > 1:
            continue
        if (r[0], r[3]) in seen:
            continue
        seen.add((r[0], r[3]))
        f.write("\t".join(r) + "\n")

# Reporters: canonical edition key, and every spelling that maps to it.
reps = json.load(open(os.path.join(src, "reporters-db", "reporters.json")))
spell = {}
for key, lst in reps.items():
    for e in lst:
        if e["cite_type"] not in ("federal", "state", "state_regional", "scotus_early", "specialty", "specialty_west", "neutral"):
            continue
        for ed in e["editions"]:
            spell.setdefault(ed, ed)
        for var, ed in e.get("variations", {}).items():
            spell.setdefault(var, ed)
# Spellings that are ordinary words or collide with record cites (Joint Appendix "1 App. 24").
BAD = {"App.", "Rec.", "Tr.", "R.", "Id.", "Ex.", "No.", "Vol.", "P.", "C.", "S.", "Ct.", "Supp.", "Rep.", "Dec.", "Op.", "Ch."}
with open(os.path.join(out, "reporters.tsv"), "w") as f:
    f.write("# spelling\tcanonical (derived from reporters-db by tools/derive_detect_assets.py)\n")
    for var in sorted(spell, key=lambda v: (-len(v), v)):
        # Mixed-case words without a period ("Day", "Hun") read as ordinary words.
        wordlike = "." not in var and not re.search(r"\d", var) and not re.fullmatch(r"[A-Z&' ]+", var)
        # "T.C. at" is a pin-cite form, not a spelling of the reporter.
        if var.endswith(" at"):
            continue
        if var in BAD or wordlike or not re.search(r"[A-Za-z]", var) or "\t" in var:
            continue
        f.write(f"{var}\t{spell[var]}\n")
