"""Reads one make-fixtures source file into a document.

parse_source(path) returns a dict: outs (file names to write), opts (@set),
header, footer, blocks (the tree below); a mistake in the source raises
SourceError naming FILE:LINE.  plain() gives the visible text of inline
segments for writers that need it.

SOURCE FORMAT (UTF-8, one construct per line)
---------------------------------------------
  # text                 comment ('#' then a space, or '#' alone)
  (blank line)           ends the current paragraph, list or table
  @out F1 F2 ...         files to write; the extension picks the writer:
                         .pdf .docx .odt .fodt .html .md .txt .json
  @set KEY=VALUE         an option (see OPTIONS)
  @header TEXT           running page header (PDF every page, DOCX header1,
                         ODT/FODT master page, HTML <header> note, text: top)
  @footer TEXT           running page footer; {page} and {pages} are replaced
                         in the PDF (other formats write them as page fields
                         or drop them)
  = NAME                 the person's name (document title)
  @label TEXT            a subtitle under the name (e.g. the job title)
  @contact A | B | C     contact items; in JSON an item with '@' is the e-mail,
                         one starting with '+' the phone, one with '://' a URL
                         (github/linkedin URLs become profiles), else location
  == HEADING             a section heading
  TEXT                   a paragraph; consecutive lines are joined by a space
  - ITEM                 a bullet list item; a following line indented by two
                         spaces continues the item
  @table [header] [widths=20,60,20]
                         options for the next table
  | A | B | C |          a table row (cells hold inline markup, no '|')
  @job POSITION | ORG | START | END [| LOCATION]
  @project NAME | URL | START
  @edu INSTITUTION | AREA | DEGREE | START | END
                         structured entries (dates YYYY-MM or 'present');
                         the paragraph and bullets that follow belong to them
                         (JSON Resume: summary/description and highlights)
  @sidebar ... @main ... @end
                         two columns: a narrow left sidebar and a main column.
                         PDF: both columns on one y grid (every line of both
                         columns shares baselines); DOCX/ODT: a borderless
                         1x2 layout table; HTML: <aside> + <main>; text: the
                         sidebar first, then the main column
  @textbox [NAME] ... @end
                         a text box.  DOCX: mc:AlternateContent with a
                         wps:txbx (Choice Requires="wps") and the same text in
                         the VML v:textbox Fallback; ODT: draw:frame/
                         draw:text-box; PDF: a framed box; HTML: a <div>
  @hidden MODE ... @end  text a reader cannot see; PDF only (other writers
                         drop it).  MODE: white (1 1 1 rg), tiny (1 pt font),
                         scaled (12 pt font in a 0.08 text matrix),
                         invisible (3 Tr), offpage (placed right of the page)
  @pagebreak             a page break (PDF/DOCX/ODT)
  @image                 PDF: an inline image and vector shapes, no text
  @scan NAME             this document is a "scan" of sources/NAME.txt: that
                         source's PDF is rasterised with pdftoppm (-gray,
                         150 dpi; poppler-utils and its fonts) and lightly
                         speckled (a fixed seed), and the pages become
                         pictures: .pdf one image per page and no text,
                         .docx/.odt one picture per page and no text
                         (fixturegen/scan.py).  A source with @scan has only
                         @out, @set and @scan lines.  Without pdftoppm these
                         files are not written (said on stderr)
  @raw html ... @end     verbatim HTML for the body (HTML only)
  @head html ... @end    verbatim HTML for <head> (HTML only)

INLINE MARKUP (in names, paragraphs, items, cells)
  **bold**               bold
  {/}                    run split: nothing in text, a new w:r in DOCX, a new
                         text:span in ODT, a new <span> in HTML, a separate
                         string (Tj / TJ element) in the PDF
  {tab} {br}             tab stop; line break inside the paragraph
  {hy}                   a hyphenation point: where the word does not fit at
                         the end of a PDF line it is split there with a '-'
                         (line-end hyphenation, see pdf.hyphens); DOCX
                         w:softHyphen, ODT and HTML soft hyphen (U+00AD /
                         &shy;); text: nothing
  {nbsp}                 a no-break space (U+00A0, &nbsp;)
  {goback}               DOCX: Word's _GoBack bookmark; ODT: a bookmark
  {-TEXT-}               tracked deletion: DOCX w:del/w:delText, ODT
                         text:tracked-changes; every other writer drops it
  {+TEXT+}               tracked insertion: DOCX w:ins, ODT change-start/end;
                         plain text elsewhere
  {fn:TEXT}              a footnote (DOCX footnotes.xml, ODT text:note, PDF
                         page foot with a superscript mark, HTML/text: a
                         numbered note at the end)

OPTIONS (@set)
  title, author, keywords   PDF Info / DOCX core / HTML <title>, <meta>
  lang=en|es|de|fr          month names in dates
  pdf.mode=lines|words|tj   lines: one Tj string per line (with spaces);
                            words: every word placed by its own Tm, no space
                            characters; tj: TJ arrays with numeric gaps
  pdf.font=helvetica|times  body font; pdf.page=a4|letter
  pdf.tounicode=rot47       every font gets a ToUnicode map that rotates printable
                            ASCII by 47: the page looks right, its text layer is
                            gibberish (a broken font encoding)
  pdf.sidebar=PT            sidebar width; pdf.grid=PT line pitch in columns
  pdf.hyphens=N             the PDF must break exactly N words at {hy} points
                            (the script fails otherwise, so an edit that moves
                            a line break cannot silently drop the feature)
  text.headings=upper|spaced|plain   text.bullet=STRING   text.wrap=COLUMNS
  text.encoding=utf-8|utf-16le|latin-1   text.newline=lf|crlf
  html.entities=1           write + # / in text as numeric character references
"""
import re


