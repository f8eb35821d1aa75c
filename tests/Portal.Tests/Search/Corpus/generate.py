#!/usr/bin/env python3
"""Writes the relevance corpus: articles.json and queries.json beside this script.

    python3 tests/Portal.Tests/Search/Corpus/generate.py           # write both files
    python3 tests/Portal.Tests/Search/Corpus/generate.py --check   # also rank every query with a proxy

The articles are the seed report (its real paragraphs, read from seeds/), the hand-written
anchors that the queries point at (anchors.py), and filler articles composed from the building
blocks (blocks.py) with a fixed seed, so the output is the same on every run. The filler shares
the anchors' vocabulary on purpose: most queries match several articles, and ranking decides.

--check ranks each query with a rough proxy (BM25 over character bigrams, fields weighted
title > keywords > summary > source/body). It is not the portal's search engine; it only shows
that each expected article is a sensible top-3 answer and how many articles a query touches.
"""

import json
import math
import random
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import blocks
from anchors import ANCHORS, QUERIES

SEED = 20231121
FILLER_PER_SECTION = 26
HERE = Path(__file__).resolve().parent
SEED_PAGE = HERE.parents[3] / "seeds" / "000_99e2a6c886f82a7c.txt"

# Words the required queries look for: no generated title or summary may hold them (the seed's does, and
# the few anchors named in anchors.py), so field weighting decides rather than the word alone.
TITLE_FORBIDDEN = ["吐鲁番", "民族团结", "互嵌", "石榴"]

# How many generated articles may carry these rare words of the seed (in their bodies).
BODY_BUDGET = {"石榴籽": 1, "互嵌": 4}

# How often one generated body may use the seed's most common words: many articles mention
# 民族团结 in passing, none dwells on it as the seed report does.
BODY_DENSITY = {"民族团结": 1, "民族": 3, "吐鲁番": 3}

# Anchors are rounded off with shared paragraphs to at least this many characters.
ANCHOR_MIN_LENGTH = 340

PLACEHOLDER = re.compile(r"\{(\w+)(?::(\d+)-(\d+))?\}")


def seed_article():
    """The seed report as the importer reads it: the paragraphs between the date line and the footer."""
    lines = SEED_PAGE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("日期："))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("["))
    paragraphs = [line.strip() for line in lines[start + 1:end] if line.strip()]
    return {
        "key": "turpan-seed",
        "section": "difang",
        "title": "新疆吐鲁番市：融心、融情、融亲、融力促创建",
        "source": "新疆维吾尔自治区民委",
        "publishedAt": "2023-11-21",
        "keywords": "",
        "summary": "",
        "body": "\n\n".join(paragraphs),
    }


class Place:
    def __init__(self, pref, short, county, gov_suffix):
        self.pref = pref
        self.county = county
        self.full = pref + (county or "") if pref != blocks.REGION else pref
        self.short = county or short
        self.gov = (county or short) + gov_suffix


def place_of(rng, pref_name=None, county=None):
    prefectures = {p[0]: p for p in blocks.PREFECTURES}
    if pref_name == blocks.REGION:
        return Place(blocks.REGION, "自治区", None, "人民政府")
    if pref_name is None:
        pref = rng.choices(blocks.PREFECTURES, weights=[p[3] for p in blocks.PREFECTURES])[0]
        if pref[4] or rng.random() < 0.55:
            county = rng.choice(pref[2])
    else:
        pref = prefectures[pref_name]
    name, short = pref[0], pref[1]
    # A 地区 is governed by a 行政公署, a city, prefecture or county by a 人民政府.
    suffix = "行政公署" if short.endswith("地区") and county is None else "人民政府"
    return Place(name, short, county, suffix)


def department(place, dept):
    if dept == "人民政府":
        return place.gov
    if dept == "人民政府办公室":
        return place.gov + "办公室"
    return place.short + dept


