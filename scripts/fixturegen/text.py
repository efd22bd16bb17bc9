"""Plain-text and Markdown writer: heading styles, bullets, wrapping, and
the encodings and line ends the text.* options choose.
"""
import textwrap

from .common import entry_parts
from .source import SourceError, plain


LATIN1_FOLD = str.maketrans({'–': '-', '—': '-', '•': '*', '’': "'", '‘': "'", '“': '"', '”': '"',
                             '…': '...', '\u00ad': ''})


def write_text(doc, path, md):
    o = doc['opts']
    lang = o.get('lang', 'en')
    hstyle = o.get('text.headings', 'upper')
    bullet = o.get('text.bullet', '- ' if md else '• ')
    wrapw = int(o.get('text.wrap', '0'))
    notes = []
    lines = []

    def note(t):
        notes.append(t)
        return '[%d]' % len(notes)

    def inl(segs):
        return plain(segs, note, md)

    def para(t, first='', rest=''):
        for j, piece in enumerate(t.split('\n')):
            if wrapw:
                lines.extend(textwrap.wrap(piece, wrapw, initial_indent=first if j == 0 else rest,
                                           subsequent_indent=rest, break_on_hyphens=False,
                                           break_long_words=False) or [''])
            else:
                lines.append((first if j == 0 else rest) + piece)

    def blank():
        if lines and lines[-1] != '':
            lines.append('')

    def heading(t):
        blank()
        if md:
            lines.append('## ' + t)
        elif hstyle == 'spaced':
            lines.append('   '.join(' '.join(w.upper()) for w in t.split()))
        elif hstyle == 'plain':
            lines.append(t)
            lines.append('-' * len(t))
        else:
            lines.append(t.upper())
        lines.append('') if md else None

    def blocks(bs):
        for b in bs:
            k = b['k']
            if k == 'name':
                lines.append(('# ' if md else '') + inl(b['segs']))
            elif k == 'label':
                lines.append(('**%s**' if md else '%s') % plain(b['segs']))
            elif k == 'contact':
                lines.append(' · '.join(b['items']))
            elif k == 'heading':
                heading(plain(b['segs']))
            elif k == 'para':
                blank() if md else None
                para(inl(b['segs']))
                blank() if md else None
            elif k == 'list':
                for it in b['items']:
                    para(inl(it), bullet, ' ' * len(bullet))
                blank() if md else None
            elif k in ('job', 'project', 'edu'):
                lb, left, right = entry_parts(b, lang)
                if md:
                    blank()
                    lines.append('### %s%s' % (lb, left))
                    if right:
                        lines.append('*%s*' % right)
                    lines.append('')
                else:
                    blank()
                    lines.append('%s%s%s' % (lb, left, ' (%s)' % right if right else ''))
            elif k == 'table':
                rows = [[inl(c).replace('\t', ' ') for c in r] for r in b['rows']]
                ncol = max(len(r) for r in rows)
                rows = [r + [''] * (ncol - len(r)) for r in rows]
                blank()
                if md:
                    for ri, r in enumerate(rows):
                        lines.append('| ' + ' | '.join(r) + ' |')
                        if ri == 0:
                            lines.append('|' + '|'.join('---' for _ in r) + '|')
                else:
                    ws = [max(len(r[c]) for r in rows) for c in range(ncol)]
                    for ri, r in enumerate(rows):
                        lines.append('  '.join(r[c].ljust(ws[c]) for c in range(ncol)).rstrip())
                        if ri == 0 and b['header']:
                            lines.append('  '.join('-' * w for w in ws))
                blank()
            elif k == 'columns':
                blocks(b['sidebar'])
                blocks(b['main'])
            elif k == 'textbox':
                blocks(b['blocks'])
            elif k in ('hidden', 'image', 'pagebreak', 'raw', 'head'):
                pass
            else:
                raise SourceError('text: unsupported block ' + k)
    if doc['header'] and not md:
        lines += [doc['header'], '']
    blocks(doc['blocks'])
    if notes:
        blank()
        lines += ['[%d] %s' % (i, n) for i, n in enumerate(notes, 1)]
    if doc['footer'] and '{page}' not in doc['footer']:
        blank()
        lines.append(doc['footer'])
    while lines and lines[-1] == '':
        lines.pop()
    nl = '\r\n' if o.get('text.newline') == 'crlf' else '\n'
    text = nl.join(lines) + nl
    enc = o.get('text.encoding', 'utf-8')
    if enc == 'utf-16le':
        data = b'\xff\xfe' + text.encode('utf-16-le')
    elif enc == 'latin-1':
        data = text.translate(LATIN1_FOLD).encode('latin-1')
    else:
        data = text.encode('utf-8')
    with open(path, 'wb') as fh:
        fh.write(data)
