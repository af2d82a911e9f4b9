#!/usr/bin/env python3
"""Unit test of the PolNeAR scorer (polnear_eval.py) on small made-up documents, so that it runs
without the benchmark data: brat parsing (records over several lines, notes, discontinuous spans),
byte <-> code point conversion with curly quotes, the kind rule, greedy GGT matching, speaker and cue
accuracy, the row of unmatched predictions, and the span scores. Last line: "N passed, N failed"."""
import os
import sys
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear_eval as pe  # noqa: E402

# A made-up article: multi-byte characters (curly quotes, an em dash, an accented name) before and
# inside the quotes, so byte and code point offsets differ.
TEXT = ('Café owners — worried\n'
        '“The rent is too high,” Zoë Marsh said. “We will close in May.”\n'
        'The mayor argued that taxes must fall.\n')


def cp(sub, nth=0):
    """Code point span of the nth occurrence of sub in TEXT."""
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(sub, i + 1)
    return i, i + len(sub)


def b(cp_off):
    """Byte offset of a code point offset in TEXT."""
    return len(TEXT[:cp_off].encode('utf-8'))


def ann_line(tid, typ, segs):
    return '%s\t%s %s\t%s' % (tid, typ, ';'.join('%d %d' % s for s in segs),
                              ' '.join(TEXT[s:e] for s, e in segs))


Q1 = cp('“The rent is too high,”')
Q2 = cp('“We will close in May.”')
SPK = cp('Zoë Marsh')
SAID = cp('said')
MAYOR = cp('The mayor')
ARGUED = cp('argued')
TAXES = cp('taxes must fall')

# Gold: one direct quote split around its attribution (discontinuous content), one indirect.
GOLD = '\n'.join([
    ann_line('T1', 'Content', [Q1, Q2]),
    ann_line('T2', 'Source', [SPK]),
    ann_line('T3', 'Cue', [SAID]),
    ann_line('T4', 'Attribution', [SAID]),
    'E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2',
    ann_line('T5', 'Source', [MAYOR]),
    ann_line('T6', 'Cue', [ARGUED]),
    # a surface text running over two lines of the file, as brat writes it
    'T7\tContent %d %d\ttaxes\nmust fall' % TAXES,
    ann_line('T8', 'Attribution', [ARGUED]),
    'E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7',
    '#1\tAnnotatorNotes T7\ta note',
    ''])


def quote(content_cp, kind, cue_cp=None, spk_cp=None, segments=None):
    """A quote of dossier's output (byte offsets) from code point spans."""
    q = {'start': b(content_cp[0]), 'end': b(content_cp[1]), 'kind': kind,
         'cue': TEXT[cue_cp[0]:cue_cp[1]] if cue_cp else None,
         'cue_start': b(cue_cp[0]) if cue_cp else None, 'cue_end': b(cue_cp[1]) if cue_cp else None,
         'speaker': None}
    if segments:
        q['segments'] = [[b(s), b(e)] for s, e in segments]
    if spk_cp:
        q['speaker'] = {'name': TEXT[spk_cp[0]:spk_cp[1]], 'entity': 0,
                        'start': b(spk_cp[0]), 'end': b(spk_cp[1])}
    return q


def score(golds, quotes, text=TEXT):
    warnings = []
    preds = pe.pred_items(text, {'source': 'x.txt', 'text': text, 'quotes': quotes}, warnings.append)
    tally = pe.Tally()
    tally.add_doc(text, golds, preds)
    return tally.report(), preds, warnings


class Parsing(unittest.TestCase):
    def test_records_and_roles(self):
        golds, skipped = pe.gold_items(TEXT, GOLD)
        self.assertEqual(skipped, 0)
        self.assertEqual(len(golds), 2)
        g1, g2 = golds
        self.assertEqual(g1['content'], [Q1, Q2])
        self.assertEqual(g1['source'], [SPK])
        # the README rule counts the marks of both parts: a split direct quote is "mixed"
        self.assertEqual(g1['kind'], 'mixed')
        self.assertEqual(g2['content'], [TAXES])
        self.assertEqual(g2['kind'], 'indirect')
        self.assertEqual(g2['cue'], [ARGUED])

    def test_kind_rule(self):
        self.assertEqual(pe.kind_of_content('“All of it,” '), 'direct')
        self.assertEqual(pe.kind_of_content('the plan was “a mess”'), 'mixed')
        self.assertEqual(pe.kind_of_content('“One.” and “two.”'), 'mixed')
        self.assertEqual(pe.kind_of_content('it’s over'), 'indirect')

    def test_no_source_and_content2(self):
        ann = '\n'.join([ann_line('T1', 'Content', [Q1]), ann_line('T2', 'Content', [Q2]),
                         ann_line('T3', 'Cue', [SAID]), ann_line('T4', 'Attribution-no-source', [SAID]),
                         'E1\tAttribution-no-source:T4 Cue:T3 Content:T1 Content2:T2'])
        golds, _ = pe.gold_items(TEXT, ann)
        self.assertEqual(golds[0]['content'], [Q1, Q2])
        self.assertIsNone(golds[0]['source'])
        self.assertEqual(golds[0]['row'], 'no-source')

    def test_span_outside_text_is_an_error(self):
        with self.assertRaises(ValueError):
            pe.gold_items(TEXT, 'T1\tContent 5 9999\tx\nE1\tContent:T1\n')


