"""ODT and flat ODT (FODT) writers: one OpenDocument body, written as a zip
(mimetype first, stored) or as a single office:document XML file.
"""
import re

from .common import XML_DECL, entry_parts, xesc, zip_write
from .source import SourceError


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"')
ODT_MIME = 'application/vnd.oasis.opendocument.text'

ODF_STYLES = (
    '<office:styles>'
    '<style:style style:name="Standard" style:family="paragraph"/>'
    '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" '
    'style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.08in"/></style:style>'
    '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-size="13pt"/></style:style>'
    '<style:style style:name="Contact" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-size="9pt"/></style:style>'
    '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
    'style:parent-style-name="Standard" style:default-outline-level="1"><style:text-properties '
    'fo:font-size="12pt" fo:font-weight="bold" fo:text-transform="uppercase"/></style:style>'
    '<style:style style:name="Entry" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties><style:tab-stops><style:tab-stop style:position="6.9in" '
    'style:type="right"/></style:tab-stops></style:paragraph-properties></style:style>'
    '<style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" '
    'style:family="paragraph" style:parent-style-name="Standard"/>'
    '<style:style style:name="Table_20_Contents" style:display-name="Table Contents" '
    'style:family="paragraph" style:parent-style-name="Standard"/>'
    '<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"/>'
    '<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"/>'
    '<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-size="9pt"/></style:style>'
    '</office:styles>')
ODF_PAGE_LAYOUT = (
    '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="8.5in" '
    'fo:page-height="11in" fo:margin-top="0.5in" fo:margin-bottom="0.5in" fo:margin-left="0.75in" '
    'fo:margin-right="0.75in"/><style:header-style><style:header-footer-properties fo:min-height="0in" '
    'fo:margin-bottom="0.2in"/></style:header-style><style:footer-style><style:header-footer-properties '
    'fo:min-height="0in" fo:margin-top="0.2in"/></style:footer-style></style:page-layout>')
ODF_AUTO = (
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>'
    '</style:style>'
    '<style:style style:name="T2" style:family="text"><style:text-properties fo:language="en" '
    'fo:country="US"/></style:style>'
    '<style:style style:name="P_break" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:break-before="page"/></style:style>'
    '<style:style style:name="fr1" style:family="graphic"><style:graphic-properties '
    'fo:border="0.5pt solid #000000" style:wrap="parallel"/></style:style>'
    '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" '
    'text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode='
    '"label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" '
    'fo:text-indent="-0.25in" fo:margin-left="0.5in"/></style:list-level-properties>'
    '</text:list-level-style-bullet></text:list-style>')


class OdtCtx:
    def __init__(self):
        self.changes = []     # (id, kind, text)
        self.notes = 0
        self.tables = 0
        self.frames = 0


def odt_text(s):
    out = []
    for piece in re.split(r'(\t|\n| {2,})', s):
        if piece == '\t':
            out.append('<text:tab/>')
        elif piece == '\n':
            out.append('<text:line-break/>')
        elif piece.startswith('  '):
            out.append(' <text:s text:c="%d"/>' % (len(piece) - 1) if len(piece) > 2 else ' <text:s/>')
        else:
            out.append(xesc(piece))
    return ''.join(out)


