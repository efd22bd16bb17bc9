"""PDF writer: base-14 fonts with their /Widths, our own line layout (modes
lines, words and tj), two columns on one grid, tables, text boxes, hidden
text, footnotes, running header and footer, line-end hyphenation.
"""
import hashlib
import os
import re
import unicodedata

from .common import FIXED_DATE_PDF, entry_parts
from .source import SourceError


# Advance widths (1/1000 em) of the base-14 fonts for ASCII 32..126.  They are
# also written into each font dictionary as /Widths, so the layout computed
# here and the positions a PDF reader computes always agree.
_W = {
    'Helvetica': (
        '278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 '
        '556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 1015 '
        '667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 '
        '722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 '
        '556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 '
        '333 500 278 556 500 722 500 500 500 334 260 334 584'),
    'Helvetica-Bold': (
        '278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 '
        '556 556 556 556 556 556 556 556 556 556 333 333 584 584 584 611 975 '
        '722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 '
        '722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 '
        '556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 '
        '389 556 333 611 556 778 556 556 500 389 280 389 584'),
    'Times-Roman': (
        '250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 '
        '500 500 500 500 500 500 500 500 500 500 278 278 564 564 564 444 921 '
        '722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 '
        '667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 '
        '444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 '
        '333 389 278 500 500 722 500 500 444 480 200 480 541'),
    'Times-Bold': (
        '250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 '
        '500 500 500 500 500 500 500 500 500 500 333 333 570 570 570 500 930 '
        '722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 '
        '722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 '
        '500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 '
        '444 389 333 556 500 722 500 500 444 394 220 394 520'),
}
_HIGH = {'•': 350, '–': 556, '—': 1000, '‘': 222, '’': 222, '“': 333, '”': 333,
         '…': 1000, '€': 556, '·': 278, '°': 400, '¹': 333, '²': 333, '³': 333,
         '©': 737, '®': 737, '×': 584, 'ß': 611, '\u00a0': None}
FONT_RES = {'F1': 'Helvetica', 'F2': 'Helvetica-Bold', 'F3': 'Times-Roman', 'F4': 'Times-Bold'}


def _width_table(font):
    ascii_w = [int(x) for x in _W[font].split()]
    assert len(ascii_w) == 95, font
    table = [0] * 256
    for b in range(32, 256):
        if b < 127:
            table[b] = ascii_w[b - 32]
            continue
        try:
            ch = bytes([b]).decode('cp1252')
        except UnicodeDecodeError:
            continue
        if ch in _HIGH:
            w = _HIGH[ch]
            table[b] = ascii_w[0] if w is None else (w if font.startswith('Helv') else int(w * 0.9))
            continue
        base = unicodedata.normalize('NFD', ch)[0]
        table[b] = ascii_w[ord(base) - 32] if 32 <= ord(base) < 127 else ascii_w[ord('o') - 32]
    return table


WIDTHS = {k: _width_table(v) for k, v in FONT_RES.items()}


def pdf_width(font, s, size):
    t = WIDTHS[font]
    return sum(t[b] for b in s.encode('cp1252')) * size / 1000.0


def pstr(s):
    out = []
    for b in s.encode('cp1252'):
        if b in (0x28, 0x29, 0x5c):
            out.append('\\' + chr(b))
        elif 32 <= b < 127:
            out.append(chr(b))
        else:
            out.append('\\%03o' % b)
    return '(' + ''.join(out) + ')'


def num(x):
    s = '%.2f' % x
    s = s.rstrip('0').rstrip('.')
    return '0' if s in ('-0', '') else s


SUPERS = '¹²³'


class Frame:
    def __init__(self, x, w, grid=None):
        self.x, self.w, self.grid = x, w, grid


