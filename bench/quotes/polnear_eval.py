#!/usr/bin/env python3
"""Quote attribution benchmark: dossier's quotes scored against PolNeAR (political news attributions).

usage: polnear_eval.py [--data DIR] [--split train|dev] [--dossier PATH | --pred JSONL]
                       [--gold-as-pred | --human-ceiling] [--limit N] [--show-misses N] [--out JSON]

Data: DIR (default ../shared/bench/quotes/polnear beside the repository), brat standoff as its README.md
describes: <split>/text/<stem>.txt and <split>/attributions/<stem>_<annotator>.ann. Gold offsets count
Unicode code points; dossier reports UTF-8 byte offsets, converted here per document. One .ann per doc,
the lexicographically first annotator; the others of multi-annotated docs give the human ceiling.
Nothing from the data is written to the repository: the summary (--out) holds numbers only.

Predictions: `dossier extract --plain FILE...` (one JSON object per file and line), or --pred JSONL
holding the same. The contract this scorer relies on (offsets are UTF-8 bytes into "text", end exclusive):
  {"source": PATH, "text": STR,
   "quotes": [{"start": S, "end": E, "kind": "direct"|"partial"|"indirect",
               "segments": [[S,E],...]            optional: the parts of a quote split around its
                                                  attribution; replaces start/end when present
               "cue": STR|null, "cue_start": S|null, "cue_end": E|null,
               "speaker": null | {"name": STR, "entity": I, "start": S|null, "end": E|null}}]}
Documents are paired with the gold by the basename of "source" without ".txt".

Gold items: every E (attribution) record with a Content; Content, Content2... are one content (union of
their segments). Kind (README rule) from the content's surface: no double quote mark = indirect; starts
with one and has at most 2 = direct; else mixed. A gold without Source is "no-source".

Rows (a partition, plus two unions): direct, mixed, indirect (gold items with a Source), no-source (gold
items without one, any kind), direct+mixed, all. A matched prediction counts in its gold's row; an
unmatched prediction counts in the row of the kind dossier gave (partial = mixed), so the no-source row
has no precision of its own (shown as -).

Scorers:
  quote match (Gender Gap Tracker style)  golds in document order, each takes the unmatched prediction
      with the highest |gold & pred| / |gold| over code-point sets (first one on ties) if >= threshold
      (0.3 and 0.8). P = matched / predictions, R = matched / golds. On matched pairs: speaker accuracy
      (predicted speaker span overlaps the gold Source; a no-source gold is right only when no speaker is
      predicted) and cue accuracy (cue text, lowercased with spaces collapsed, equal to the gold Cue's).
  spans (Citron style), for Cue, Source and Content apart, each row apart (a prediction's row from the
      0.3 matching): exact P/R/F1 over distinct spans per document (segments trimmed of white space,
      all segments equal); token-overlap P/R/F1 with tokens \\w+ or one other non-space character,
      overlapping tokens / predicted tokens and / gold tokens, per document as sets, summed.
Self-checks: --gold-as-pred writes the gold out in dossier's format (byte offsets) and scores it (must
be 1.0 everywhere, exit 1 if not); --human-ceiling scores each further annotator of the multi-annotated
docs against the first. Exit 0 when it ran (also when the data folder is absent: it says so), 1 on a
failed self-check or a dossier failure, 2 on a usage error.
"""
import argparse
import json
import os
import re
import subprocess
import sys

# Double quote marks of the kind rule; single ones are left out because ’ is also the apostrophe.
QUOTE_MARKS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
KIND_ROWS = ('direct', 'mixed', 'indirect')
ROWS = ('direct', 'mixed', 'indirect', 'no-source', 'direct+mixed', 'all')
FROM_DOSSIER = {'direct': 'direct', 'partial': 'mixed', 'indirect': 'indirect'}
TO_DOSSIER = {'direct': 'direct', 'mixed': 'partial', 'indirect': 'indirect'}
THRESHOLDS = (0.3, 0.8)
ROLES = ('cue', 'source', 'content')
RECORD_START = re.compile(r'^(?:[TERAMN]\d+|#\d*)\t')
TOKEN = re.compile(r'\w+|[^\w\s]')


