#!/usr/bin/env python3
"""Scores `kg extract` output against a wire gold set (set-a / set-b in this folder).

    kg extract set-b.docs.jsonl > /tmp/set-b.out.jsonl
    python3 score.py set-b.gold.tsv /tmp/set-b.out.jsonl [-v]

A gold row (doc, subject, predicate, object, evidence) is found when the output holds a fact
of the same document whose subject and object name the gold's: a mention, label or alias equal
after folding case and punctuation, or one of two words or more inside the other. Predicates:
the same, `basedIn` and `locatedIn` as one, `related` met by any predicate of the pair, a
`playsFor` meeting `memberOf` or `represents`; a gold `holds` is met by a post of the person
(with the organisation unless the gold's is `-`) or by a `worksFor`, `leads`, `memberOf` or
`playsFor` of the pair; a gold `said` by a quote the person speaks. Symmetric predicates and
`related` match either way round. Precision counts relations, posts with an organisation and
quotes with a speaker (a post with none counts only when it meets a gold row).
"""
import collections
import json
import re
import sys

SYMMETRIC = {'meets', 'negotiatesWith', 'cooperatesWith', 'partnerOf', 'signsAgreementWith',
             'mergesWith', 'spouseOf', 'siblingOf'}
HOLDING = {'worksFor', 'leads', 'memberOf', 'playsFor'}


def fold(name):
    return re.sub(r'[^\w ]', '', name.lower().replace('\u2019', "'")).strip()


def read_gold(path):
    gold = collections.defaultdict(list)
    with open(path, encoding='utf-8') as f:
        next(f)
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if len(cols) >= 5:
                gold[cols[0]].append(dict(s=cols[1], p=cols[2], o=cols[3], ev=cols[4]))
    return gold


def facts_of(doc):
    forms = collections.defaultdict(set)
    for e in doc['entities']:
        forms[e['key']].add(fold(e['label']))
        for a in e.get('aliases', []):
            forms[e['key']].add(fold(a))
    for m in doc['mentions']:
        forms[m['entity']].add(fold(m['text']))
    facts = [('rel', r['subject'], r['predicate'], r['object'], r['evidence']['text'])
             for r in doc['relations']]
    facts += [('post', r['person'], 'holds', r.get('org'), r['role']) for r in doc['roles']]
    facts += [('said', q['speaker'], 'said', None, q['text'])
              for q in doc['quotes'] if q.get('speaker')]
    return forms, facts


def names(forms, gold_name, key):
    if key is None:
        return False
    g = fold(gold_name)
    for f in forms[key]:
        if f == g:
            return True
        inside = re.search(r'\b' + re.escape(f) + r'\b', g) or re.search(r'\b' + re.escape(g) + r'\b', f)
        if len(f.split()) >= 2 and inside:
            return True
    return False


def meets(forms, fact, g):
    kind, s, p, o, _ = fact
    if g['p'] == 'said':
        return kind == 'said' and names(forms, g['s'], s)
    if g['p'] == 'holds':
        if kind == 'rel' and p in HOLDING and g['o'] != '-':
            return names(forms, g['s'], s) and names(forms, g['o'], o)
        return kind == 'post' and names(forms, g['s'], s) and (g['o'] == '-' or names(forms, g['o'], o))
    if kind != 'rel':
        return False
    same = (p == g['p'] or {p, g['p']} == {'basedIn', 'locatedIn'} or g['p'] == 'related'
            or (p == 'playsFor' and g['p'] in ('memberOf', 'represents')))
    if not same:
        return False
    if names(forms, g['s'], s) and names(forms, g['o'], o):
        return True
    either = p in SYMMETRIC or g['p'] in SYMMETRIC or g['p'] == 'related'
    return either and names(forms, g['s'], o) and names(forms, g['o'], s)


def main():
    gold = read_gold(sys.argv[1])
    verbose = '-v' in sys.argv
    out = {}
    with open(sys.argv[2], encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            out[d['doc']['id']] = d
    found = total = right = claimed = 0
    per, hit = collections.Counter(), collections.Counter()
    for doc in sorted(gold):
        forms, facts = facts_of(out[doc])
        for g in gold[doc]:
            total += 1
            per[g['p']] += 1
            if any(meets(forms, f, g) for f in facts):
                found += 1
                hit[g['p']] += 1
            elif verbose:
                print('MISS', doc, g['s'], g['p'], g['o'], '|', g['ev'][:70])
        for f in facts:
            ok = any(meets(forms, f, g) for g in gold[doc])
            if f[0] == 'post' and f[3] is None and not ok:
                continue
            claimed += 1
            right += ok
            if verbose and not ok:
                print('WRONG', doc, f[1], f[2], f[3], '|', f[4][:70])
    print(f'recall {found}/{total} = {found / total:.3f}; precision {right}/{claimed} = {right / max(1, claimed):.3f}')
    print(' '.join(f'{p}:{hit[p]}/{n}' for p, n in per.most_common()))


if __name__ == '__main__':
    main()
