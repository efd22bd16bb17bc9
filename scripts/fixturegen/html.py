"""HTML writer: one page with <aside>/<main> columns, tables, footnotes, and
verbatim @raw/@head HTML; html.entities=1 writes + # / as references.
"""
import re

from .common import entry_parts, xesc
from .source import SourceError


def html_text(s, entities):
    t = xesc(s).replace('\u00a0', '&nbsp;').replace('\u00ad', '&shy;')
    if entities:
        t = re.sub(r'(?<!&)[+#/]', lambda m: {'+': '&#43;', '#': '&#35;', '/': '&#x2F;'}[m.group(0)], t)
    return t


def html_inline(segs, st):
    out, bold, span = [], False, False
    for s in segs:
        k = s[0]
        if k in ('t', 'ins'):
            t = html_text(s[1], st['ent'])
            if k == 'ins':
                t = '<ins>%s</ins>' % t
            if s[2]:
                t = '<strong>%s</strong>' % t
            if span:
                t = '<span class="r">%s</span>' % t
                span = False
            out.append(t)
        elif k == 'split':
            span = True
        elif k == 'tab':
            out.append(' ')
        elif k == 'br':
            out.append('<br>')
        elif k == 'hy':
            out.append('&shy;')
        elif k == 'fn':
            st['notes'].append(s[1])
            n = len(st['notes'])
            out.append('<sup><a href="#fn%d" id="fr%d">%d</a></sup>' % (n, n, n))
    return ''.join(out)


def html_blocks(blocks, st, ind=''):
    out = []
    for b in blocks:
        k = b['k']
        if k == 'name':
            out.append('%s<h1>%s</h1>' % (ind, html_inline(b['segs'], st)))
        elif k == 'label':
            out.append('%s<p class="label">%s</p>' % (ind, html_inline(b['segs'], st)))
        elif k == 'contact':
            items = []
            for it in b['items']:
                if '@' in it and ' ' not in it:
                    items.append('<a href="mailto:%s">%s</a>' % (xesc(it), xesc(it)))
                elif '://' in it:
                    items.append('<a href="%s">%s</a>' % (xesc(it), xesc(it.split('://', 1)[1])))
                else:
                    items.append(xesc(it))
            out.append('%s<p class="contact">%s</p>' % (ind, ' &middot; '.join(items)))
        elif k == 'heading':
            out.append('%s<h2>%s</h2>' % (ind, html_inline(b['segs'], st)))
        elif k == 'para':
            out.append('%s<p>%s</p>' % (ind, html_inline(b['segs'], st)))
        elif k == 'list':
            out.append('%s<ul>' % ind)
            out += ['%s  <li>%s</li>' % (ind, html_inline(it, st)) for it in b['items']]
            out.append('%s</ul>' % ind)
        elif k in ('job', 'project', 'edu'):
            lb, left, right = entry_parts(b, st['lang'])
            out.append('%s<h3>%s%s</h3>' % (ind, html_text(lb, st['ent']), html_text(left, st['ent'])))
            if right:
                out.append('%s<p class="dates">%s</p>' % (ind, html_text(right, st['ent'])))
        elif k == 'table':
            out.append('%s<table>' % ind)
            for ri, row in enumerate(b['rows']):
                tag = 'th' if b['header'] and ri == 0 else 'td'
                out.append('%s  <tr>%s</tr>' % (ind, ''.join('<%s>%s</%s>' % (tag, html_inline(c, st), tag)
                                                             for c in row)))
            out.append('%s</table>' % ind)
        elif k == 'columns':
            out.append('%s<div class="cols">' % ind)
            out.append('%s<aside>' % ind)
            out += html_blocks(b['sidebar'], st, ind + '  ')
            out.append('%s</aside>' % ind)
            out.append('%s<main>' % ind)
            out += html_blocks(b['main'], st, ind + '  ')
            out.append('%s</main>' % ind)
            out.append('%s</div>' % ind)
        elif k == 'textbox':
            out.append('%s<div class="box">' % ind)
            out += html_blocks(b['blocks'], st, ind + '  ')
            out.append('%s</div>' % ind)
        elif k == 'raw' and b['fmt'] == 'html':
            out.append(b['text'])
        elif k in ('hidden', 'image', 'pagebreak', 'raw', 'head'):
            pass
        else:
            raise SourceError('HTML: unsupported block ' + k)
    return out


def write_html(doc, path):
    o = doc['opts']
    st = {'notes': [], 'ent': o.get('html.entities') == '1', 'lang': o.get('lang', 'en')}
    body = html_blocks(doc['blocks'], st)
    head = ['<!DOCTYPE html>', '<html lang="%s">' % st['lang'], '<head>', '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<title>%s</title>' % xesc(o.get('title', ''))]
    if 'keywords' in o:
        head.append('<meta name="keywords" content="%s">' % xesc(o['keywords']))
    for b in doc['blocks']:
        if b['k'] == 'head':
            head.append(b['text'])
    head.append('</head>')
    out = head + ['<body>']
    if doc['header']:
        out.append('<header class="running">%s</header>' % xesc(doc['header']))
    out += body
    if st['notes']:
        out.append('<ol class="footnotes">')
        out += ['  <li id="fn%d">%s</li>' % (i, xesc(n)) for i, n in enumerate(st['notes'], 1)]
        out.append('</ol>')
    if doc['footer']:
        f = re.sub(r'\s*\S*\{page\}\S*(\s+\S+\s+\{pages\})?\s*', ' ', doc['footer']).strip(' ·|')
        out.append('<footer>%s</footer>' % xesc(f))
    out += ['</body>', '</html>', '']
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('\n'.join(out))