def in_row(row, item_row):
    """True when an item whose own row is item_row (a partition row) belongs to row."""
    if row == 'all':
        return True
    if row == 'direct+mixed':
        return item_row in ('direct', 'mixed')
    return row == item_row


# ---------------------------------------------------------------- gold

def parse_ann(ann):
    """brat standoff -> (text-bound {id: (type, [(s, e), ...])}, [(E id, [(role, T id), ...])]).
    A record runs from a line starting with an id and a tab to the next such line (surface text may
    hold newlines)."""
    records = []
    for line in ann.split('\n'):
        if RECORD_START.match(line):
            records.append(line)
        elif records:
            records[-1] += '\n' + line
    spans, relations = {}, []
    for rec in records:
        fields = rec.split('\t', 2)
        rid = fields[0]
        if rid.startswith('T') and len(fields) >= 2:
            head = fields[1].split(' ', 1)
            segs = []
            for part in head[1].split(';'):
                s, e = part.split()
                segs.append((int(s), int(e)))
            spans[rid] = (head[0], sorted(segs))
        elif rid.startswith('E') and len(fields) >= 2:
            args = []
            for arg in fields[1].split():
                role, _, target = arg.partition(':')
                args.append((role, target))
            relations.append((rid, args))
    return spans, relations


def merge_segments(segs):
    """Sorted, non-overlapping, non-empty segments covering the same code points."""
    out = []
    for s, e in sorted(segs):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def surface(text, segs):
    """The text of a span, its segments joined by one space (as brat writes it)."""
    return ' '.join(text[s:e] for s, e in segs)


def kind_of_content(content):
    """README rule: no double quote mark = indirect; starts with one and has <= 2 = direct; else mixed."""
    content = content.strip()
    marks = sum(1 for c in content if c in QUOTE_MARKS)
    if marks == 0:
        return 'indirect'
    if content[0] in QUOTE_MARKS and marks <= 2:
        return 'direct'
    return 'mixed'


def gold_items(text, ann):
    """Gold attributions of one annotator file: dicts with content/cue/source segments (code points;
    source None when implicit), kind, row and id. Attributions without a Content are skipped; the
    second value counts them. Raises ValueError when a span lies outside the text."""
    spans, relations = parse_ann(ann)
    items, skipped = [], 0
    for rid, args in relations:
        roles = {'content': [], 'cue': [], 'source': None}
        for role, target in args:
            if target not in spans:
                continue
            segs = spans[target][1]
            for s, e in segs:
                if not 0 <= s <= e <= len(text):
                    raise ValueError('%s: span %d-%d outside the text (%d code points)' %
                                     (rid, s, e, len(text)))
            base = role.rstrip('0123456789')
            if base == 'Content':
                roles['content'] += segs
            elif base == 'Cue':
                roles['cue'] += segs
            elif base == 'Source':
                roles['source'] = (roles['source'] or []) + segs
        content = merge_segments(roles['content'])
        if not content:
            skipped += 1
            continue
        kind = kind_of_content(surface(text, content))
        source = merge_segments(roles['source']) if roles['source'] is not None else None
        items.append({'id': rid, 'content': content, 'cue': merge_segments(roles['cue']),
                      'source': source or None, 'kind': kind,
                      'row': kind if source else 'no-source'})
    items.sort(key=lambda g: (g['content'][0][0], g['content'][0][1]))
    return items, skipped


def read_text(path):
    with open(path, 'rb') as f:
        return f.read().decode('utf-8')