def odt_inline(segs, ctx):
    out, span = [], False
    for s in segs:
        k = s[0]
        if k == 't':
            t = odt_text(s[1])
            if s[2]:
                out.append('<text:span text:style-name="T1">%s</text:span>' % t)
            elif span:
                out.append('<text:span text:style-name="T2">%s</text:span>' % t)
                span = False
            else:
                out.append(t)
        elif k == 'split':
            span = True
        elif k == 'tab':
            out.append('<text:tab/>')
        elif k == 'br':
            out.append('<text:line-break/>')
        elif k == 'hy':
            out.append('\u00ad')
        elif k == 'goback':
            out.append('<text:bookmark text:name="_GoBack"/>')
        elif k == 'del':
            cid = 'ct%d' % (len(ctx.changes) + 1)
            ctx.changes.append((cid, 'deletion', s[1]))
            out.append('<text:change text:change-id="%s"/>' % cid)
        elif k == 'ins':
            cid = 'ct%d' % (len(ctx.changes) + 1)
            ctx.changes.append((cid, 'insertion', s[1]))
            out.append('<text:change-start text:change-id="%s"/>%s<text:change-end text:change-id="%s"/>'
                       % (cid, odt_text(s[1]), cid))
        elif k == 'fn':
            ctx.notes += 1
            out.append('<text:note text:id="ftn%d" text:note-class="footnote"><text:note-citation>%d'
                       '</text:note-citation><text:note-body><text:p text:style-name="Footnote">%s</text:p>'
                       '</text:note-body></text:note>' % (ctx.notes, ctx.notes, odt_text(s[1])))
    return ''.join(out)


def odt_p(segs, ctx, style='Text_20_body'):
    return '<text:p text:style-name="%s">%s</text:p>' % (style, odt_inline(segs, ctx))


def odt_table(rows, ncol, ctx, header=False, cell_blocks=False):
    ctx.tables += 1
    out = ['<table:table table:name="Table%d"><table:table-column table:number-columns-repeated="%d"/>'
           % (ctx.tables, ncol)]
    for ri, row in enumerate(rows):
        if header and ri == 0:
            out.append('<table:table-header-rows>')
        out.append('<table:table-row>')
        for ci in range(ncol):
            cell = row[ci] if ci < len(row) else []
            out.append('<table:table-cell office:value-type="string">')
            if cell_blocks:
                out.append(odt_blocks(cell, ctx) or '<text:p/>')
            else:
                segs = [(s[0], s[1], True) if header and ri == 0 and s[0] in ('t', 'ins') else s for s in cell]
                out.append(odt_p(segs, ctx, 'Table_20_Contents'))
            out.append('</table:table-cell>')
        out.append('</table:table-row>')
        if header and ri == 0:
            out.append('</table:table-header-rows>')
    out.append('</table:table>')
    return ''.join(out)


def odt_blocks(blocks, ctx, lang='en'):
    out = []
    for b in blocks:
        k = b['k']
        if k == 'name':
            out.append(odt_p(b['segs'], ctx, 'Title'))
        elif k == 'label':
            out.append(odt_p(b['segs'], ctx, 'Subtitle'))
        elif k == 'contact':
            out.append(odt_p([('t', '  ·  '.join(b['items']), False)], ctx, 'Contact'))
        elif k == 'heading':
            out.append('<text:h text:style-name="Heading_20_1" text:outline-level="1">%s</text:h>'
                       % odt_inline(b['segs'], ctx))
        elif k == 'para':
            out.append(odt_p(b['segs'], ctx))
        elif k == 'list':
            out.append('<text:list text:style-name="L1">' + ''.join(
                '<text:list-item>%s</text:list-item>' % odt_p(it, ctx, 'List_20_Paragraph')
                for it in b['items']) + '</text:list>')
        elif k in ('job', 'project', 'edu'):
            lb, left, right = entry_parts(b, lang)
            segs = [('t', lb, True), ('t', left, False)] + ([('tab',), ('t', right, False)] if right else [])
            out.append(odt_p(segs, ctx, 'Entry'))
        elif k == 'table':
            out.append(odt_table(b['rows'], max(len(r) for r in b['rows']), ctx, header=b['header']))
        elif k == 'columns':
            out.append(odt_table([[b['sidebar'], b['main']]], 2, ctx, cell_blocks=True))
        elif k == 'textbox':
            ctx.frames += 1
            out.append('<text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" draw:name="Frame%d" '
                       'text:anchor-type="paragraph" svg:width="3in" draw:z-index="%d"><draw:text-box '
                       'fo:min-height="0.5in">%s</draw:text-box></draw:frame></text:p>'
                       % (ctx.frames, ctx.frames - 1, odt_blocks(b['blocks'], ctx, lang)))
        elif k == 'pagebreak':
            out.append('<text:p text:style-name="P_break"/>')
        elif k in ('hidden', 'image', 'raw', 'head'):
            pass
        else:
            raise SourceError('ODT: unsupported block ' + k)
    return ''.join(out)