class SourceError(Exception):
    pass


INLINE_RE = re.compile(r'(\*\*|\{/\}|\{tab\}|\{br\}|\{hy\}|\{nbsp\}|\{goback\}'
                       r'|\{-.*?-\}|\{\+.*?\+\}|\{fn:.*?\})')


def parse_inline(s):
    segs, bold = [], False
    for tok in INLINE_RE.split(s):
        if not tok:
            continue
        if tok == '**':
            bold = not bold
        elif tok == '{/}':
            segs.append(('split',))
        elif tok == '{tab}':
            segs.append(('tab',))
        elif tok == '{br}':
            segs.append(('br',))
        elif tok == '{hy}':
            segs.append(('hy',))
        elif tok == '{nbsp}':
            segs.append(('t', '\u00a0', bold))
        elif tok == '{goback}':
            segs.append(('goback',))
        elif tok.startswith('{-'):
            segs.append(('del', tok[2:-2], bold))
        elif tok.startswith('{+'):
            segs.append(('ins', tok[2:-2], bold))
        elif tok.startswith('{fn:'):
            segs.append(('fn', tok[4:-1]))
        else:
            segs.append(('t', tok, bold))
    return segs


def plain(segs, note=None, md=False):
    """Visible text of inline segments (deletions dropped)."""
    out, bold = [], False
    for s in segs:
        k = s[0]
        if k in ('t', 'ins'):
            if md and s[2] != bold:
                out.append('**')
                bold = s[2]
            out.append(s[1])
        elif k == 'tab':
            out.append('\t')
        elif k == 'br':
            out.append('\n')
        elif k == 'fn' and note:
            out.append(note(s[1]))
    if md and bold:
        out.append('**')
    return ''.join(out)


def fields(arg, n):
    f = [x.strip() for x in arg.split('|')]
    return f + [''] * (n - len(f))