def list_docs(data, split):
    """{stem: [annotator file paths, sorted]} for one split, only stems with a text."""
    ann_dir = os.path.join(data, split, 'attributions')
    text_dir = os.path.join(data, split, 'text')
    docs = {}
    for name in sorted(os.listdir(ann_dir)):
        if not name.endswith('.ann'):
            continue
        stem = name[:-4].rsplit('_', 1)[0]
        if os.path.exists(os.path.join(text_dir, stem + '.txt')):
            docs.setdefault(stem, []).append(os.path.join(ann_dir, name))
    return docs


# ---------------------------------------------------------------- predictions

class ByteMap:
    """UTF-8 byte offset <-> code point offset for one text."""

    def __init__(self, text):
        self.cp_of_byte = {}
        self.byte_of_cp = []
        b = 0
        for i, ch in enumerate(text):
            self.cp_of_byte[b] = i
            self.byte_of_cp.append(b)
            b += len(ch.encode('utf-8'))
        self.cp_of_byte[b] = len(text)
        self.byte_of_cp.append(b)
        self.nbytes = b

    def to_cp(self, b):
        """Code point offset of a byte offset on a character boundary, else None."""
        return self.cp_of_byte.get(b) if isinstance(b, int) else None

    def to_byte(self, cp):
        return self.byte_of_cp[cp]


def byte_segments(bmap, pairs, warn, what):
    """[[s, e], ...] in bytes -> merged code-point segments, or None (with a warning) when malformed."""
    segs = []
    for pair in pairs:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            warn('%s: segment %r is not [start, end]' % (what, pair))
            return None
        s, e = bmap.to_cp(pair[0]), bmap.to_cp(pair[1])
        if s is None or e is None or e < s:
            warn('%s: %r is not a byte range on character boundaries within %d bytes' %
                 (what, pair, bmap.nbytes))
            return None
        segs.append((s, e))
    return merge_segments(segs)


def pred_items(text, obj, warn):
    """dossier's object for one document -> predicted items in code points (content, cue segments,
    cue_text, speaker segments or None, speaker_given, kind row). Malformed quotes are dropped with a
    warning: the contract is checked, not guessed around."""
    bmap = ByteMap(text)
    items = []
    for qi, q in enumerate(obj.get('quotes') or []):
        what = '%s quote %d' % (os.path.basename(str(obj.get('source'))), qi)
        if not isinstance(q, dict):
            warn('%s: not an object' % what)
            continue
        # The attributed content: the whole reported clause around a partial quotation
        # ("content_start"/"content_end") when dossier gives it, else the quoted words.
        if q.get('segments'):
            pairs = q['segments']
        elif q.get('content_start') is not None and q.get('content_end') is not None:
            pairs = [[q['content_start'], q['content_end']]]
        else:
            pairs = [[q.get('start'), q.get('end')]]
        content = byte_segments(bmap, pairs, warn, what + ' content')
        if not content:
            if content is not None:
                warn('%s: empty content' % what)
            continue
        kind = FROM_DOSSIER.get(q.get('kind'))
        if kind is None:
            warn('%s: kind %r is not direct/partial/indirect (counted as indirect)' % (what, q.get('kind')))
            kind = 'indirect'
        cue, cue_text = [], q.get('cue')
        if q.get('cue_segments') or q.get('cue_start') is not None:
            cue = byte_segments(bmap, q.get('cue_segments') or [[q.get('cue_start'), q.get('cue_end')]],
                                warn, what + ' cue') or []
            if cue:
                cue_text = surface(text, cue)
        speaker, given = None, q.get('speaker') is not None
        if given:
            sp = q['speaker']
            if not isinstance(sp, dict):
                warn('%s: speaker is not an object' % what)
            elif sp.get('segments') or sp.get('start') is not None:
                speaker = byte_segments(bmap, sp.get('segments') or [[sp.get('start'), sp.get('end')]],
                                        warn, what + ' speaker')
        items.append({'content': content, 'cue': cue, 'cue_text': cue_text, 'source': speaker or None,
                      'speaker_given': given, 'kind': kind})
    return items


