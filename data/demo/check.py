#!/usr/bin/env python3
"""Validate the Civic Desk demo-data inputs in this directory.

Usage: python3 data/demo/check.py [DIR]

Checks JSON syntax, field shapes, referential integrity between the files and
the numeric rules of the licensing law as the demo data encodes them
(statutory vs promised limits, the 20-working-day default, the 45-day joint
track, hearings, fees), and that every placeholder of the disclosure
templates is one the generator knows.  Prints every violation and exits 1 if there is any,
otherwise prints a summary and exits 0.
"""
import json
import os
import re
import sys

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errors = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def load(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        err(name, "cannot load: %s" % e)
        return None


def nonempty_str(v):
    return isinstance(v, str) and v.strip() != ""


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


CN_DIGITS = "零一二三四五六七八九"


def cn_number(n):
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


# ---------------------------------------------------------------- departments
DEPT_KINDS = {"component", "special", "directly-affiliated", "administered", "vertical"}
REQUIRED_DEPTS = [
    "湖南省市场监督管理局", "湖南省卫生健康委员会", "湖南省自然资源厅", "湖南省生态环境厅",
    "湖南省住房和城乡建设厅", "湖南省交通运输厅", "湖南省水利厅", "湖南省农业农村厅", "湖南省商务厅",
    "湖南省文化和旅游厅", "湖南省教育厅", "湖南省公安厅", "湖南省民政厅", "湖南省司法厅",
    "湖南省人力资源和社会保障厅", "湖南省应急管理厅", "湖南省林业局", "湖南省药品监督管理局",
    "湖南省医疗保障局", "湖南省消防救援总队", "湖南省政务管理服务局", "湖南省数据局",
]

depts = load("departments.json")
dept_ids = set()
if depts is not None:
    W = "departments.json"
    if not isinstance(depts, list):
        err(W, "top level must be an array")
        depts = []
    if len(depts) < 55:
        err(W, "need at least 55 departments, have %d" % len(depts))
    names = set()
    marks = set()
    supervision = []
    for n, d in enumerate(depts):
        w = "%s[%d]" % (W, n)
        if not isinstance(d, dict):
            err(w, "not an object")
            continue
        for k in ("id", "name", "short", "name_en", "kind", "document_mark"):
            if not nonempty_str(d.get(k)):
                err(w, "missing or empty %s" % k)
        # The mark of its document numbers (发文字号, GB/T 9704-2012
        # 7.2.4): the "湘市监" of 湘市监许〔2026〕1号, one per department
        mark = d.get("document_mark", "")
        if mark in marks:
            err(w, "document_mark %r is another department's" % mark)
        marks.add(mark)
        i = d.get("id", "")
        if not re.fullmatch(r"[a-z][a-z0-9]{1,15}", str(i)):
            err(w, "id %r is not a short lower-case ASCII slug" % i)
        if i in dept_ids:
            err(w, "duplicate id %r" % i)
        dept_ids.add(i)
        if d.get("name") in names:
            err(w, "duplicate name %r" % d.get("name"))
        names.add(d.get("name"))
        if d.get("kind") not in DEPT_KINDS:
            err(w, "bad kind %r" % d.get("kind"))
        # Who hears an appeal against its refusals (Administrative Licensing
        # Law Art. 38): the provincial government for its own departments
        # (Administrative Reconsideration Law Art. 24); the competent
        # department one level up for a vertically led authority (Art. 27):
        # never the province's government, whose authority it is not under.
        rem = d.get("remedies")
        if not isinstance(rem, dict) or set(rem) != {"reconsideration_body", "court"} or \
                not all(nonempty_str(v) for v in rem.values()):
            err(w, "remedies must name the reconsideration_body and the court")
        elif d.get("kind") == "vertical" and "湖南省" in rem["reconsideration_body"]:
            err(w, "a vertically led authority's reconsideration goes one level up, not to the "
                   "province")
        if not isinstance(d.get("supervision"), bool):
            err(w, "supervision must be a boolean")
        elif d["supervision"]:
            supervision.append(i)
    for n, d in enumerate(depts):
        if not isinstance(d, dict):
            continue
        w = "%s[%d]" % (W, n)
        m = d.get("managed_by")
        if d.get("kind") == "administered":
            if m not in dept_ids or m == d.get("id"):
                err(w, "administered unit needs managed_by = another department id, has %r" % m)
        elif m is not None:
            err(w, "managed_by must be null unless kind is administered")
    if len(supervision) != 1:
        err(W, "exactly one department must carry supervision=true, found %r" % supervision)
    for r in REQUIRED_DEPTS:
        if r not in names:
            err(W, "required department missing: %s" % r)

# ---------------------------------------------------------------- items
items = load("items.json")
item_names = []
if items is not None:
    W = "items.json"
    if not isinstance(items, list):
        err(W, "top level must be an array")
        items = []
    if len(items) < 300:
        err(W, "need at least 300 items, have %d" % len(items))
    codes = set()
    names = set()
    per_dept = {}
    n_lic = n_joint = n_hearing = 0
    for n, it in enumerate(items):
        w = "%s[%d]" % (W, n)
        if not isinstance(it, dict):
            err(w, "not an object")
            continue
        w = "%s %s" % (W, it.get("code", "[%d]" % n))
        code, dept, kind = it.get("code"), it.get("department"), it.get("kind")
        name = it.get("name")
        if not nonempty_str(name):
            err(w, "missing name")
        elif name in names:
            err(w, "duplicate item name %r" % name)
        names.add(name)
        item_names.append(name or "")
        if code in codes:
            err(w, "duplicate code")
        codes.add(code)
        if dept not in dept_ids:
            err(w, "unknown department %r" % dept)
        per_dept[dept] = per_dept.get(dept, 0) + 1
        if kind not in ("licensing", "public-service"):
            err(w, "bad kind %r" % kind)
        want_type = "XK" if kind == "licensing" else "GG"
        m = re.fullmatch(r"430000-([A-Z0-9]+)-(XK|GG)-(\d{4})", str(code))
        if not m:
            err(w, "code does not match 430000-DEPT-XK|GG-NNNN")
        else:
            if m.group(1) != str(dept).upper():
                err(w, "code department part %s does not match department %r" % (m.group(1), dept))
            if m.group(2) != want_type:
                err(w, "code type %s does not match kind %s" % (m.group(2), kind))
        if it.get("type_code") != ("01" if kind == "licensing" else "20"):
            err(w, "type_code must be 01 for licensing and 20 for public-service")
        if kind == "licensing":
            n_lic += 1

        sd, pd = it.get("statutory_days"), it.get("promised_days")
        if not (is_int(sd) and sd > 0):
            err(w, "statutory_days must be a positive integer")
            sd = None
        if not (is_int(pd) and pd > 0):
            err(w, "promised_days must be a positive integer")
            pd = None
        if sd is not None and pd is not None and pd > sd:
            err(w, "promised_days %d exceeds statutory_days %d" % (pd, sd))
        if pd is not None and pd > 30:
            err(w, "promised_days %d is implausibly long (> 30)" % pd)

        track, co = it.get("track"), it.get("joint_departments")
        basis_note = it.get("statutory_days_basis")
        if basis_note is not None and not nonempty_str(basis_note):
            err(w, "statutory_days_basis must be null or a non-empty string")
        if track not in ("ordinary", "joint"):
            err(w, "bad track %r" % track)
        if not isinstance(co, list):
            err(w, "joint_departments must be an array")
            co = []
        if track == "joint":
            n_joint += 1
            if not 2 <= len(co) <= 4:
                err(w, "joint item needs 2-4 co-departments, has %d" % len(co))
            if sd != 45:
                err(w, "joint item must have statutory_days 45 (ALL Art. 42 para 2), has %r" % sd)
            if basis_note is not None:
                err(w, "joint items take the 45-day limit from ALL Art. 42; statutory_days_basis must be null")
        elif co:
            err(w, "joint_departments must be empty on the ordinary track")
        if len(set(co)) != len(co):
            err(w, "duplicate co-department")
        for c in co:
            if c not in dept_ids:
                err(w, "unknown co-department %r" % c)
            if c == dept:
                err(w, "co-departments must not include the lead department")
        if track == "ordinary" and kind == "licensing" and sd is not None and sd != 20 and basis_note is None:
            err(w, "ordinary licensing item deviates from the 20-day default without statutory_days_basis")
        if basis_note and sd is not None:
            if "《" not in basis_note:
                err(w, "statutory_days_basis must cite a law or regulation in 《》")
            if str(sd) not in basis_note and cn_number(sd) not in basis_note:
                err(w, "statutory_days_basis does not mention %d days" % sd)

        if not isinstance(it.get("hearing_required"), bool):
            err(w, "hearing_required must be a boolean")
        elif it["hearing_required"]:
            n_hearing += 1
            if kind != "licensing":
                err(w, "only licensing items can require a licensing hearing")

        lb = it.get("legal_basis")
        if not nonempty_str(lb) or not re.search(r"《[^》]+》", lb):
            err(w, "legal_basis must cite at least one 《law》")

        mats = it.get("materials")
        if not isinstance(mats, list) or not 2 <= len(mats) <= 8:
            err(w, "materials must be an array of 2-8 entries")
            mats = mats if isinstance(mats, list) else []
        optional = 0
        mnames = set()
        for k, m in enumerate(mats, 1):
            if not isinstance(m, dict):
                err(w, "material %d is not an object" % k)
                continue
            if m.get("id") != "m%d" % k:
                err(w, "material ids must run m1..mN, found %r at %d" % (m.get("id"), k))
            if not nonempty_str(m.get("name")):
                err(w, "material %d has no name" % k)
            elif m["name"] in mnames:
                err(w, "duplicate material %r" % m["name"])
            mnames.add(m.get("name"))
            if not isinstance(m.get("required"), bool):
                err(w, "material %d: required must be a boolean" % k)
            elif not m["required"]:
                optional += 1
        if optional > 2:
            err(w, "at most 2 optional materials, has %d" % optional)
        if mats and optional == len(mats):
            err(w, "at least one material must be required")

        fee, fee_basis = it.get("fee"), it.get("fee_basis")
        if not isinstance(fee, bool):
            err(w, "fee must be a boolean")
        elif fee and not nonempty_str(fee_basis):
            err(w, "fee=true needs a fee_basis (ALL Art. 58: licensing is free unless a law says otherwise)")
        elif not fee and fee_basis is not None:
            err(w, "fee_basis must be null when fee is false")

        ak = it.get("applicant_kinds")
        if (not isinstance(ak, list) or not ak or len(set(ak)) != len(ak)
                or not set(ak) <= {"organisation", "person"}):
            err(w, "applicant_kinds must be a non-empty subset of [organisation, person]")

    total = len(items) or 1
    share = n_lic / total
    if not 0.75 <= share <= 0.85:
        err(W, "licensing share %.1f%% is not about 80%%" % (100 * share))
    if n_joint < 25:
        err(W, "need at least 25 joint items, have %d" % n_joint)
    if n_hearing > 0.05 * total:
        err(W, "hearing_required on %d items exceeds 5%%" % n_hearing)
    if n_hearing == 0:
        err(W, "no item requires a hearing")
    for big in ("scjg", "zjt", "jtt", "zrzyt", "sthjt", "wjw", "yjj", "nynct", "whhlyt", "yjglt"):
        if big in dept_ids and per_dept.get(big, 0) < 10:
            err(W, "licensing-heavy department %s has only %d items" % (big, per_dept.get(big, 0)))
    with3 = sum(1 for d in dept_ids if per_dept.get(d, 0) >= 3)
    if with3 * 2 < len(dept_ids):
        err(W, "fewer than half of the departments have >= 3 items (%d of %d)" % (with3, len(dept_ids)))

# ---------------------------------------------------------------- rooms
rooms = load("rooms.json")
if rooms is not None:
    W = "rooms.json"
    if not isinstance(rooms, list) or not 12 <= len(rooms) <= 20:
        err(W, "need an array of 12-20 rooms")
        rooms = rooms if isinstance(rooms, list) else []
    ids, names = set(), set()
    for n, r in enumerate(rooms):
        w = "%s[%d]" % (W, n)
        if not isinstance(r, dict):
            err(w, "not an object")
            continue
        for k in ("id", "name", "building"):
            if not nonempty_str(r.get(k)):
                err(w, "missing %s" % k)
        if not re.fullmatch(r"[a-z0-9-]+", str(r.get("id"))):
            err(w, "id must be ASCII lower-case")
        if r.get("id") in ids:
            err(w, "duplicate id %r" % r.get("id"))
        ids.add(r.get("id"))
        if r.get("name") in names:
            err(w, "duplicate name %r" % r.get("name"))
        names.add(r.get("name"))
        if not (is_int(r.get("capacity")) and 2 <= r["capacity"] <= 500):
            err(w, "capacity must be an integer 2-500")
        if r.get("department") is not None and r.get("department") not in dept_ids:
            err(w, "unknown department %r" % r.get("department"))
        if r.get("kind") not in ("hearing", "meeting"):
            err(w, "kind must be hearing or meeting")
    if not any(isinstance(r, dict) and r.get("kind") == "hearing" and r.get("department") is None
               for r in rooms):
        err(W, "need at least one shared hearing room (department null)")

# ---------------------------------------------------------------- phrases
PHRASE_KEYS = ["accept", "opinion-approve", "opinion-deny", "not-accept", "return", "correction", "comment"]
phrases = load("phrases.json")
if phrases is not None:
    W = "phrases.json"
    if not isinstance(phrases, dict) or sorted(phrases) != sorted(PHRASE_KEYS):
        err(W, "keys must be exactly %s" % ", ".join(PHRASE_KEYS))
        phrases = phrases if isinstance(phrases, dict) else {}
    seen = set()
    for k, lst in phrases.items():
        if not isinstance(lst, list) or not 6 <= len(lst) <= 12:
            err(W, "%s: need 6-12 phrases" % k)
            continue
        for p in lst:
            if not nonempty_str(p):
                err(W, "%s: empty phrase" % k)
            elif p in seen:
                err(W, "%s: duplicate phrase %r" % (k, p))
            elif p[-1] not in "。：":
                err(W, "%s: phrase must end with 。 or ：: %r" % (k, p))
            seen.add(p)

# ---------------------------------------------------------------- people
PREFECTURES = ["长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州",
               "永州", "怀化", "娄底", "湘西"]
people = load("people.json")
if people is not None:
    W = "people.json"
    if not isinstance(people, dict):
        err(W, "top level must be an object")
        people = {}
    CJK = re.compile(r"[\u4e00-\u9fff]")

    def char_list(key, lo, hi):
        v = people.get(key)
        if not isinstance(v, list) or not lo <= len(v) <= hi:
            err(W, "%s: need %d-%d entries" % (key, lo, hi))
            return []
        if len(set(v)) != len(v):
            err(W, "%s: duplicates" % key)
        for c in v:
            if not (isinstance(c, str) and len(c) == 1 and CJK.fullmatch(c)):
                err(W, "%s: %r is not a single CJK character" % (key, c))
        return v

    char_list("surnames", 100, 100)
    char_list("given_chars", 250, 350)

    def str_list(key, lo, hi):
        v = people.get(key)
        if not isinstance(v, list) or not lo <= len(v) <= hi:
            err(W, "%s: need %d-%d entries" % (key, lo, hi))
            return []
        if len(set(v)) != len(v):
            err(W, "%s: duplicates" % key)
        if not all(nonempty_str(x) for x in v):
            err(W, "%s: empty entry" % key)
        return v

    pre = str_list("company_prefixes", 14, 30)
    for p in PREFECTURES:
        if p not in pre:
            err(W, "company_prefixes lacks %s" % p)
    str_list("company_words", 60, 100)
    str_list("company_suffixes", 2, 6)
    str_list("individual_suffixes", 3, 12)
    ind = people.get("company_industries")
    if not isinstance(ind, list) or not 35 <= len(ind) <= 60:
        err(W, "company_industries: need 35-60 entries")
        ind = ind if isinstance(ind, list) else []
    for x in ind:
        if not (isinstance(x, dict) and nonempty_str(x.get("text")) and nonempty_str(x.get("item_hint"))):
            err(W, "company_industries: bad entry %r" % (x,))
        elif item_names and not any(x["item_hint"] in nm for nm in item_names):
            err(W, "company_industries: item_hint %r matches no item name" % x["item_hint"])

    addr = people.get("addresses") or {}
    cities = addr.get("cities")
    if not isinstance(cities, list) or len(cities) != 14:
        err(W, "addresses.cities must list all 14 prefecture-level divisions of Hunan")
        cities = cities if isinstance(cities, list) else []
    area = people.get("area_codes")
    if not isinstance(area, dict):
        err(W, "area_codes must be an object")
        area = {}
    all_codes = set()
    expected_area = {}
    for c in cities:
        cn, cc = c.get("city"), c.get("code")
        if not nonempty_str(cn) or not re.fullmatch(r"43\d\d00", str(cc)):
            err(W, "city %r has a bad code %r" % (cn, cc))
            continue
        expected_area[cn] = cc
        ds = c.get("districts")
        if not isinstance(ds, list) or len(ds) < 3:
            err(W, "%s: needs its districts" % cn)
            continue
        for d in ds:
            dn, dc = d.get("name"), d.get("code")
            if not nonempty_str(dn) or not re.fullmatch(r"\d{6}", str(dc)):
                err(W, "%s: bad district %r" % (cn, d))
                continue
            if dc[:4] != cc[:4]:
                err(W, "%s%s: code %s is not under city code %s" % (cn, dn, dc, cc))
            if dc in all_codes:
                err(W, "duplicate district code %s" % dc)
            all_codes.add(dc)
            tail = int(dc[4:])
            # GB/T 2260: 01-20 districts (and the seat city of an autonomous prefecture),
            # 21-80 counties, 81-99 county-level cities.
            if dn.endswith("区") and not 1 <= tail <= 20:
                err(W, "%s%s: a district should have a code ending 01-20, has %s" % (cn, dn, dc))
            if dn.endswith("县") and not 21 <= tail <= 80:
                err(W, "%s%s: a county should have a code ending 21-80, has %s" % (cn, dn, dc))
            if dn.endswith("市") and not (81 <= tail <= 99 or (tail == 1 and cn.endswith("州"))):
                err(W, "%s%s: a county-level city should have a code ending 81-99, has %s" % (cn, dn, dc))
            expected_area[cn + dn] = dc
    if area != expected_area:
        missing = set(expected_area) - set(area)
        extra = set(area) - set(expected_area)
        wrong = [k for k in expected_area if k in area and area[k] != expected_area[k]]
        err(W, "area_codes disagree with addresses.cities (missing %s, extra %s, different %s)"
            % (sorted(missing)[:5], sorted(extra)[:5], wrong[:5]))
    streets = addr.get("streets")
    if not isinstance(streets, list) or not 50 <= len(streets) <= 80 or len(set(streets)) != len(streets):
        err(W, "addresses.streets: need 50-80 unique names")

# ---------------------------------------------------------------- disclosures
# The templates civic-demo-disclosures.c writes the organs' proactive
# disclosures from. Every placeholder must be one the generator knows: a
# value fixed for the disclosure, a value drawn each time, a word list, a
# table, or a block; an unknown one would end up in the text as a warning.
CATEGORIES = {"normative-documents", "organisation", "plans", "statistics", "licensing", "penalties",
              "budgets", "fees", "procurement", "major-projects", "welfare", "emergencies", "oversight",
              "recruitment", "other-required", "local", "annual-report"}
PRIVACY_KINDS = {"resident-id", "legacy-id", "mobile", "fixed-line", "bank-card", "email", "credit-code",
                 "person-name", "certificate", "birth-date", "home-address"}
FIXED_VARS = {"organ", "short", "mark", "field", "head", "phone", "year", "prev_year", "next_year",
              "month", "date", "quarter", "period", "n", "docn", "doc_number", "doc_title", "doc_link",
              "valid_from", "valid_years", "valid_until", "date_plus_3", "date_plus_5", "date_plus_7",
              "date_plus_10", "year_theme", "session", "topic", "main_item", "metric_name",
              "metric_unit", "value_total", "measure_short", "subject"}
DRAWN = {"person", "company", "credit_code", "city", "city_short", "item", "any_topic", "value", "growth",
         "recent_date", "birth_ym", "birth_date", "resident_id", "mobile", "bank_card", "passport",
         "home_address", "home_phone", "office_line", "qq_mail", "row", "seq"}
WORKFLOW_KEYS = {"save_notes", "submit_notes", "return_comments", "personal_return_comments",
                 "approve_comments", "comments", "withdraw_notices", "withdraw_reasons", "revise_reasons"}
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

disc = load("disclosures.json")
if disc is not None:
    W = "disclosures.json"
    if not isinstance(disc, dict):
        err(W, "top level must be an object")
        disc = {}
    want = {"organs", "catalogue", "counterparts_elsewhere", "stats", "year_themes", "fixed", "words",
            "tables", "links", "kinds", "personal", "office_contacts", "workflow", "requests"}
    if set(disc) != want:
        err(W, "keys must be exactly %s" % ", ".join(sorted(want)))

    def str_list(where, v, lo=1, repeats=False):
        if not isinstance(v, list) or len(v) < lo or not all(nonempty_str(x) for x in v):
            err(where, "must be a list of at least %d non-empty strings" % lo)
            return []
        if len(set(v)) != len(v) and not repeats:
            err(where, "has duplicates")
        return v

    def stat_list(where, v):
        if not isinstance(v, list) or not v:
            err(where, "must be a non-empty list")
            return
        for st in v:
            if not (isinstance(st, dict) and set(st) == {"name", "unit", "min", "max"}
                    and nonempty_str(st["name"]) and nonempty_str(st["unit"])
                    and isinstance(st["min"], (int, float)) and isinstance(st["max"], (int, float))
                    and 0 <= st["min"] < st["max"]):
                err(where, "bad figure %r" % (st,))

    words = disc.get("words") if isinstance(disc.get("words"), dict) else {}
    word_names = set(words)
    for name, lst in words.items():
        # A word said more often is listed more than once
        str_list("%s words.%s" % (W, name), lst, repeats=True)
    organs = disc.get("organs") if isinstance(disc.get("organs"), dict) else {}
    if dept_ids and set(organs) != dept_ids:
        err(W, "organs must list every department (missing %s, unknown %s)"
            % (sorted(dept_ids - set(organs))[:5], sorted(set(organs) - dept_ids)[:5]))
    for oid, o in organs.items():
        w = "%s organs.%s" % (W, oid)
        if not isinstance(o, dict) or not set(o) <= {"weight", "field", "topics", "stats", "words"}:
            err(w, "bad entry")
            continue
        if not (is_int(o.get("weight")) and 1 <= o["weight"] <= 20):
            err(w, "weight must be an integer 1-20")
        if not nonempty_str(o.get("field")):
            err(w, "needs its field")
        str_list(w + ".topics", o.get("topics"), 2)
        if "stats" in o:
            stat_list(w + ".stats", o["stats"])
        for name, lst in (o.get("words") or {}).items():
            str_list("%s.words.%s" % (w, name), lst)
            if name not in word_names:
                err(w, "word list %r overrides no list of \"words\"" % name)
    stat_list(W + " stats", disc.get("stats"))
    for name in disc.get("fixed") or []:
        if name not in word_names:
            err(W, "fixed %r is no word list" % name)
    tables = disc.get("tables") if isinstance(disc.get("tables"), dict) else {}
    for name, t in tables.items():
        w = "%s tables.%s" % (W, name)
        rows = t.get("rows") if isinstance(t, dict) else None
        if isinstance(rows, list) and len(rows) == 2 and all(is_int(x) for x in rows):
            if not 1 <= rows[0] <= rows[1] <= 30:
                err(w, "rows must be 1 <= min <= max <= 30")
        elif isinstance(rows, list):
            str_list(w + ".rows", rows)
        elif isinstance(rows, str):
            parts = rows.split(":")
            if rows != "cities" and (parts[0] not in word_names or len(parts) not in (1, 3) or
                                     (len(parts) == 3 and not (parts[1].isdigit() and parts[2].isdigit()
                                                               and 1 <= int(parts[1]) <= int(parts[2])))):
                err(w, "rows %r is not cities, a word list or LIST:MIN:MAX" % rows)
        else:
            err(w, "rows must be [min, max], labels or a word list")
        cols = t.get("columns") if isinstance(t, dict) else None
        if not isinstance(cols, list) or not cols or not all(
                isinstance(c, list) and len(c) == 2 and all(nonempty_str(x) for x in c) for c in cols):
            err(w, "columns must be [header, cell] pairs")
    for n, link in enumerate(disc.get("links") or []):
        if not (isinstance(link, dict) and nonempty_str(link.get("title")) and
                str(link.get("url", "")).startswith("https://www.hunan.gov.cn/")):
            err("%s links[%d]" % (W, n), "needs a title and an address on https://www.hunan.gov.cn/")

    def check_text(where, text, extra=()):
        for name in PLACEHOLDER.findall(text):
            head, _, rest = name.partition(":")
            ok = (name in FIXED_VARS or name in DRAWN or name in word_names or name in extra
                  or name in ("links", "personal") or "|" in name
                  or (head in ("int", "money", "pct") and re.fullmatch(r"\d+(\.\d+)?:\d+(\.\d+)?", rest))
                  or (head == "table" and rest in tables)
                  or (head in ("list", "bullets") and re.fullmatch(r"[a-z_]+:\d+", rest)
                      and rest.split(":")[0] in word_names))
            if not ok:
                err(where, "unknown placeholder {%s}" % name)
        if text.count("{") != text.count("}"):
            err(where, "unbalanced braces in %r" % text[:40])

    for name, lst in words.items():
        for x in lst if isinstance(lst, list) else []:
            check_text("%s words.%s" % (W, name), x)
    for oid, o in organs.items():
        for name, lst in ((o.get("words") or {}) if isinstance(o, dict) else {}).items():
            for x in lst if isinstance(lst, list) else []:
                check_text("%s organs.%s.words.%s" % (W, oid, name), x)
    for name, t in tables.items():
        for c in (t.get("columns") or []) if isinstance(t, dict) else []:
            for x in c if isinstance(c, list) else []:
                check_text("%s tables.%s" % (W, name), str(x))

    personal = disc.get("personal") or []
    personal_kinds = set()
    for n, pt in enumerate(personal):
        w = "%s personal[%d]" % (W, n)
        if not (isinstance(pt, dict) and pt.get("kind") in PRIVACY_KINDS and nonempty_str(pt.get("text"))):
            err(w, "needs a kind of the privacy lint and a text")
            continue
        personal_kinds.add(pt["kind"])
        if "{subject}" not in pt["text"]:
            err(w, "names its {subject}")
        check_text(w, pt["text"])
    for n, pt in enumerate(disc.get("office_contacts") or []):
        w = "%s office_contacts[%d]" % (W, n)
        # Only a phone or a mailbox is an office's contact (OGI Art. 20(2))
        if not (isinstance(pt, dict) and pt.get("kind") in ("mobile", "fixed-line", "email") and
                nonempty_str(pt.get("text")) and nonempty_str(pt.get("reason"))):
            err(w, "needs a phone or mailbox kind, a text and the reviewer's reason")
            continue
        check_text(w, pt["text"])
    workflow = disc.get("workflow") or {}
    if set(workflow) != WORKFLOW_KEYS:
        err(W, "workflow keys must be exactly %s" % ", ".join(sorted(WORKFLOW_KEYS)))
    for name, lst in workflow.items():
        str_list("%s workflow.%s" % (W, name), lst)
        for x in lst if isinstance(lst, list) else []:
            if "{" in x:
                err("%s workflow.%s" % (W, name), "is said as it is: no placeholders")

    # The requests for information (civic-demo-disclosure-requests.c)
    requests = disc.get("requests") or {}
    REQUEST_KEYS = {"things", "descriptions", "purposes", "corrections", "consult_bases",
                    "extension_reasons", "withdraw_notes", "abandon_notes", "answer_notes",
                    "comments", "replies", "public_interest"}
    if set(requests) != REQUEST_KEYS:
        err(W, "requests keys must be exactly %s" % ", ".join(sorted(REQUEST_KEYS)))
    for name in REQUEST_KEYS - {"replies"}:
        str_list("%s requests.%s" % (W, name), requests.get(name))
    for x in requests.get("descriptions") or []:
        for mark in ("{organ}", "{topic}", "{thing}"):
            if isinstance(x, str) and mark not in x:
                err("%s requests.descriptions" % W, "%r names no %s" % (x, mark))
    for x in requests.get("consult_bases") or []:
        if isinstance(x, str) and "{party}" not in x:
            err("%s requests.consult_bases" % W, "%r names no {party}" % x)
    # The words a reply carries, by what the generator drafts
    # (disclosure-request-reply.c says which pairs need them)
    REPLY_KEYS = {"disclose", "already-public", "partial", "third-party", "not-this-organ",
                  "complaint"}
    replies = requests.get("replies") or {}
    if set(replies) != REPLY_KEYS:
        err(W, "requests.replies keys must be exactly %s" % ", ".join(sorted(REPLY_KEYS)))
    for name, lst in replies.items():
        str_list("%s requests.replies.%s" % (W, name), lst)

    # The catalogue of columns each organ gets (civic-disclosure-columns.c
    # checks the same): a slug that makes "{organ}-{slug}" a column id, a
    # name unique in the organ, a parent listed before it
    slugs = set()
    names = set()
    for n, c in enumerate(disc.get("catalogue") or []):
        w = "%s catalogue[%d]" % (W, n)
        if not isinstance(c, dict) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(c.get("slug"))):
            err(w, "needs a lower-case slug")
            continue
        if c["slug"] in slugs or c.get("name") in names:
            err(w, "slug and name must be unique")
        if not nonempty_str(c.get("name")) or len(c["name"]) > 100:
            err(w, "needs a name of at most 100 characters")
        if "parent" in c and c["parent"] not in slugs:
            err(w, "its parent must come before it")
        slugs.add(c["slug"])
        names.add(c.get("name"))
    for n, c in enumerate(disc.get("counterparts_elsewhere") or []):
        w = "%s counterparts_elsewhere[%d]" % (W, n)
        if not isinstance(c, dict) or c.get("organ") not in organs or c.get("slug") not in slugs:
            err(w, "must name an organ and a slug of the catalogue")
        elif not str(c.get("url", "")).startswith("https://") or not nonempty_str(c.get("name")):
            err(w, "needs an https url and a name")

    def check_template(where, k, interpretation=False):
        for key in ("titles", "summaries", "keywords", "columns", "body"):
            str_list("%s.%s" % (where, key), k.get(key))
        extra = set((k.get("vars") or {}).keys())
        for key in ("titles", "summaries", "keywords", "body"):
            for x in k.get(key) or []:
                if isinstance(x, str):
                    check_text("%s.%s" % (where, key), x, extra)
        for x in k.get("columns") or []:
            if x not in slugs:
                err(where, "column %r is not in the catalogue" % x)

    kind_ids = set()
    weights = 0
    for n, k in enumerate(disc.get("kinds") or []):
        w = "%s kinds[%d]" % (W, n)
        if not isinstance(k, dict):
            err(w, "not an object")
            continue
        w = "%s kind %s" % (W, k.get("id"))
        if not re.fullmatch(r"[a-z][a-z-]+", str(k.get("id"))) or k.get("id") in kind_ids:
            err(w, "id must be a unique lower-case slug")
        kind_ids.add(k.get("id"))
        if k.get("category") not in CATEGORIES:
            err(w, "bad category %r" % k.get("category"))
        if not (is_int(k.get("weight")) and 1 <= k["weight"] <= 20):
            err(w, "weight must be an integer 1-20")
        weights += k.get("weight") or 0
        for d in k.get("organs") or []:
            if d not in dept_ids:
                err(w, "unknown organ %r" % d)
        for d in k.get("department_kinds") or []:
            if d not in DEPT_KINDS:
                err(w, "unknown department kind %r" % d)
        for m in k.get("months") or []:
            if not (is_int(m) and 1 <= m <= 12):
                err(w, "bad month %r" % m)
        ed = k.get("expire_days")
        if ed is not None and not (isinstance(ed, list) and len(ed) == 2 and all(is_int(x) for x in ed)
                                   and 1 <= ed[0] <= ed[1]):
            err(w, "expire_days must be [min, max] days")
        if k.get("normative"):
            # 湘市监发〔2025〕12号: the organ's mark, the year, a number
            if "{mark}" not in str(k.get("number")) or "{docn}" not in str(k.get("number")):
                err(w, "a normative kind numbers its documents with {mark} and {docn}")
            if not isinstance(k.get("interpretation"), dict):
                err(w, "a normative kind has its interpretation's templates")
        elif "number" in k or "interpretation" in k:
            err(w, "only a normative kind has a number and an interpretation")
        if "personal" in k:
            hints = k["personal"]
            if not isinstance(hints, list) or not hints or not set(hints) <= personal_kinds:
                err(w, "personal must list kinds that \"personal\" has a line for")
            if "{personal}" not in (k.get("body") or []):
                err(w, "a kind with personal lines places them with a {personal} block")
        check_template(w, k)
        if isinstance(k.get("interpretation"), dict):
            check_template(w + " interpretation", k["interpretation"], True)
    if weights == 0:
        err(W, "no kinds")
    if dept_ids:
        for oid in sorted(dept_ids):
            if not any((not k.get("organs") or oid in k["organs"]) and
                       (not k.get("department_kinds") or
                        next((d["kind"] for d in depts if d.get("id") == oid), None) in k["department_kinds"])
                       for k in disc.get("kinds") or [] if isinstance(k, dict)):
                err(W, "organ %s publishes no kind" % oid)

# ---------------------------------------------------------------- report
if errors:
    for e in errors:
        print(e)
    print("%d problem(s)" % len(errors))
    sys.exit(1)

kinds = {}
for it in items or []:
    key = (it["kind"], it["track"])
    kinds[key] = kinds.get(key, 0) + 1
print("OK: %d departments, %d items (%s), %d hearing-required, %d rooms, %d phrases, "
      "%d kinds of disclosure"
      % (len(depts or []), len(items or []),
         ", ".join("%s/%s %d" % (k[0], k[1], v) for k, v in sorted(kinds.items())),
         sum(1 for it in items or [] if it["hearing_required"]),
         len(rooms or []), sum(len(v) for v in (phrases or {}).values()),
         len((disc or {}).get("kinds") or [])))
