#!/usr/bin/python3
"""readability-lxml peer for bench/extraction/html_eval.py (Debian python3-readability + python3-lxml).

usage: /usr/bin/python3 readability_lxml.py LIST.tsv [--utf8]
  LIST.tsv: one "id<TAB>path" a line. --utf8 decodes each page as UTF-8 first; without it the bytes go to
  readability, which detects the encoding from <meta> (as upstream does).
Prints one JSON line per page: {id, text, title, short_title, error?}; "LOOP_SECONDS <s>" on stderr.
"""
import json
import logging
import sys
import time

import lxml.html
from readability import Document

logging.disable(logging.CRITICAL)


def main():
    listfile = sys.argv[1]
    utf8 = '--utf8' in sys.argv[2:]
    with open(listfile, encoding='utf-8') as fh:
        rows = [line.rstrip('\n').split('\t', 1) for line in fh if line.strip()]
    out = sys.stdout
    t0 = time.perf_counter()
    for pid, path in rows:
        rec = {'id': pid, 'text': '', 'title': '', 'short_title': ''}
        try:
            with open(path, 'rb') as fh:
                data = fh.read()
            doc = Document(data.decode('utf-8', 'replace') if utf8 else data)
            summary = doc.summary()
            # itertext joined by spaces: text_content() glues adjacent blocks ("end</li><li>Next" -> one token)
            rec['text'] = ' '.join(lxml.html.fromstring(summary).itertext()) if summary.strip() else ''
            rec['title'] = doc.title() or ''
            rec['short_title'] = doc.short_title() or ''
        except Exception as e:  # a failing page counts as empty output
            rec['error'] = repr(e)[:200]
        out.write(json.dumps(rec, ensure_ascii=False) + '\n')
    sys.stderr.write('LOOP_SECONDS %f\n' % (time.perf_counter() - t0))


if __name__ == '__main__':
    main()