def gold_to_dossier(path, text, golds):
    """The gold of one document written as dossier's output (byte offsets; discontinuous spans as
    segments), for the self-checks."""
    bmap = ByteMap(text)

    def segs(sp):
        return [[bmap.to_byte(s), bmap.to_byte(e)] for s, e in sp]

    quotes = []
    for g in golds:
        c = segs(g['content'])
        q = {'text': surface(text, g['content']), 'start': c[0][0], 'end': c[-1][1],
             'kind': TO_DOSSIER[g['kind']], 'cue': surface(text, g['cue']) if g['cue'] else None,
             'cue_start': None, 'cue_end': None, 'speaker': None}
        if len(c) > 1:
            q['segments'] = c
        if g['cue']:
            cs = segs(g['cue'])
            q['cue_start'], q['cue_end'] = cs[0][0], cs[-1][1]
            if len(cs) > 1:
                q['cue_segments'] = cs
        if g['source']:
            ss = segs(g['source'])
            q['speaker'] = {'name': surface(text, g['source']), 'entity': 0,
                            'start': ss[0][0], 'end': ss[-1][1]}
            if len(ss) > 1:
                q['speaker']['segments'] = ss
        quotes.append(q)
    return {'source': path, 'text': text, 'quotes': quotes}


# ---------------------------------------------------------------- scoring

def overlap(a, b):
    """Code points shared by two merged segment lists."""
    n, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            n += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return n


def length(segs):
    return sum(e - s for s, e in segs)


def norm_cue(s):
    return ' '.join((s or '').lower().split())


def match_quotes(golds, preds, threshold):
    """Greedy GGT matching: {gold index: pred index}."""
    used, pairs = set(), {}
    for gi, g in enumerate(golds):
        glen = length(g['content'])
        best, best_score = None, 0.0
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            score = overlap(g['content'], p['content']) / glen
            if score > best_score:
                best, best_score = pi, score
        if best is not None and best_score >= threshold:
            used.add(best)
            pairs[gi] = best
    return pairs


def trimmed(text, segs):
    """Segments with white space trimmed at both ends, empty ones dropped (a hashable key)."""
    out = []
    for s, e in segs:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def tokens_of(starts, ends, segs):
    """Indices of the tokens overlapping any segment."""
    import bisect
    out = set()
    for s, e in segs:
        i = bisect.bisect_right(ends, s)
        while i < len(starts) and starts[i] < e:
            out.add(i)
            i += 1
    return out


