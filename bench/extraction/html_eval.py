#!/usr/bin/env python3
"""HTML main-content extraction benchmark: dossier against its peers on public benchmark pages.

usage: html_eval.py [--data DIR] [--sets scrapinghub,wcxb,trafilatura] [--dossier PATH]
                    [--parse-floor PATH] [--no-peers] [--node-modules DIR] [--scratch DIR]
                    [--out JSON] [--worst N] [--date-misses]

Data: DIR (default ../shared/bench/extraction beside the repository) holds scrapinghub/, wcxb/,
trafilatura/ as described by their README.md files. No page text or annotation is ever written into the
repository: pages are decompressed to --scratch (default /tmp/dossier-bench), outputs stay there, and the
summary (--out, default bench/out/html-extraction.json) holds only numbers and page ids.

Tools (each one process over all pages of a set, pinned to CPU 0 with taskset when available):
  dossier            `dossier extract --jobs 1 -q FILE...`; index 0's text (and, as a second row, the text
                     of all articles of the page joined by a blank line: same run, same timing)
  readability.js     @mozilla/readability + jsdom (peers/readability_js.js, node_modules from --node-modules)
  readability-lxml   Debian python3-readability (peers/readability_lxml.py, run by /usr/bin/python3);
                     text = the summary's text nodes joined by spaces
  parse floor        parse_floor (libxml2 htmlReadMemory of each page, nothing else)
Speed is wall time of the whole process divided by the pages (process start and module loading
included); peers also report their page-loop time alone ("loop ms"). Peak RSS from /usr/bin/time %M.

Scorers (re-implemented from each set's README / upstream evaluator):
  scrapinghub  4-token shingles of re.findall(r'\\w+') (case kept); per page tp/fp/fn normalised;
               P = mean over pages with tp+fp>0, R = mean over pages with tp+fn>0 (fp=fn=0 counts 1);
               F1 = 2PR/(P+R) of the means; accuracy = exact token-list match.
  wcxb         per page bag of lowercase \\w+ tokens: P, R, F1 (an empty reference scores 1 only for an
               empty prediction; an empty prediction scores 0); P, R, F1 = means over pages; with% and
               without% = mean share of snippets found (case-insensitive substring).
               Metadata: title / author / date accuracy over pages whose truth has the field; title and
               author compare lowercase \\w+ token lists (a leading "by" dropped from an author), date
               compares the first 10 characters (YYYY-MM-DD) of the predicted date.
  trafilatura  micro over all pages: each `with` segment found = TP, missing = FN; each `without` found =
               FP, absent = TN; substring test after collapsing whitespace runs and trimming, case kept.
               P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), acc = (TP+TN)/all. Metadata as wcxb.

Exit 0 whenever it ran, also when the data folder is absent (it says so and skips); 2 on a usage error.
"""
import argparse
import collections
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile(r'\w+')
ALL_SETS = ('scrapinghub', 'wcxb', 'trafilatura')


# ---------------------------------------------------------------- scorers

def shingles(text, n=4):
    toks = WORD.findall(text or '')
    out = collections.Counter()
    for i in range(0, max(1, len(toks) - n + 1)):
        sh = tuple(toks[i:i + n])
        if sh:
            out[sh] += 1
    return out