def context(rng, place, topic, day, dept):
    people = rng.sample(blocks.PEOPLE, 2)
    towns = blocks.TOWNS_BY_PREFECTURE.get(place.pref, blocks.TOWNS)
    villages = rng.sample(blocks.VILLAGE_ROOTS, 2)
    return {
        "P": place.full,
        "p": place.short,
        "pref": place.pref,
        "pp": place.short,
        "dept": dept,
        "town": rng.choice(towns),
        "village": villages[0],
        "village2": villages[1],
        "person": people[0],
        "person2": people[1],
        "company": "新疆" + rng.choice(blocks.COMPANY_ROOTS) + rng.choice(blocks.COMPANY_KINDS),
        "prog": rng.choice(topic.progs) if topic and topic.progs else "",
        "crop": rng.choice(blocks.CROPS.get(place.pref, blocks.DEFAULT_CROPS)),
        "year": str(day.year),
        "ly": str(day.year - 1),
        "month": str(day.month),
        "holiday": rng.choice(blocks.HOLIDAYS),
        "unit": rng.choice(blocks.UNITS),
        "area": blocks.AREA_CODES.get(place.pref, "0991"),
    }


def fill(template, ctx, rng):
    def value(match):
        name, lo, hi = match.group(1), match.group(2), match.group(3)
        if name not in ctx:
            if lo is None:
                raise KeyError(f"no value for {{{name}}} in: {template}")
            ctx[name] = str(rng.randint(int(lo), int(hi)))
        return ctx[name]

    return PLACEHOLDER.sub(value, template)


def random_day(rng):
    start, end = date(2021, 1, 4), date(2024, 12, 27)
    return start + timedelta(days=rng.randrange((end - start).days))


def chinese_length(text):
    return sum(1 for ch in text if not ch.isspace())


def compose_news(rng, section, topic, ctx, special=()):
    """Lead, the special paragraphs, some of the topic's, maybe shared ones, within 300–1500 characters."""
    topic_paras = list(topic.paras)
    rng.shuffle(topic_paras)
    count = rng.randint(1, 2) if special else rng.randint(2, min(4, len(topic_paras)))
    paras = [fill(rng.choice(topic.leads), ctx, rng)]
    paras += [fill(p, ctx, rng) for p in special]
    paras += [fill(p, ctx, rng) for p in topic_paras[:count]]
    pools = blocks.SHARED.get(section, []) + blocks.SHARED["common"]
    if section == "gongzuo":
        pools += blocks.SHARED["gov"]
    for shared in rng.sample(pools, rng.randint(0 if special else 1, 2)):
        paras.append(fill(shared, ctx, rng))
    while chinese_length("".join(paras)) > 1500 and len(paras) > 3:
        paras.pop()
    return paras


def compose_document(rng, topic, ctx):
    """A notice or policy file: its lead and its numbered clauses in order."""
    paras = [fill(rng.choice(topic.leads), ctx, rng)]
    clauses = list(topic.paras)
    if len(clauses) > 4 and rng.random() < 0.4:
        clauses.pop(rng.randrange(1, len(clauses) - 1))
    paras += [fill(p, ctx, rng) for p in clauses]
    return paras


def summary_of(paras, rng, chance):
    """The lead's first sentence, sometimes; never one with the seed's words (as for titles, and not 民族 either)."""
    if rng.random() >= chance:
        return ""
    first = paras[0].split("。")[0] + "。"
    return first if 20 <= len(first) <= 120 and not any(w in first for w in TITLE_FORBIDDEN + ["民族"]) else ""


def keywords_of(topic, place, rng, chance):
    if rng.random() >= chance:
        return ""
    words = rng.sample(topic.keywords, min(len(topic.keywords), rng.randint(2, 3)))
    if rng.random() < 0.5:
        words.append(place.short)
    return ",".join(words)