class Tally:
    """Counts summed over documents for every (scorer, row)."""

    def __init__(self):
        self.q = {t: {r: dict(gold=0, pred=0, tp=0, speaker=0, cue=0) for r in ROWS} for t in THRESHOLDS}
        self.s = {role: {r: dict(gold=0, pred=0, tp=0, gold_tok=0, pred_tok=0, both_tok=0) for r in ROWS}
                  for role in ROLES}
        self.docs = 0
        self.golds_without_content = 0

    def add_doc(self, text, golds, preds):
        self.docs += 1
        base_rows = None
        for t in THRESHOLDS:
            pairs = match_quotes(golds, preds, t)
            pred_row = [p['kind'] for p in preds]
            for gi, pi in pairs.items():
                pred_row[pi] = golds[gi]['row']
            if t == THRESHOLDS[0]:
                base_rows = pred_row
            for row in ROWS:
                c = self.q[t][row]
                c['gold'] += sum(1 for g in golds if in_row(row, g['row']))
                c['pred'] += sum(1 for r in pred_row if in_row(row, r))
                for gi, pi in pairs.items():
                    g, p = golds[gi], preds[pi]
                    if not in_row(row, g['row']):
                        continue
                    c['tp'] += 1
                    if g['source'] is None:
                        c['speaker'] += not p['speaker_given']
                    else:
                        c['speaker'] += bool(p['source']) and overlap(g['source'], p['source']) > 0
                    c['cue'] += norm_cue(surface(text, g['cue'])) == norm_cue(p['cue_text'])
        toks = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        starts, ends = [a for a, _ in toks], [b for _, b in toks]
        for role in ROLES:
            for row in ROWS:
                gk = {trimmed(text, g[role]) for g in golds if g[role] and in_row(row, g['row'])}
                pk = {trimmed(text, p[role]) for p, r in zip(preds, base_rows) if p[role] and in_row(row, r)}
                gk.discard(())
                pk.discard(())
                gt, pt = set(), set()
                for k in gk:
                    gt |= tokens_of(starts, ends, k)
                for k in pk:
                    pt |= tokens_of(starts, ends, k)
                c = self.s[role][row]
                c['gold'] += len(gk)
                c['pred'] += len(pk)
                c['tp'] += len(gk & pk)
                c['gold_tok'] += len(gt)
                c['pred_tok'] += len(pt)
                c['both_tok'] += len(gt & pt)

    def report(self):
        def prf(tp_p, pred, tp_r, gold):
            p = tp_p / pred if pred else None
            r = tp_r / gold if gold else None
            f = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else (
                0.0 if p is not None and r is not None else None)
            return p, r, f

        out = {'docs': self.docs, 'golds_without_content': self.golds_without_content, 'quotes': {},
               'spans': {}}
        for t in THRESHOLDS:
            out['quotes'][str(t)] = {}
            for row in ROWS:
                c = self.q[t][row]
                p, r, f = prf(c['tp'], c['pred'], c['tp'], c['gold'])
                if row == 'no-source':
                    p = f = None
                out['quotes'][str(t)][row] = dict(
                    c, precision=p, recall=r, f1=f,
                    speaker_acc=c['speaker'] / c['tp'] if c['tp'] else None,
                    cue_acc=c['cue'] / c['tp'] if c['tp'] else None)
        for role in ROLES:
            out['spans'][role] = {}
            for row in ROWS:
                c = self.s[role][row]
                ep, er, ef = prf(c['tp'], c['pred'], c['tp'], c['gold'])
                op, orr, of = prf(c['both_tok'], c['pred_tok'], c['both_tok'], c['gold_tok'])
                if row == 'no-source':
                    ep = ef = op = of = None
                out['spans'][role][row] = dict(c, exact=dict(precision=ep, recall=er, f1=ef),
                                               overlap=dict(precision=op, recall=orr, f1=of))
        return out


def fmt(x):
    return '    -' if x is None else '%5.3f' % x


def print_report(rep, title):
    print('== %s (%d docs) ==' % (title, rep['docs']))
    for t, rows in rep['quotes'].items():
        print('quote match at %s overlap   gold  pred    tp      P      R     F1  speaker   cue' % t)
        for row in ROWS:
            c = rows[row]
            print('  %-14s %12d %5d %5d  %s  %s  %s    %s  %s' % (
                row, c['gold'], c['pred'], c['tp'], fmt(c['precision']), fmt(c['recall']), fmt(c['f1']),
                fmt(c['speaker_acc']), fmt(c['cue_acc'])))
    print('spans (rows from the 0.3 match)   exact P   R     F1   |  token overlap P   R     F1')
    for role in ROLES:
        for row in ROWS:
            c = rep['spans'][role][row]
            e, o = c['exact'], c['overlap']
            print('  %-8s %-14s %10s %s %s   |  %15s %s %s' % (
                role, row, fmt(e['precision']), fmt(e['recall']), fmt(e['f1']),
                fmt(o['precision']), fmt(o['recall']), fmt(o['f1'])))


def all_perfect(rep):
    """True when every defined figure of a report is 1.0 (the gold-as-pred check)."""
    bad = []
    for t, rows in rep['quotes'].items():
        for row, c in rows.items():
            for k in ('precision', 'recall', 'f1', 'speaker_acc', 'cue_acc'):
                if c[k] is not None and abs(c[k] - 1.0) > 1e-12:
                    bad.append('quotes %s %s %s = %.4f' % (t, row, k, c[k]))
    for role, rows in rep['spans'].items():
        for row, c in rows.items():
            for m in ('exact', 'overlap'):
                for k, v in c[m].items():
                    if v is not None and abs(v - 1.0) > 1e-12:
                        bad.append('spans %s %s %s %s = %.4f' % (role, row, m, k, v))
    return bad