def sh_page(truth, pred):
    """ScrapingHub per-page (tp, fp, fn), normalised to sum 1."""
    t, p = shingles(truth), shingles(pred)
    tp = fp = fn = 0.0
    for k in set(t) | set(p):
        a, b = t.get(k, 0), p.get(k, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    if s > 0:
        tp, fp, fn = tp / s, fp / s, fn / s
    return tp, fp, fn


def sh_prec(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def sh_rec(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs) if xs else 0.0


def score_scrapinghub(gt, preds):
    per = {}
    rows = []
    exact = 0
    for pid in sorted(gt):
        truth = gt[pid]['text']
        pred = preds.get(pid, {}).get('text', '')
        tp, fp, fn = sh_page(truth, pred)
        rows.append((tp, fp, fn))
        p, r = sh_prec(tp, fp, fn), sh_rec(tp, fp, fn)
        per[pid] = {'p': p, 'r': r, 'f1': 2 * p * r / (p + r) if p + r else 0.0}
        exact += WORD.findall(truth) == WORD.findall(pred)
    P = mean(sh_prec(*x) for x in rows if x[0] + x[1] > 0)
    R = mean(sh_rec(*x) for x in rows if x[0] + x[2] > 0)
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {'p': P, 'r': R, 'f1': F, 'accuracy': exact / len(gt)}, per


def bow_prf(pred, ref):
    pt, rt = WORD.findall((pred or '').lower()), WORD.findall((ref or '').lower())
    if not rt:
        return (1.0, 1.0, 1.0) if not pt else (0.0, 0.0, 0.0)
    if not pt:
        return (0.0, 0.0, 0.0)
    ov = sum((collections.Counter(pt) & collections.Counter(rt)).values())
    p, r = ov / len(pt), ov / len(rt)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def snippet_share(text, snips):
    if not snips:
        return 1.0
    low = (text or '').lower()
    return sum(1 for s in snips if s.lower() in low) / len(snips)


def norm_tokens(s, author=False):
    toks = WORD.findall((s or '').lower())
    if author and toks[:1] == ['by']:
        toks = toks[1:]
    return toks


def meta_scores(gt, preds):
    """title / author / date accuracy over pages whose truth has the field; None when the tool has no
    such field at all."""
    out = {}
    for field in ('title', 'author', 'date'):
        n = ok = 0
        have = any(field in preds.get(pid, {}) for pid in gt)
        for pid, g in gt.items():
            truth = g.get(field)
            if not truth:
                continue
            n += 1
            pred = preds.get(pid, {}).get(field) or ''
            if field == 'date':
                ok += bool(pred) and pred[:10] == truth[:10]
            else:
                t = norm_tokens(truth, field == 'author')
                ok += bool(t) and norm_tokens(pred, field == 'author') == t
        out[field + '_acc'] = (ok / n if n else None) if have else None
        out[field + '_n'] = n
    return out


def score_wcxb(gt, preds):
    per = {}
    for pid in sorted(gt):
        g = gt[pid]
        pred = preds.get(pid, {}).get('text', '')
        p, r, f = bow_prf(pred, g['text'])
        per[pid] = {'p': p, 'r': r, 'f1': f,
                    'with': snippet_share(pred, g['with']), 'without': snippet_share(pred, g['without'])}
    res = {k: mean(v[k] for v in per.values()) for k in ('p', 'r', 'f1', 'with', 'without')}
    res.update(meta_scores(gt, preds))
    return res, per


WS = re.compile(r'\s+')


def squash(s):
    return WS.sub(' ', s or '').strip()


def score_trafilatura(gt, preds):
    TP = FP = FN = TN = 0
    per = {}
    for pid in sorted(gt):
        g = gt[pid]
        text = squash(preds.get(pid, {}).get('text', ''))
        tp = fn = fp = tn = 0
        for seg in g['with']:
            if text and squash(seg) in text:
                tp += 1
            else:
                fn += 1
        for seg in g['without']:
            if text and squash(seg) in text:
                fp += 1
            else:
                tn += 1
        TP, FP, FN, TN = TP + tp, FP + fp, FN + fn, TN + tn
        p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        per[pid] = {'p': p, 'r': r, 'f1': 2 * p * r / (p + r) if p + r else 0.0,
                    'tp': tp, 'fp': fp, 'fn': fn}
    res = {'p': TP / (TP + FP) if TP + FP else 0.0, 'r': TP / (TP + FN) if TP + FN else 0.0,
           'f1': 2 * TP / (2 * TP + FP + FN) if TP else 0.0,
           'accuracy': (TP + TN) / max(1, TP + TN + FP + FN), 'tp': TP, 'fp': FP, 'fn': FN, 'tn': TN}
    res.update(meta_scores(gt, preds))
    return res, per


# ---------------------------------------------------------------- data loading

def load_scrapinghub(d):
    gt_raw = json.load(open(os.path.join(d, 'ground-truth.json'), encoding='utf-8'))
    pages, gt = [], {}
    for pid, v in gt_raw.items():
        gz = os.path.join(d, 'html', pid + '.html.gz')
        if os.path.exists(gz):
            pages.append((pid, gz))
            gt[pid] = {'text': v.get('articleBody', '') or ''}
    return [('scrapinghub', pages, gt, True)]


def load_wcxb(d):
    out = []
    for split in ('dev', 'test'):
        gdir = os.path.join(d, split, 'ground-truth')
        if not os.path.isdir(gdir):
            continue
        pages, gt = [], {}
        for name in sorted(os.listdir(gdir)):
            if not name.endswith('.json'):
                continue
            pid = name[:-5]
            gz = os.path.join(d, split, 'html', pid + '.html.gz')
            if not os.path.exists(gz):
                continue
            g = json.load(open(os.path.join(gdir, name), encoding='utf-8')).get('ground_truth') or {}
            pages.append((pid, gz))
            gt[pid] = {'text': g.get('main_content') or '', 'with': g.get('with') or [],
                       'without': g.get('without') or [], 'title': g.get('title'),
                       'author': g.get('author'), 'date': g.get('publish_date')}
        out.append(('wcxb-' + split, pages, gt, True))
    return out


def load_trafilatura(d):
    ev = json.load(open(os.path.join(d, 'evaldata.json'), encoding='utf-8'))
    local = {}
    with open(os.path.join(d, 'files.tsv'), encoding='utf-8') as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip('\n').split('\t')
            if len(cols) >= 2:
                local[cols[1]] = cols[0]
    pages, gt = [], {}
    for url, v in ev.items():
        lp = local.get(v.get('file'))
        if not lp:
            continue
        gz = os.path.join(d, lp)
        if not os.path.exists(gz):
            continue
        pid = os.path.basename(lp)[:-3] if lp.endswith('.gz') else os.path.basename(lp)
        pages.append((pid, gz))
        auth = v.get('author')
        gt[pid] = {'with': v.get('with') or [], 'without': v.get('without') or [],
                   'title': v.get('title'), 'author': auth if isinstance(auth, str) else None,
                   'date': v.get('date')}
    return [('trafilatura', pages, gt, False)]


LOADERS = {'scrapinghub': load_scrapinghub, 'wcxb': load_wcxb, 'trafilatura': load_trafilatura}
SCORERS = {'scrapinghub': score_scrapinghub, 'wcxb': score_wcxb, 'trafilatura': score_trafilatura}


def scorer_for(name):
    return SCORERS[name.split('-')[0]]


def unpack(pages, scratch):
    """Decompress each page to scratch/<n>.html (bytes unchanged); return [(id, path)]."""
    os.makedirs(scratch, exist_ok=True)
    out = []
    for i, (pid, gz) in enumerate(pages):
        path = os.path.join(scratch, '%04d.html' % i)
        if not os.path.exists(path):
            with gzip.open(gz, 'rb') as src, open(path + '.tmp', 'wb') as dst:
                shutil.copyfileobj(src, dst)
            os.replace(path + '.tmp', path)
        out.append((pid, path))
    return out


# ---------------------------------------------------------------- running tools

def timed(cmd, stdout_path, stderr_path):
    """Run cmd (pinned to CPU 0) under /usr/bin/time; return (wall seconds, peak RSS MB, rc)."""
    pre = []
    if shutil.which('taskset'):
        pre = ['taskset', '-c', '0']
    rss_file = stderr_path + '.rss'
    if os.path.exists('/usr/bin/time'):
        pre = ['/usr/bin/time', '-f', '%M', '-o', rss_file] + pre
    with open(stdout_path, 'wb') as so, open(stderr_path, 'wb') as se:
        t0 = time.perf_counter()
        rc = subprocess.call(pre + cmd, stdout=so, stderr=se)
        wall = time.perf_counter() - t0
    rss = None
    try:
        rss = int(open(rss_file).read().split()[-1]) / 1024.0
    except (OSError, ValueError, IndexError):
        pass
    return wall, rss, rc


def loop_seconds(stderr_path):
    try:
        for line in open(stderr_path, encoding='utf-8', errors='replace'):
            if line.startswith('LOOP_SECONDS'):
                return float(line.split()[1])
    except OSError:
        pass
    return None


def run_dossier(binary, files, work):
    by_path = {p: pid for pid, p in files}
    out, err = os.path.join(work, 'dossier.jsonl'), os.path.join(work, 'dossier.err')
    # Extraction alone, as the peers do it: the language layer (sentences, entities, quotes) is
    # measured by bench/quotes.
    wall, rss, rc = timed([binary, 'extract', '--no-annotate', '--jobs', '1', '-q'] +
                          [p for _, p in files], out, err)
    main, allp = {}, {}
    with open(out, encoding='utf-8', errors='replace') as fh:
        for line in fh:
            try:
                a = json.loads(line)
            except ValueError:
                continue
            pid = by_path.get(a.get('source'))
            if pid is None:
                continue
            text = a.get('text') or ''
            rec = allp.setdefault(pid, {'text': '', 'title': a.get('title') or '',
                                        'author': a.get('author') or '', 'date': a.get('published') or '',
                                        'modified': a.get('modified') or ''})
            rec['text'] = rec['text'] + '\n\n' + text if rec['text'] else text
            if a.get('index', 0) == 0 and pid not in main:
                main[pid] = {'text': text, 'title': a.get('title') or '', 'author': a.get('author') or '',
                             'date': a.get('published') or '', 'modified': a.get('modified') or ''}
    return main, allp, {'wall': wall, 'rss_mb': rss, 'rc': rc, 'loop': None}


def write_list(files, work):
    path = os.path.join(work, 'list.tsv')
    with open(path, 'w', encoding='utf-8') as fh:
        for pid, p in files:
            fh.write('%s\t%s\n' % (pid, p))
    return path


def run_peer(name, cmd, work, mapper):
    out, err = os.path.join(work, name + '.jsonl'), os.path.join(work, name + '.err')
    wall, rss, rc = timed(cmd, out, err)
    preds, errors = {}, 0
    with open(out, encoding='utf-8', errors='replace') as fh:
        for line in fh:
            try:
                r = json.loads(line)
            except ValueError:
                continue
            errors += 'error' in r
            preds[r['id']] = mapper(r)
    return preds, {'wall': wall, 'rss_mb': rss, 'rc': rc, 'loop': loop_seconds(err), 'errors': errors}


def peers(files, work, utf8, node_modules):
    """Yield (tool name, predictions, run info) for each peer that can run here."""
    lst = write_list(files, work)
    extra = ['--utf8'] if utf8 else []
    node = shutil.which('node')
    if node and os.path.isdir(os.path.join(node_modules, 'jsdom')) and \
            os.path.isdir(os.path.join(node_modules, '@mozilla', 'readability')):
        os.environ['PEERS_NODE_MODULES'] = node_modules
        yield ('readability.js',) + run_peer(
            'readability_js', [node, os.path.join(HERE, 'peers', 'readability_js.js'), lst] + extra, work,
            lambda r: {'text': r.get('text', ''), 'title': r.get('title', ''), 'author': r.get('byline', ''),
                       'date': r.get('published', '')})
    else:
        print('  (readability.js skipped: node or %s/{jsdom,@mozilla/readability} missing)' % node_modules)
    py = '/usr/bin/python3'
    if os.path.exists(py) and subprocess.call([py, '-c', 'import readability, lxml.html'],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
        yield ('readability-lxml',) + run_peer(
            'readability_lxml', [py, os.path.join(HERE, 'peers', 'readability_lxml.py'), lst] + extra, work,
            lambda r: {'text': r.get('text', ''), 'title': r.get('title', '')})
    else:
        print('  (readability-lxml skipped: apt-get install python3-readability)')


# ---------------------------------------------------------------- report

def fmt(x, spec='.3f'):
    return '-' if x is None else format(x, spec)


def print_table(name, n, rows, floor):
    kind = name.split('-')[0]
    cols = ['tool', 'P', 'R', 'F1']
    if kind == 'scrapinghub':
        cols += ['exact']
    if kind == 'wcxb':
        cols += ['with%', 'w/o%']
    if kind == 'trafilatura':
        cols += ['acc']
    if kind in ('wcxb', 'trafilatura'):
        cols += ['title', 'author', 'date']
    cols += ['pages/s', 'ms/page', 'loop ms', 'RSS MB']
    print('\n== %s (%d pages) ==' % (name, n))
    table = [cols]
    for r in rows:
        s, run = r['scores'], r['run']
        line = [r['tool'], fmt(s['p']), fmt(s['r']), fmt(s['f1'])]
        if kind == 'scrapinghub':
            line += [fmt(s['accuracy'])]
        if kind == 'wcxb':
            line += [fmt(100 * s['with'], '.1f'), fmt(100 * s['without'], '.1f')]
        if kind == 'trafilatura':
            line += [fmt(s['accuracy'])]
        if kind in ('wcxb', 'trafilatura'):
            line += [fmt(s.get('title_acc')), fmt(s.get('author_acc')), fmt(s.get('date_acc'))]
        line += [fmt(r['pages_s'], '.1f'), fmt(r['ms_page'], '.2f'), fmt(r.get('loop_ms'), '.2f'),
                 fmt(run.get('rss_mb'), '.0f')]
        table.append(line)
    w = [max(len(row[i]) for row in table) for i in range(len(cols))]
    for row in table:
        print('  ' + '  '.join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(row)))
    if kind in ('wcxb', 'trafilatura') and rows:
        s = rows[0]['scores']
        print('  (metadata over pages whose truth has it: title %d, author %d, date %d)'
              % (s['title_n'], s['author_n'], s['date_n']))
    d = rows[0]
    for r in rows[1:]:
        if r['tool'].startswith('dossier'):
            continue
        print('  dossier vs %-17s F1 %+.3f   speed x%.1f (peer ms/page / dossier ms/page)'
              % (r['tool'] + ':', d['scores']['f1'] - r['scores']['f1'], r['ms_page'] / d['ms_page']))
    if floor:
        print('  parse floor (libxml2 htmlReadMemory alone): %.2f ms/page (loop %.2f); dossier %.2f ms/page '
              '= x%.1f the parse' % (floor['ms_page'], floor['loop_ms'], d['ms_page'],
                                     d['ms_page'] / floor['ms_page'] if floor['ms_page'] else 0))


def print_worst(name, per, k):
    kind = name.split('-')[0]
    worst = sorted(per.items(), key=lambda kv: (kv[1]['f1'], -kv[1].get('fn', 0) - kv[1].get('fp', 0),
                                                  kv[0]))[:k]
    print('  %d worst dossier pages (ids only):' % len(worst))
    for pid, v in worst:
        extra = ''
        if kind == 'trafilatura':
            extra = '  with-missed %d  without-found %d' % (v['fn'], v['fp'])
        print('    %s  P %.3f  R %.3f  F1 %.3f%s' % (pid, v['p'], v['r'], v['f1'], extra))


def print_date_misses(gt, preds, paths):
    """Pages whose truth has a date and dossier's published date (first 10 characters) differs; ids,
    dates and the scratch path only, never page text. A miss whose gold is the page's declared
    modified date is marked "=mod" (a diagnostic of the label, never counted as a hit)."""
    miss = []
    for pid, g in sorted(gt.items()):
        p = preds.get(pid, {})
        if g.get('date') and (p.get('date') or '')[:10] != g['date'][:10]:
            miss.append((pid, (p.get('date') or '')[:25], (p.get('modified') or '')[:10], g['date'][:10]))
    n_mod = sum(1 for m in miss if m[2] and m[2] == m[3])
    print('  %d date misses, %d of them with gold = our modified date (id  ours  modified  gold  page):'
          % (len(miss), n_mod))
    for pid, ours, mod, gold in miss:
        print('    %s  %-25s  %-10s%s  %s  %s' % (pid, ours or '-', mod or '-', '=mod' if mod == gold else '    ',
                                             gold, paths.get(pid, '')))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=os.path.join(os.path.dirname(ROOT), 'shared', 'bench', 'extraction'))
    ap.add_argument('--sets', default=','.join(ALL_SETS))
    ap.add_argument('--dossier', default=os.path.join(ROOT, 'build-release', 'dossier'))
    ap.add_argument('--parse-floor', default='')
    ap.add_argument('--no-peers', action='store_true')
    ap.add_argument('--node-modules', default=os.path.join(ROOT, 'bench', '.peers', 'node_modules'))
    ap.add_argument('--scratch', default='/tmp/dossier-bench')
    ap.add_argument('--out', default=os.path.join(ROOT, 'bench', 'out', 'html-extraction.json'))
    ap.add_argument('--worst', type=int, default=15)
    ap.add_argument('--date-misses', action='store_true',
                    help='list the pages whose truth has a date that dossier gets wrong (ours vs gold)')
    a = ap.parse_args()
    sets = [s.strip() for s in a.sets.split(',') if s.strip()]
    bad = [s for s in sets if s not in ALL_SETS]
    if bad:
        ap.error('unknown set(s): %s (known: %s)' % (', '.join(bad), ', '.join(ALL_SETS)))
    if not os.path.isdir(a.data):
        print('html extraction bench: data folder %s absent: skipped' % a.data)
        return 0
    if not os.access(a.dossier, os.X_OK):
        print('html extraction bench: %s not built: skipped' % a.dossier)
        return 0
    summary = {'data': a.data, 'started': time.strftime('%Y-%m-%dT%H:%M:%S'), 'sets': {}}
    for s in sets:
        d = os.path.join(a.data, s)
        if not os.path.isdir(d):
            print('\n(%s absent under %s: skipped)' % (s, a.data))
            continue
        for name, pages, gt, utf8 in LOADERS[s](d):
            if not pages:
                continue
            work = os.path.join(a.scratch, name)
            files = unpack(pages, os.path.join(work, 'pages'))
            n = len(files)
            print('\n[%s] %d pages: running dossier%s...' % (name, n, '' if a.no_peers else ' and peers'),
                  flush=True)
            score = scorer_for(name)
            rows = []
            main_p, all_p, run = run_dossier(a.dossier, files, work)
            sc, per = score(gt, main_p)
            rows.append({'tool': 'dossier', 'scores': sc, 'run': run})
            sc_all, _ = score(gt, all_p)
            rows.append({'tool': 'dossier (all arts)', 'scores': sc_all, 'run': run})
            if not a.no_peers:
                for tool, preds, prun in peers(files, work, utf8, a.node_modules):
                    psc, _ = score(gt, preds)
                    rows.append({'tool': tool, 'scores': psc, 'run': prun})
            for r in rows:
                r['ms_page'] = 1000.0 * r['run']['wall'] / n
                r['pages_s'] = n / r['run']['wall'] if r['run']['wall'] else None
                r['loop_ms'] = 1000.0 * r['run']['loop'] / n if r['run'].get('loop') else None
            floor = None
            if a.parse_floor and os.access(a.parse_floor, os.X_OK):
                fw, frss, _ = timed([a.parse_floor] + [p for _, p in files], os.path.join(work, 'floor.out'),
                                    os.path.join(work, 'floor.err'))
                try:
                    loop = float(open(os.path.join(work, 'floor.out')).read().split()[-1])
                except (OSError, ValueError, IndexError):
                    loop = fw
                floor = {'ms_page': 1000.0 * fw / n, 'loop_ms': 1000.0 * loop / n, 'rss_mb': frss}
            print_table(name, n, rows, floor)
            print_worst(name, per, a.worst)
            if a.date_misses:
                print_date_misses(gt, main_p, dict(files))
            summary['sets'][name] = {
                'pages': n, 'parse_floor': floor,
                'tools': [{'tool': r['tool'], 'scores': r['scores'], 'ms_page': r['ms_page'],
                           'pages_s': r['pages_s'], 'loop_ms': r['loop_ms'], 'rss_mb': r['run'].get('rss_mb'),
                           'errors': r['run'].get('errors'), 'rc': r['run'].get('rc')} for r in rows],
                'dossier_pages': {pid: {k: round(v[k], 4) for k in ('p', 'r', 'f1')} for pid, v in per.items()},
            }
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, 'w', encoding='utf-8') as fh:
        json.dump(summary, fh, indent=1, sort_keys=True)
    print('\nsummary: %s' % a.out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