def odt_parts(doc):
    ctx = OdtCtx()
    body = odt_blocks(doc['blocks'], ctx, doc['opts'].get('lang', 'en'))
    tracked = ''
    if ctx.changes:
        regs = []
        for cid, kind, text in ctx.changes:
            info = ('<office:change-info><dc:creator>Reviewer</dc:creator><dc:date>2024-01-01T00:00:00'
                    '</dc:date></office:change-info>')
            inner = info + ('<text:p>%s</text:p>' % odt_text(text) if kind == 'deletion' else '')
            regs.append('<text:changed-region text:id="%s"><text:%s>%s</text:%s></text:changed-region>'
                        % (cid, kind, inner, kind))
        tracked = '<text:tracked-changes>%s</text:tracked-changes>' % ''.join(regs)

    def hf(tag, style, text):
        if not text:
            return ''
        t = xesc(text).replace('{page}', '<text:page-number text:select-page="current">1</text:page-number>')
        t = t.replace('{pages}', '<text:page-count>1</text:page-count>')
        return '<style:%s><text:p text:style-name="%s">%s</text:p></style:%s>' % (tag, style, t, tag)
    master = ('<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
              '%s%s</style:master-page></office:master-styles>'
              % (hf('header', 'Header', doc['header']), hf('footer', 'Footer', doc['footer'])))
    text = '<office:body><office:text>%s%s</office:text></office:body>' % (tracked, body)
    return text, master


def write_odt(doc, path):
    text, master = odt_parts(doc)
    o = doc['opts']
    parts = {
        'content.xml': XML_DECL.replace(' standalone="yes"', '') +
        '<office:document-content %s><office:automatic-styles>%s</office:automatic-styles>%s'
        '</office:document-content>' % (ODF_NS, ODF_AUTO, text),
        'styles.xml': XML_DECL.replace(' standalone="yes"', '') +
        '<office:document-styles %s>%s<office:automatic-styles>%s</office:automatic-styles>%s'
        '</office:document-styles>' % (ODF_NS, ODF_STYLES, ODF_PAGE_LAYOUT, master),
        'meta.xml': XML_DECL.replace(' standalone="yes"', '') +
        '<office:document-meta %s><office:meta><meta:generator>gapcheck make-fixtures</meta:generator>'
        '<dc:title>%s</dc:title><dc:creator>%s</dc:creator><meta:creation-date>2024-01-01T00:00:00'
        '</meta:creation-date></office:meta></office:document-meta>'
        % (ODF_NS, xesc(o.get('title', '')), xesc(o.get('author', ''))),
        'META-INF/manifest.xml': XML_DECL.replace(' standalone="yes"', '') +
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
        'manifest:media-type="%s"/><manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" '
        'manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>' % ODT_MIME,
    }
    zip_write(path, parts, first=('mimetype', ODT_MIME.encode()))


def write_fodt(doc, path):
    text, master = odt_parts(doc)
    o = doc['opts']
    xml = (XML_DECL.replace(' standalone="yes"', '') +
           '<office:document %s office:mimetype="%s">\n<office:meta><meta:generator>gapcheck make-fixtures'
           '</meta:generator><dc:title>%s</dc:title></office:meta>\n%s\n<office:automatic-styles>%s%s'
           '</office:automatic-styles>\n%s\n%s\n</office:document>\n'
           % (ODF_NS, ODT_MIME, xesc(o.get('title', '')), ODF_STYLES, ODF_PAGE_LAYOUT, ODF_AUTO, master, text))
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(xml)