def context(text, segs, width=60):
    s, e = segs[0][0], segs[-1][1]
    left = text[max(0, s - width):s].replace('\n', ' ')
    mid = text[s:e].replace('\n', ' ')
    right = text[e:e + width].replace('\n', ' ')
    return '...%s[[%s]]%s...' % (left, mid, right)


def show_misses(stem, text, golds, preds, left):
    """Prints missed golds and false positives of one document at the lowest threshold, at most
    left[0] of each kind in all; development aid, terminal only."""
    pairs = match_quotes(golds, preds, THRESHOLDS[0])
    matched = set(pairs.values())
    for gi, g in enumerate(golds):
        if gi in pairs:
            p = preds[pairs[gi]]
            sp_ok = (not p['speaker_given']) if g['source'] is None else (
                bool(p['source']) and overlap(g['source'], p['source']) > 0)
            if not sp_ok and left[2] > 0:
                left[2] -= 1
                print('WRONG SPEAKER %s (%s): gold %r, got %r\n  %s' % (
                    stem, g['row'], surface(text, g['source'] or []),
                    surface(text, p['source'] or []), context(text, g['content'])))
            continue
        if left[0] > 0:
            left[0] -= 1
            print('MISSED %s (%s, cue %r, source %r)\n  %s' % (
                stem, g['row'], surface(text, g['cue']), surface(text, g['source'] or []),
                context(text, g['content'])))
    for pi, p in enumerate(preds):
        if pi not in matched and left[1] > 0:
            left[1] -= 1
            print('FALSE POSITIVE %s (%s, cue %r, speaker %r)\n  %s' % (
                stem, p['kind'], p['cue_text'], surface(text, p['source'] or []),
                context(text, p['content'])))


# ---------------------------------------------------------------- driver

def run_dossier(binary, paths):
    """Runs `dossier extract --plain --jobs 1` over the files; {stem: object}. Raises RuntimeError."""
    cmd = [binary, 'extract', '--plain', '--jobs', '1'] + paths
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError('%s failed (exit %d): %s' % (' '.join(cmd[:4]), proc.returncode,
                                                        proc.stderr.decode('utf-8', 'replace')[:500]))
    return parse_jsonl(proc.stdout.decode('utf-8'))