def filler_article(rng, section, index, titles, budget_used):
    doc = section in blocks.DOC_TOPICS
    topics = blocks.DOC_TOPICS[section] if doc else blocks.TOPICS[section]
    for _ in range(200):
        topic = rng.choice(topics)
        place = place_of(rng)
        day = random_day(rng)
        dept_name = department(place, rng.choice(topic.depts))
        ctx = context(rng, place, topic, day, dept_name)
        title = fill(rng.choice(topic.titles), ctx, rng)
        if title in titles or any(word in title for word in TITLE_FORBIDDEN):
            continue
        paras = compose_document(rng, topic, ctx) if doc else compose_news(rng, section, topic, ctx)
        body = "\n\n".join(paras)
        if not 300 <= chinese_length(body) <= 1500:
            continue
        over = [w for w, limit in BODY_BUDGET.items() if w in body and budget_used[w] >= limit]
        if over or any(body.count(w) > limit for w, limit in BODY_DENSITY.items()):
            continue
        for word in BODY_BUDGET:
            budget_used[word] += word in body
        titles.add(title)
        return {
            "key": f"{section}{index:03d}",
            "section": section,
            "title": title,
            "source": dept_name,
            "publishedAt": day.isoformat(),
            "keywords": keywords_of(topic, place, rng, 0.3 if doc else 0.65),
            "summary": summary_of(paras, rng, 0.2 if doc else 0.4),
            "body": body,
        }
    raise RuntimeError(f"could not compose article {section}{index:03d} within the constraints")


def anchor_article(rng, anchor):
    place = place_of(rng, anchor.place, anchor.county)
    day = date.fromisoformat(anchor.date)
    topics = blocks.TOPICS.get(anchor.section, [])
    topic = next((t for t in topics if t.name == anchor.topic), None)
    ctx = context(rng, place, topic, day, anchor.source)
    # The anchor's own paragraphs first (its first one is its lead); then, for news, one or two
    # of its topic's and shared ones, for documents closing clauses, until it is long enough.
    paras = [fill(p, ctx, rng) for p in anchor.paras]
    if anchor.section in blocks.DOC_CLOSERS:
        pool = list(blocks.DOC_CLOSERS[anchor.section])
    else:
        extra = list(topic.paras) if topic else []
        rng.shuffle(extra)
        count = rng.randint(1, 2) if extra else 0
        paras += [fill(p, ctx, rng) for p in extra[:count]]
        pool = extra[count:] + blocks.SHARED.get(anchor.section, []) + blocks.SHARED["common"]
        if anchor.section == "gongzuo":
            pool += blocks.SHARED["gov"]
        rng.shuffle(pool)
    while pool and len(paras) < 8 and chinese_length("".join(paras)) < ANCHOR_MIN_LENGTH:
        paras.append(fill(pool.pop(0), ctx, rng))
    return {
        "key": anchor.key,
        "section": anchor.section,
        "title": anchor.title,
        "source": anchor.source,
        "publishedAt": anchor.date,
        "keywords": anchor.keywords,
        "summary": anchor.summary,
        "body": "\n\n".join(paras),
    }


def build():
    rng = random.Random(SEED)
    articles = [seed_article()]
    titles = {articles[0]["title"]}
    for anchor in ANCHORS:
        article = anchor_article(rng, anchor)
        titles.add(article["title"])
        articles.append(article)
    budget_used = Counter()
    for slug, _ in blocks.SECTIONS:
        for index in range(1, FILLER_PER_SECTION + 1):
            articles.append(filler_article(rng, slug, index, titles, budget_used))
    articles.sort(key=lambda a: (a["publishedAt"], a["key"]))
    queries = []
    for text, expected, note, optional in QUERIES:
        query = {"query": text, "expected": expected, "note": note}
        if optional:
            query["optional"] = True
        queries.append(query)
    return articles, queries