class PdfLayout:
    def __init__(self, doc):
        o = doc['opts']
        self.doc = doc
        self.W, self.H = (612, 792) if o.get('pdf.page') == 'letter' else (595, 842)
        self.ml, self.mr, self.mt, self.mb = 54, 54, 64, 64
        self.mode = o.get('pdf.mode', 'lines')
        times = o.get('pdf.font') == 'times'
        self.reg, self.bold = ('F3', 'F4') if times else ('F1', 'F2')
        self.lang = o.get('lang', 'en')
        self.pages = []
        self.hidden = None
        self.notes_n = 0
        self.hyphenated = 0
        self.new_page()

    # pages
    def new_page(self):
        self.page = {'ops': [], 'notes': []}
        self.pages.append(self.page)
        self.y = self.H - self.mt

    def need(self, h, fr):
        if self.y - h < self.mb + 10 * len(self.page['notes']) and not fr.grid:
            self.new_page()

    def op(self, s):
        self.page['ops'].append(s)

    # text
    def tokenize(self, segs, fonts):
        toks, state = [], {'word': None, 'newpart': False}

        def put(text, font):
            w = state['word']
            if w is None:
                w = state['word'] = []
            if w and not state['newpart'] and w[-1][1] == font:
                w[-1][0] += text
            else:
                w.append([text, font])
            state['newpart'] = False

        def end():
            if state['word']:
                toks.append(('w', state['word']))
            state['word'] = None

        for s in segs:
            k = s[0]
            if k in ('t', 'ins'):
                font = fonts[1] if s[2] else fonts[0]
                for j, p in enumerate(s[1].split(' ')):
                    if j:
                        end()
                    if p:
                        put(p, font)
            elif k == 'split':
                state['newpart'] = True
            elif k == 'tab':
                end()
                toks.append(('tab',))
            elif k == 'br':
                end()
                toks.append(('br',))
            elif k == 'hy':
                # a hyphenation point: the word ends here, flagged to join
                # the next word unless the line breaks between them
                if state['word']:
                    toks.append(('w', state['word'], 'hy'))
                state['word'] = None
            elif k == 'fn':
                self.notes_n += 1
                state['newpart'] = True
                put(SUPERS[self.notes_n - 1], fonts[0])
                self.page['notes'].append(SUPERS[self.notes_n - 1] + ' ' + s[1])
        end()
        return toks

    def wrap(self, toks, width, size):
        lines, line, x = [], [], 0.0
        merged, i = [], 0
        while i < len(toks):
            t = toks[i]
            if t[0] == 'w' and len(t) > 2 and i + 1 < len(toks) and toks[i + 1][0] == 'w':
                merged.append(('hyw', t[1], toks[i + 1][1]))
                i += 2
            else:
                merged.append(t)
                i += 1
        for t in merged:
            if t[0] == 'hyw':
                first, second = t[1], t[2]
                wf = sum(pdf_width(f, s, size) for s, f in first + second)
                sp = pdf_width(line[-1][1][-1][1], ' ', size) if line and line[-1][0] == 'w' else 0.0
                head = first + [['-', first[-1][1]]]
                wh = sum(pdf_width(f, s, size) for s, f in head)
                if line and x + sp + wf > width and x + sp + wh <= width:
                    line.append(('w', head, x + sp))
                    lines.append(line)
                    self.hyphenated += 1
                    line, x = [], 0.0
                    t = ('w', second)
                else:
                    t = ('w', first + second)
            if t[0] == 'br':
                lines.append(line)
                line, x = [], 0.0
                continue
            if t[0] == 'tab':
                x = (int(x // 72) + 1) * 72.0
                line.append(('tab', x))
                continue
            w = sum(pdf_width(f, s, size) for s, f in t[1])
            sp = 0.0
            if line and line[-1][0] == 'w':
                sp = pdf_width(line[-1][1][-1][1], ' ', size)
            if line and x + sp + w > width:
                lines.append(line)
                line, x, sp = [], 0.0, 0.0
            line.append(('w', t[1], x + sp))
            x += sp + w
        if line:
            lines.append(line)
        return lines

    def emit_line(self, line, x0, y, size):
        mode, pre, post = self.mode, '', ''
        if self.hidden == 'white':
            pre, post = '1 1 1 rg ', ' 0 0 0 rg'
        elif self.hidden == 'invisible':
            pre, post = '3 Tr ', ' 0 Tr'
        elif self.hidden == 'offpage':
            x0 += self.W + 40
        elif self.hidden == 'scaled':
            text = ' '.join(''.join(p[0] for p in it[1]) for it in line if it[0] == 'w')
            self.op('BT /%s 12 Tf 0.08 0 0 0.08 %s %s Tm %s Tj ET' % (
                self.reg, num(x0), num(y), pstr(text)))
            return
        words = [it for it in line if it[0] == 'w']
        if not words:
            return
        out = ['BT ' + pre]
        cur = [None]

        def tf(font):
            if font != cur[0]:
                out.append('/%s %s Tf ' % (font, num(size)))
                cur[0] = font
        if mode == 'words':
            for it in words:
                out.append('1 0 0 1 %s %s Tm ' % (num(x0 + it[2]), num(y)))
                for text, font in it[1]:
                    tf(font)
                    out.append(pstr(text) + ' Tj ')
        else:
            # chunks of words between tab stops; each chunk is one string run
            chunks, chunk = [], []
            for it in line:
                if it[0] == 'tab':
                    if chunk:
                        chunks.append(chunk)
                    chunk = []
                else:
                    chunk.append(it)
            if chunk:
                chunks.append(chunk)
            lastx = None
            for ch in chunks:
                cx = x0 + ch[0][2]
                if lastx is None:
                    out.append('%s %s Td ' % (num(cx), num(y)))
                else:
                    out.append('%s 0 Td ' % num(cx - lastx))
                lastx = cx
                if mode == 'lines':
                    for i, it in enumerate(ch):
                        for j, (text, font) in enumerate(it[1]):
                            tf(font)
                            last = j == len(it[1]) - 1 and i < len(ch) - 1
                            out.append(pstr(text + (' ' if last else '')) + ' Tj ')
                else:  # tj
                    arr = []
                    for i, it in enumerate(ch):
                        for j, (text, font) in enumerate(it[1]):
                            if font != cur[0]:
                                if arr:
                                    out.append('[' + ' '.join(arr) + '] TJ ')
                                    arr = []
                                tf(font)
                            arr.append(pstr(text))
                        if i < len(ch) - 1:
                            arr.append('-%d' % WIDTHS[it[1][-1][1]][32])
                    if arr:
                        out.append('[' + ' '.join(arr) + '] TJ ')
        out.append(post.strip() + ' ET' if post else 'ET')
        self.op(''.join(out).replace('  ', ' '))

    def text(self, segs, fr, size, lead, indent=0, fonts=None, first_prefix=None):
        if self.hidden == 'tiny':
            size, lead = 1, 1.5
        fonts = fonts or (self.reg, self.bold)
        toks = self.tokenize(segs, fonts)
        lines = self.wrap(toks, fr.w - indent, size)
        for i, line in enumerate(lines):
            self.need(lead, fr)
            self.y -= lead
            if i == 0 and first_prefix:
                self.emit_line([('w', [[first_prefix, fonts[0]]], 0)], fr.x + indent - 11, self.y, size)
            self.emit_line(line, fr.x + indent, self.y, size)

    def gap(self, fr, pts):
        if fr.grid:
            self.y -= fr.grid
        else:
            self.y -= pts

    # blocks
    def blocks(self, blocks, fr):
        for b in blocks:
            self.block(b, fr)

    def block(self, b, fr):
        k = b['k']
        g = fr.grid
        body, lead = (9.5, g) if g else (10, 13)
        if k == 'name':
            self.text(b['segs'], fr, 20 if not g else 14, g or 24, fonts=(self.bold, self.bold))
        elif k == 'label':
            self.text(b['segs'], fr, 12 if not g else 10, g or 16)
        elif k == 'contact':
            self.text([('t', '  ·  '.join(b['items']), False)], fr, 9, g or 13)
            self.gap(fr, 6)
        elif k == 'heading':
            self.gap(fr, 9)
            self.need(30, fr)
            self.text(b['segs'], fr, 11.5 if not g else 10.5, g or 16, fonts=(self.bold, self.bold))
            self.op('0.6 w %s %s m %s %s l S' % (num(fr.x), num(self.y - 4), num(fr.x + fr.w), num(self.y - 4)))
            self.gap(fr, 5)
        elif k == 'para':
            self.text(b['segs'], fr, body, lead)
            self.gap(fr, 4) if not g else None
        elif k == 'list':
            for item in b['items']:
                self.text(item, fr, body, lead, indent=12, first_prefix='•')
            self.gap(fr, 4) if not g else None
        elif k in ('job', 'project', 'edu'):
            left_b, left, right = entry_parts(b, self.lang)
            self.gap(fr, 3) if not g else None
            rw = pdf_width(self.reg, right, body) if right else 0
            sub = Frame(fr.x, fr.w - rw - 12, g)
            y0 = self.y
            self.need(lead, fr)
            y0 = self.y
            self.text([('t', left_b, True), ('t', left, False)], sub, body, lead)
            if right:
                yr = y0 - lead
                self.emit_line([('w', [[right, self.reg]], 0)], fr.x + fr.w - rw, yr, body)
        elif k == 'table':
            self.table(b, fr, body, lead)
        elif k == 'columns':
            sw = float(self.doc['opts'].get('pdf.sidebar', 150))
            grid = float(self.doc['opts'].get('pdf.grid', 13))
            y0 = self.y
            self.blocks(b['sidebar'], Frame(fr.x, sw, grid))
            y1 = self.y
            self.op('0.8 0.8 0.8 RG 0.5 w %s %s m %s %s l S 0 0 0 RG' % (
                num(fr.x + sw + 10), num(y0), num(fr.x + sw + 10), num(y1)))
            self.y = y0
            self.blocks(b['main'], Frame(fr.x + sw + 22, fr.w - sw - 22, grid))
            self.y = min(self.y, y1)
        elif k == 'textbox':
            self.gap(fr, 6)
            y0 = self.y
            self.y -= 4
            self.blocks(b['blocks'], Frame(fr.x + 8, fr.w - 16, g))
            self.y -= 6
            self.op('0.5 w %s %s %s %s re S' % (num(fr.x), num(self.y), num(fr.w), num(y0 - self.y)))
            self.gap(fr, 6)
        elif k == 'hidden':
            saved = self.hidden
            self.hidden = b['mode']
            y0 = self.y
            self.blocks(b['blocks'], fr)
            if b['mode'] in ('offpage', 'scaled'):
                self.y = y0 - 2
            self.hidden = saved
        elif k == 'pagebreak':
            self.new_page()
        elif k == 'image':
            self.image(fr)
        elif k in ('raw', 'head'):
            pass
        else:
            raise SourceError('PDF: unsupported block ' + k)

    def table(self, b, fr, size, lead):
        rows = b['rows']
        ncol = max(len(r) for r in rows)
        ws = b['widths'] or [1.0] * ncol
        tot = sum(ws)
        cw = [fr.w * w / tot for w in ws]
        pad = 4
        self.gap(fr, 4)
        for ri, row in enumerate(rows):
            bold = b['header'] and ri == 0
            cells = []
            for ci in range(ncol):
                segs = row[ci] if ci < len(row) else []
                if bold:
                    segs = [(s[0], s[1], True) if s[0] in ('t', 'ins') else s for s in segs]
                toks = self.tokenize(segs, (self.reg, self.bold))
                cells.append(self.wrap(toks, cw[ci] - 2 * pad, size))
            nl = max(1, max(len(c) for c in cells))
            h = nl * lead + 2 * pad - 2
            self.need(h, fr)
            top = self.y
            x = fr.x
            for ci in range(ncol):
                self.op('0.5 w %s %s %s %s re S' % (num(x), num(top - h), num(cw[ci]), num(h)))
                for li, line in enumerate(cells[ci]):
                    self.emit_line(line, x + pad, top - pad - (li + 1) * lead + 3, size)
                x += cw[ci]
            self.y = top - h
        self.gap(fr, 8)

    def image(self, fr):
        # an 8x6 8-bit grey inline image (ASCIIHex) scaled up, plus grey bars
        # and a circle drawn as paths: a "scanned" page with no text at all.
        px = ''.join('%02x' % ((x * 29 + y * 47) % 256) for y in range(6) for x in range(8))
        self.op('q 140 0 0 105 %s %s cm BI /W 8 /H 6 /BPC 8 /CS /G /F /AHx ID %s> EI Q'
                % (num(fr.x), num(self.y - 105), px))
        self.op('q 0.2 0.2 0.2 rg %s %s 260 16 re f Q' % (num(fr.x + 160), num(self.y - 20)))
        self.op('q 0.5 0.5 0.5 rg %s %s 200 8 re f Q' % (num(fr.x + 160), num(self.y - 40)))
        y = self.y - 140
        for i in range(24):
            w = 300 + (i * 37) % 180
            if i % 6 == 0:
                self.op('q 0.25 0.25 0.25 rg %s %s 120 9 re f Q' % (num(fr.x), num(y)))
            else:
                self.op('q 0.6 0.6 0.6 rg %s %s %d 6 re f Q' % (num(fr.x + 12), num(y), w))
            y -= 18
        c = 0.5523 * 20
        cx, cy = fr.x + fr.w - 30, self.y - 30
        self.op('q 0.4 g %s %s m %s %s %s %s %s %s c %s %s %s %s %s %s c '
                '%s %s %s %s %s %s c %s %s %s %s %s %s c f Q' % tuple(num(v) for v in (
                    cx + 20, cy, cx + 20, cy + c, cx + c, cy + 20, cx, cy + 20,
                    cx - c, cy + 20, cx - 20, cy + c, cx - 20, cy,
                    cx - 20, cy - c, cx - c, cy - 20, cx, cy - 20,
                    cx + c, cy - 20, cx + 20, cy - c, cx + 20, cy)))
        self.y = y

    def finish(self):
        n = len(self.pages)
        hf = self.doc['header'], self.doc['footer']
        for i, p in enumerate(self.pages):
            extra = []
            self.page = p
            saved, self.hidden = self.hidden, None
            if hf[0]:
                self.page = {'ops': extra, 'notes': []}
                self.emit_line([('w', [[hf[0], self.reg]], 0)], self.ml, self.H - 36, 8.5)
            if hf[1]:
                self.page = {'ops': extra, 'notes': []}
                t = hf[1].replace('{page}', str(i + 1)).replace('{pages}', str(n))
                self.emit_line([('w', [[t, self.reg]], 0)], self.ml, 30, 8.5)
            y = self.mb - 4 + 10 * len(p['notes'])
            if p['notes']:
                extra.append('0.5 w %s %s m %s %s l S' % (num(self.ml), num(y + 8), num(self.ml + 120), num(y + 8)))
            for note in p['notes']:
                self.page = {'ops': extra, 'notes': []}
                self.emit_line([('w', [[note, self.reg]], 0)], self.ml, y, 8)
                y -= 10
            self.hidden = saved
            p['ops'] = extra[:1] + p['ops'] + extra[1:] if hf[0] else p['ops'] + extra
        return self.pages


def write_pdf(doc, path):
    lay = PdfLayout(doc)
    lay.blocks(doc['blocks'], Frame(lay.ml, lay.W - lay.ml - lay.mr))
    pages = lay.finish()
    want = doc['opts'].get('pdf.hyphens')
    if want is not None and int(want) != lay.hyphenated:
        raise SourceError('%s: %d line-end hyphenations, pdf.hyphens=%s'
                          % (os.path.basename(path), lay.hyphenated, want))
    used = set()
    for p in pages:
        for o in p['ops']:
            used.update(re.findall(r'/(F\d) ', o))
    fonts = sorted(used)
    objs = []                       # index i -> object number i+1

    def add(body):
        objs.append(body)
        return len(objs)
    cat = add(None)
    pages_obj = add(None)
    font_ids = {}
    tounicode = ''
    if doc['opts'].get('pdf.tounicode') == 'rot47':
        # A broken ToUnicode map: the page shows the right letters, but text
        # extraction gets each printable ASCII code rotated by 47 (like the
        # corpus's PDF whose fonts lost their encoding).
        rows = ''.join('<%02X> <%04X>\n' % (c, 33 + (c - 33 + 47) % 94) for c in range(33, 127))
        cmap = ('/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n'
                '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n'
                '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n'
                '<00> <FF>\nendcodespacerange\n94 beginbfchar\n%sendbfchar\nendcmap\n'
                'CMapName currentdict /CMap defineresource pop\nend\nend\n' % rows).encode()
        tounicode = ' /ToUnicode %d 0 R' % add(b'<< /Length %d >>\nstream\n' % len(cmap) + cmap +
                                               b'endstream')
    for f in fonts:
        w = ' '.join(str(x) for x in WIDTHS[f][32:256])
        font_ids[f] = add('<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding '
                          '/FirstChar 32 /LastChar 255 /Widths [%s]%s >>' % (FONT_RES[f], w, tounicode))
    res = '<< /Font << %s >> >>' % ' '.join('/%s %d 0 R' % (f, font_ids[f]) for f in fonts) \
        if fonts else '<< >>'
    kids = []
    for p in pages:
        data = ('\n'.join(p['ops']) + '\n').encode('latin-1')
        c = add(b'<< /Length %d >>\nstream\n' % len(data) + data + b'endstream')
        kids.append(add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>'
                        % (pages_obj, lay.W, lay.H, res, c)))
    objs[cat - 1] = '<< /Type /Catalog /Pages %d 0 R >>' % pages_obj
    objs[pages_obj - 1] = '<< /Type /Pages /Kids [%s] /Count %d >>' % (
        ' '.join('%d 0 R' % k for k in kids), len(kids))
    o = doc['opts']
    info = ['/Producer (gapcheck make-fixtures)', '/CreationDate (%s)' % FIXED_DATE_PDF,
            '/ModDate (%s)' % FIXED_DATE_PDF]
    for key, name in (('title', 'Title'), ('author', 'Author'), ('keywords', 'Keywords')):
        if key in o:
            info.append('/%s %s' % (name, pstr(o[key])))
    info_id = add('<< %s >>' % ' '.join(info))
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        if isinstance(body, str):
            body = body.encode('latin-1')
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for off in offs:
        out += b'%010d 00000 n \n' % off
    fid = hashlib.md5(os.path.basename(path).encode()).hexdigest()
    out += (b'trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n'
            % (len(objs) + 1, cat, info_id, fid.encode(), fid.encode(), xref))
    with open(path, 'wb') as fh:
        fh.write(out)