def parse_source(path):
    doc = {'outs': [], 'opts': {}, 'header': None, 'footer': None,
           'blocks': [], 'path': path}
    stack = [(doc['blocks'], None)]       # (container, owning block)
    open_ = None                          # paragraph/list/table being extended
    pending_table = {}
    raw = None                            # (block, lines) while in @raw/@head
    with open(path, encoding='utf-8') as fh:
        lines = fh.read().split('\n')

    def err(msg):
        raise SourceError('%s:%d: %s' % (path, lineno, msg))

    for lineno, line in enumerate(lines, 1):
        line = line.rstrip()
        if raw is not None:
            if line == '@end':
                raw['text'] = '\n'.join(raw['lines'])
                del raw['lines']
                raw = None
            else:
                raw['lines'].append(line)
            continue
        if re.match(r'#( |$)', line):
            continue
        cur = stack[-1][0]
        if not line.strip():
            open_ = None
            continue
        if line.startswith('@'):
            open_ = None
            name, _, arg = line[1:].partition(' ')
            arg = arg.strip()
            if name == 'out':
                doc['outs'] += arg.split()
            elif name == 'scan':
                doc['scan'] = arg
            elif name == 'set':
                k, eq, v = arg.partition('=')
                if not eq:
                    err('@set needs KEY=VALUE')
                doc['opts'][k.strip()] = v.strip()
            elif name in ('header', 'footer'):
                doc[name] = arg
            elif name == 'label':
                cur.append({'k': 'label', 'segs': parse_inline(arg)})
            elif name == 'contact':
                cur.append({'k': 'contact', 'items': [x.strip() for x in arg.split('|')]})
            elif name == 'job':
                cur.append({'k': 'job', 'f': fields(arg, 5)})
            elif name == 'project':
                cur.append({'k': 'project', 'f': fields(arg, 3)})
            elif name == 'edu':
                cur.append({'k': 'edu', 'f': fields(arg, 5)})
            elif name == 'table':
                pending_table = {'header': False, 'widths': None}
                for w in arg.split():
                    if w == 'header':
                        pending_table['header'] = True
                    elif w.startswith('widths='):
                        pending_table['widths'] = [float(x) for x in w[7:].split(',')]
                    else:
                        err('unknown @table option ' + w)
            elif name == 'pagebreak':
                cur.append({'k': 'pagebreak'})
            elif name == 'image':
                cur.append({'k': 'image'})
            elif name == 'sidebar':
                b = {'k': 'columns', 'sidebar': [], 'main': []}
                cur.append(b)
                stack.append((b['sidebar'], b))
            elif name == 'main':
                owner = stack[-1][1]
                if not owner or owner['k'] != 'columns':
                    err('@main outside @sidebar')
                stack[-1] = (owner['main'], owner)
            elif name == 'textbox':
                b = {'k': 'textbox', 'name': arg, 'blocks': []}
                cur.append(b)
                stack.append((b['blocks'], b))
            elif name == 'hidden':
                if arg not in ('white', 'tiny', 'scaled', 'invisible', 'offpage'):
                    err('unknown hidden mode ' + arg)
                b = {'k': 'hidden', 'mode': arg, 'blocks': []}
                cur.append(b)
                stack.append((b['blocks'], b))
            elif name in ('raw', 'head'):
                raw = {'k': name, 'fmt': arg, 'lines': []}
                cur.append(raw)
            elif name == 'end':
                if len(stack) == 1:
                    err('@end without a block')
                stack.pop()
            else:
                err('unknown directive @' + name)
        elif line.startswith('== '):
            open_ = None
            cur.append({'k': 'heading', 'segs': parse_inline(line[3:].strip())})
        elif line.startswith('= '):
            open_ = None
            cur.append({'k': 'name', 'segs': parse_inline(line[2:].strip())})
        elif line.startswith('- '):
            if not (open_ and open_['k'] == 'list'):
                open_ = {'k': 'list', 'items': []}
                cur.append(open_)
            open_['items'].append(line[2:].strip())
        elif line.startswith('  ') and open_ and open_['k'] == 'list':
            open_['items'][-1] += ' ' + line.strip()
        elif line.startswith('|'):
            if not (open_ and open_['k'] == 'table'):
                open_ = {'k': 'table', 'rows': [], 'header': pending_table.get('header', False),
                         'widths': pending_table.get('widths')}
                pending_table = {}
                cur.append(open_)
            cells = [c.strip() for c in line.strip().strip('|').split('|')]
            open_['rows'].append([parse_inline(c) for c in cells])
        else:
            if open_ and open_['k'] == 'para':
                open_['text'] += ' ' + line.strip()
            else:
                open_ = {'k': 'para', 'text': line.strip()}
                cur.append(open_)
    if raw is not None or len(stack) != 1:
        lineno = len(lines)
        err('unclosed block at end of file')
    finalize(doc['blocks'])
    return doc


def finalize(blocks):
    for b in blocks:
        if b['k'] == 'para':
            b['segs'] = parse_inline(b.pop('text'))
        elif b['k'] == 'list':
            b['items'] = [parse_inline(t) for t in b['items']]
        elif b['k'] == 'columns':
            finalize(b['sidebar'])
            finalize(b['main'])
        elif b['k'] in ('textbox', 'hidden'):
            finalize(b['blocks'])