def parse_jsonl(data):
    out = {}
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        src = str(obj.get('source', ''))
        stem = os.path.basename(src)
        if stem.endswith('.txt'):
            stem = stem[:-4]
        out[stem] = obj
    return out


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description='Score dossier quote attribution on PolNeAR.')
    ap.add_argument('--data', default=os.path.join(os.path.dirname(root), 'shared', 'bench', 'quotes',
                                                   'polnear'))
    ap.add_argument('--split', choices=('train', 'dev'), default='dev')
    ap.add_argument('--dossier', default=os.path.join(root, 'build-release', 'dossier'))
    ap.add_argument('--pred', help='JSONL of `dossier extract --plain` instead of running dossier')
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument('--gold-as-pred', action='store_true', help='self-check: the gold scores 1.0')
    mode.add_argument('--human-ceiling', action='store_true',
                      help='further annotators of multi-annotated docs against the first')
    ap.add_argument('--limit', type=int, default=0, help='only the first N documents')
    ap.add_argument('--show-misses', type=int, default=0, metavar='N',
                    help='print N missed golds, N false positives and N wrong speakers')
    ap.add_argument('--out', help='JSON summary (default bench/out/quotes-polnear[-MODE][-train].json)')
    args = ap.parse_args(argv)

    if not os.path.isdir(os.path.join(args.data, args.split)):
        print('polnear_eval: %s absent: PolNeAR benchmark skipped' % os.path.join(args.data, args.split))
        return 0
    docs = list_docs(args.data, args.split)
    stems = sorted(docs)
    if args.human_ceiling:
        stems = [s for s in stems if len(docs[s]) > 1]
    if args.limit > 0:
        stems = stems[:args.limit]
    texts = {s: read_text(os.path.join(args.data, args.split, 'text', s + '.txt')) for s in stems}
    paths = [os.path.join(args.data, args.split, 'text', s + '.txt') for s in stems]

    warnings = []

    def warn(msg):
        warnings.append(msg)

    tally = Tally()
    pairs = []  # (stem, golds, dossier object)
    if args.gold_as_pred or args.human_ceiling:
        for stem, path in zip(stems, paths):
            golds, skipped = gold_items(texts[stem], read_text(docs[stem][0]))
            tally.golds_without_content += skipped
            others = docs[stem][:1] if args.gold_as_pred else docs[stem][1:]
            for ann in others:
                other, _ = gold_items(texts[stem], read_text(ann))
                # through JSON text, as dossier's output would come
                obj = json.loads(json.dumps(gold_to_dossier(path, texts[stem], other)))
                pairs.append((stem, golds, obj))
        title = 'gold as predictions' if args.gold_as_pred else 'human ceiling (%d annotator pairs)' % len(pairs)
    else:
        try:
            preds = parse_jsonl(open(args.pred, encoding='utf-8').read()) if args.pred else \
                run_dossier(args.dossier, paths)
        except (RuntimeError, OSError, ValueError) as e:
            print('polnear_eval: %s' % e, file=sys.stderr)
            return 1
        for stem in stems:
            golds, skipped = gold_items(texts[stem], read_text(docs[stem][0]))
            tally.golds_without_content += skipped
            obj = preds.get(stem)
            if obj is None:
                warn('%s: no prediction (counted as no quotes)' % stem)
                obj = {'source': stem, 'quotes': []}
            pairs.append((stem, golds, obj))
        title = 'dossier' if not args.pred else 'predictions of %s' % os.path.basename(args.pred)

    left = [args.show_misses] * 3
    for stem, golds, obj in pairs:
        text = texts[stem]
        if 'text' in obj and obj['text'] != text:
            warn('%s: "text" differs from the file (offsets may not align)' % stem)
        preds = pred_items(text, obj, warn)
        tally.add_doc(text, golds, preds)
        if args.show_misses:
            show_misses(stem, text, golds, preds, left)

    rep = tally.report()
    rep['docs'], rep['scored_pairs'] = len(stems), len(pairs)
    rep.update(split=args.split, mode='gold-as-pred' if args.gold_as_pred else
               'human-ceiling' if args.human_ceiling else 'dossier', contract_warnings=len(warnings))
    print_report(rep, '%s, split %s' % (title, args.split))
    if rep['golds_without_content']:
        print('(%d gold attributions without a Content left out)' % rep['golds_without_content'])
    for w in warnings[:10]:
        print('warning: %s' % w, file=sys.stderr)
    if len(warnings) > 10:
        print('warning: ... %d more' % (len(warnings) - 10), file=sys.stderr)

    out = args.out or os.path.join(root, 'bench', 'out', 'quotes-polnear%s%s.json' % (
        '' if rep['mode'] == 'dossier' else '-' + rep['mode'], '' if args.split == 'dev' else '-train'))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, 'w') as f:
        json.dump(rep, f, indent=1, sort_keys=True)
        f.write('\n')
    print('summary: %s' % out)
    if args.gold_as_pred:
        bad = all_perfect(rep)
        if bad or warnings:
            print('SELF-CHECK FAILED: %s' % '; '.join((bad + warnings)[:10]))
            return 1
        print('self-check passed: the gold as predictions scores 1.0 on every figure')
    return 0


if __name__ == '__main__':
    sys.exit(main())