def validate(articles, queries):
    keys = [a["key"] for a in articles]
    assert len(keys) == len(set(keys)), "duplicate keys"
    sections = {slug for slug, _ in blocks.SECTIONS}
    for a in articles:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a["key"]) and len(a["key"]) <= 32, a["key"]
        assert a["section"] in sections, a["section"]
        assert a["title"] and a["source"] and a["body"], a["key"]
        assert "{" not in a["body"] + a["title"], a["key"]
        assert 2021 <= int(a["publishedAt"][:4]) <= 2024, a["key"]
        paragraphs = a["body"].split("\n\n")
        if a["key"] != "turpan-seed":
            assert 3 <= len(paragraphs) <= 8, (a["key"], len(paragraphs))
            assert 300 <= chinese_length(a["body"]) <= 1500, (a["key"], chinese_length(a["body"]))
    for q in queries:
        assert q["expected"] in keys, q


# --- the proxy ranking of --check -------------------------------------------------------------

FIELDS = {"title": 3.0, "keywords": 2.0, "summary": 1.5, "source": 1.0, "body": 1.0}


def tokens(text):
    out = []
    for chunk in re.findall(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+", text):
        if re.match(r"[A-Za-z0-9]", chunk):
            out.append(chunk.lower())
        elif len(chunk) == 1:
            out.append(chunk)
        else:
            out += [chunk[i:i + 2] for i in range(len(chunk) - 1)]
    return out


def rank(articles, queries, classic=False):
    docs = {f: [Counter(tokens(a[f])) for a in articles] for f in FIELDS}
    lengths = {f: [sum(c.values()) for c in docs[f]] for f in FIELDS}
    average = {f: max(1.0, sum(lengths[f]) / len(articles)) for f in FIELDS}
    frequency = {f: Counter(t for c in docs[f] for t in c) for f in FIELDS}
    n = len(articles)
    report = []
    for q in queries:
        terms = set(tokens(q["query"]))
        scores = []
        for i in range(n):
            score = 0.0
            for f, weight in FIELDS.items():
                for t in terms:
                    tf = docs[f][i].get(t, 0)
                    if tf and classic:
                        # Lucene's classic TF-IDF: sqrt(tf) · idf² · 1/sqrt(field length).
                        idf = 1 + math.log(n / (frequency[f][t] + 1))
                        score += weight * math.sqrt(tf) * idf * idf / math.sqrt(lengths[f][i])
                    elif tf:
                        idf = math.log(1 + (n - frequency[f][t] + 0.5) / (frequency[f][t] + 0.5))
                        norm = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[f][i] / average[f]))
                        score += weight * idf * norm
            scores.append(score)
        order = sorted(range(n), key=lambda i: -scores[i])
        ranked = [articles[i]["key"] for i in order]
        # Articles holding every word of the query in some field (words roughly as a Chinese
        # analyzer cuts them: two characters each): the candidates that ranking must order.
        words = [w for chunk in re.findall(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+", q["query"])
                 for w in ([chunk] if len(chunk) < 4 else [chunk[i:i + 2] for i in range(0, len(chunk) - 1, 2)])]
        matching = sum(1 for a in articles if all(any(w in a[f] for f in FIELDS) for w in words))
        report.append((q, ranked.index(q["expected"]) + 1, matching, ranked[:3]))
    return report


def main():
    articles, queries = build()
    validate(articles, queries)
    dump = lambda value: json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    (HERE / "articles.json").write_text(dump(articles), encoding="utf-8")
    (HERE / "queries.json").write_text(dump(queries), encoding="utf-8")
    per_section = Counter(a["section"] for a in articles)
    print(f"{len(articles)} articles in {len(per_section)} sections, {len(queries)} queries")
    if "--check" in sys.argv:
        misses = 0
        several = 0
        classic = rank(articles, queries, classic=True)
        for (q, position, matching, top), (_, other, _, _) in zip(rank(articles, queries), classic):
            several += matching > 1
            flag = "" if max(position, other) <= 3 else "  <-- MISS"
            misses += max(position, other) > 3 and not q.get("optional")
            print(f"{position:>3} {other:>3} {matching:>4}  {q['query']}  -> {q['expected']}  top3={top}{flag}")
        print(f"{misses} required miss(es); {several} of {len(queries)} queries match more than one article")
        return 1 if misses else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