class Offsets(unittest.TestCase):
    def test_bytes_to_code_points(self):
        bm = pe.ByteMap(TEXT)
        s, e = Q1
        self.assertNotEqual(b(s), s)  # the é and the em dash come before it
        self.assertEqual(bm.to_cp(b(s)), s)
        self.assertEqual(bm.to_cp(b(e)), e)
        self.assertEqual(bm.to_cp(b(s) + 1), None)  # inside the 3 bytes of “

    def test_offset_inside_a_character_is_reported(self):
        q = quote(Q1, 'direct')
        q['start'] += 1
        _, preds, warnings = score([], [q])
        self.assertEqual(preds, [])
        self.assertEqual(len(warnings), 1)

    def test_gold_round_trip_scores_one(self):
        golds, _ = pe.gold_items(TEXT, GOLD)
        obj = pe.gold_to_dossier('x.txt', TEXT, golds)
        self.assertIn('segments', obj['quotes'][0])
        rep, _, warnings = score(golds, obj['quotes'])
        self.assertEqual(warnings, [])
        self.assertEqual(pe.all_perfect(rep), [])


class Matching(unittest.TestCase):
    def test_split_quote(self):
        golds, _ = pe.gold_items(TEXT, GOLD)
        # as two segments: exact; as one span over the attribution: matched, content not exact
        rep, _, _ = score(golds[:1], [quote(Q1, 'direct', SAID, SPK, segments=[Q1, Q2])])
        self.assertEqual(rep['spans']['content']['all']['exact']['f1'], 1.0)
        hull = (Q1[0], Q2[1])
        rep, _, _ = score(golds[:1], [quote(hull, 'direct', SAID, SPK)])
        q = rep['quotes']['0.8']['mixed']
        self.assertEqual((q['tp'], q['speaker_acc'], q['cue_acc']), (1, 1.0, 1.0))
        c = rep['spans']['content']['mixed']
        self.assertEqual(c['exact']['recall'], 0.0)
        self.assertEqual(c['overlap']['recall'], 1.0)
        self.assertLess(c['overlap']['precision'], 1.0)
        # only the first half: 0.3 yes, 0.8 no
        rep, _, _ = score(golds[:1], [quote(Q1, 'direct', SAID, SPK)])
        self.assertEqual(rep['quotes']['0.3']['all']['tp'], 1)
        self.assertEqual(rep['quotes']['0.8']['all']['tp'], 0)

    def test_greedy_first_gold_takes_its_best(self):
        text = 'a' * 20
        golds = [{'content': [(0, 10)], 'cue': [], 'source': None, 'kind': 'indirect', 'row': 'no-source'},
                 {'content': [(10, 20)], 'cue': [], 'source': None, 'kind': 'indirect', 'row': 'no-source'}]
        quotes = [{'start': 5, 'end': 20, 'kind': 'indirect', 'speaker': None},  # G1 0.5, G2 1.0
                  {'start': 0, 'end': 4, 'kind': 'indirect', 'speaker': None}]   # G1 0.4
        _, preds, _ = score([], quotes, text)
        self.assertEqual(pe.match_quotes(golds, preds, 0.3), {0: 0})
        self.assertEqual(pe.match_quotes(golds, preds, 0.45), {0: 0})
        self.assertEqual(pe.match_quotes(golds, preds, 0.6), {1: 0})  # G1 finds none >= 0.6

    def test_speaker_cue_and_rows(self):
        golds, _ = pe.gold_items(TEXT, GOLD)
        quotes = [quote(TAXES, 'partial', ARGUED, SPK),            # matched (indirect), wrong speaker
                  quote(Q1, 'direct', SAID, SPK)]                  # half the split quote (mixed)
        rep, _, _ = score(golds, quotes)
        q = rep['quotes']['0.3']
        self.assertEqual(q['indirect']['tp'], 1)
        self.assertEqual(q['indirect']['speaker_acc'], 0.0)
        self.assertEqual(q['indirect']['cue_acc'], 1.0)
        # matched ones take the gold's row, whatever kind dossier gave
        self.assertEqual((q['indirect']['pred'], q['mixed']['pred'], q['direct']['pred']), (1, 1, 0))
        self.assertEqual(q['mixed']['speaker_acc'], 1.0)
        # an unmatched partial quote counts against the precision of mixed
        rep, _, _ = score(golds, [quote(cp('Café owners'), 'partial', None, None)])
        q = rep['quotes']['0.3']
        self.assertEqual((q['mixed']['pred'], q['mixed']['tp'], q['mixed']['gold']), (1, 0, 1))
        self.assertEqual(q['all']['precision'], 0.0)

    def test_no_source_speaker(self):
        g = [{'content': [TAXES], 'cue': [ARGUED], 'source': None, 'kind': 'indirect', 'row': 'no-source'}]
        rep, _, _ = score(g, [quote(TAXES, 'indirect', ARGUED, None)])
        self.assertEqual(rep['quotes']['0.3']['no-source']['speaker_acc'], 1.0)
        rep, _, _ = score(g, [quote(TAXES, 'indirect', ARGUED, MAYOR)])
        self.assertEqual(rep['quotes']['0.3']['no-source']['speaker_acc'], 0.0)

    def test_source_span_exact_after_trimming(self):
        golds, _ = pe.gold_items(TEXT, GOLD)
        wide = (SPK[0] - 1, SPK[1] + 1)  # the spaces around the name
        rep, _, _ = score(golds[:1], [quote(Q1, 'direct', SAID, wide, segments=[Q1, Q2])])
        self.assertEqual(rep['spans']['source']['all']['exact']['f1'], 1.0)


if __name__ == '__main__':
    result = unittest.TextTestRunner(verbosity=1).run(
        unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__]))
    failed = len(result.failures) + len(result.errors)
    print('%d passed, %d failed' % (result.testsRun - failed, failed))
    sys.exit(1 if failed else 0)
