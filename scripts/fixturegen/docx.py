"""DOCX writer: WordprocessingML with split runs, tracked changes, footnotes,
numbered bullets, layout tables, text boxes (DrawingML with a VML
fallback), header and footer.
"""
import re

from .common import FIXED_DATE_ISO, XML_DECL, entry_parts, xesc, zip_write
from .source import SourceError, plain


NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
DOCX_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="%s" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14"' % NS_W)
TEXT_WIDTH = 10080      # twips between 0.75in margins on US Letter


class DocxCtx:
    def __init__(self):
        self.rev = 100
        self.footnotes = []
        self.shape = 0
        self.bookmark = 0


def w_t(text, tag='w:t'):
    sp = ' xml:space="preserve"' if text != text.strip(' ') or '  ' in text else ''
    return '<%s%s>%s</%s>' % (tag, sp, xesc(text), tag)


def docx_runs(segs, ctx, rpr_extra=''):
    out = []
    run = []          # open run content
    state = {'bold': None}

    def rpr(bold):
        inner = ('<w:b/>' if bold else '') + rpr_extra
        return '<w:rPr>%s</w:rPr>' % inner if inner else ''

    def close():
        if run:
            out.append('<w:r>%s%s</w:r>' % (rpr(state['bold']), ''.join(run)))
            del run[:]

    def ensure(bold):
        if run and state['bold'] != bold:
            close()
        state['bold'] = bold

    for s in segs:
        k = s[0]
        if k == 't':
            ensure(s[2])
            run.append(w_t(s[1]))
        elif k == 'split':
            close()
        elif k == 'tab':
            ensure(state['bold'] or False)
            run.append('<w:tab/>')
        elif k == 'br':
            ensure(state['bold'] or False)
            run.append('<w:br/>')
        elif k == 'hy':
            ensure(state['bold'] or False)
            run.append('<w:softHyphen/>')
        elif k == 'goback':
            close()
            out.append('<w:bookmarkStart w:id="%d" w:name="_GoBack"/><w:bookmarkEnd w:id="%d"/>'
                       % (ctx.bookmark, ctx.bookmark))
            ctx.bookmark += 1
        elif k in ('del', 'ins'):
            close()
            ctx.rev += 1
            tag = 'w:del' if k == 'del' else 'w:ins'
            txt = w_t(s[1], 'w:delText' if k == 'del' else 'w:t')
            out.append('<%s w:id="%d" w:author="Reviewer" w:date="%s"><w:r>%s%s</w:r></%s>'
                       % (tag, ctx.rev, FIXED_DATE_ISO, rpr(s[2]), txt, tag))
        elif k == 'fn':
            close()
            ctx.footnotes.append(s[1])
            out.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                       '<w:footnoteReference w:id="%d"/></w:r>' % len(ctx.footnotes))
    close()
    return ''.join(out)


def docx_p(segs, ctx, style=None, ppr_extra=''):
    ppr = ('<w:pStyle w:val="%s"/>' % style if style else '') + ppr_extra
    return '<w:p>%s%s</w:p>' % ('<w:pPr>%s</w:pPr>' % ppr if ppr else '', docx_runs(segs, ctx))


def docx_table(rows, widths, ctx, header=False, borders=True, cell_blocks=False):
    ncol = len(widths)
    tw = sum(widths)
    b = ('<w:tblBorders>' + ''.join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % e
                                    for e in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
         + '</w:tblBorders>') if borders else '<w:tblBorders>' + ''.join(
        '<w:%s w:val="nil"/>' % e for e in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) + '</w:tblBorders>'
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="%d" w:type="dxa"/>%s'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
           'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>' % (tw, b)]
    out += ['<w:gridCol w:w="%d"/>' % w for w in widths]
    out.append('</w:tblGrid>')
    for ri, row in enumerate(rows):
        trpr = '<w:trPr><w:tblHeader/></w:trPr>' if header and ri == 0 else ''
        out.append('<w:tr>%s' % trpr)
        for ci in range(ncol):
            cell = row[ci] if ci < len(row) else []
            out.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>' % widths[ci])
            if cell_blocks:
                inner = docx_blocks(cell, ctx, widths[ci] - 200)
                if not inner.endswith('</w:p>'):
                    inner += '<w:p/>'
                out.append(inner)
            else:
                segs = [(s[0], s[1], True) if header and ri == 0 and s[0] in ('t', 'ins') else s for s in cell]
                out.append(docx_p(segs, ctx))
            out.append('</w:tc>')
        out.append('</w:tr>')
    out.append('</w:tbl>')
    return ''.join(out)


def docx_textbox(b, ctx, width):
    ctx.shape += 1
    n = ctx.shape
    inner = docx_blocks(b['blocks'], ctx, width)
    lines = sum(1 + (len(plain(x['segs'])) // 45 if 'segs' in x else
                     sum(1 + len(plain(i)) // 45 for i in x.get('items', [])))
                for x in b['blocks'])
    cx, cy = 2743200, 228600 * (lines + 1)
    name = b['name'] or 'Text Box %d' % n
    anchor = (
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="%d" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>%d</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="%d" name="%s"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill>'
        '<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>%s'
        '</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" '
        'tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        % (251659264 + n, 3200400 * ((n - 1) % 2), cx, cy, n, xesc(name), cx, cy, inner))
    vml = ('<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
           'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
           'o:connecttype="rect"/></v:shapetype><v:shape id="%s" o:spid="_x0000_s%d" type="#_x0000_t202" '
           'style="position:absolute;margin-left:%dpt;margin-top:0;width:216pt;height:%dpt;z-index:%d;'
           'mso-wrap-style:square" strokeweight=".5pt"><v:textbox><w:txbxContent>%s</w:txbxContent>'
           '</v:textbox></v:shape></w:pict>'
           % (xesc(name), 1025 + n, 252 * ((n - 1) % 2), cy // 12700, 251659264 + n, inner))
    return ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>%s</w:drawing>'
            '</mc:Choice><mc:Fallback>%s</mc:Fallback></mc:AlternateContent></w:r></w:p>' % (anchor, vml))


def docx_blocks(blocks, ctx, width=TEXT_WIDTH, lang='en'):
    out = []
    for b in blocks:
        k = b['k']
        if k == 'name':
            out.append(docx_p(b['segs'], ctx, 'Title'))
        elif k == 'label':
            out.append(docx_p(b['segs'], ctx, 'Subtitle'))
        elif k == 'contact':
            out.append(docx_p([('t', '  ·  '.join(b['items']), False)], ctx, 'Contact'))
        elif k == 'heading':
            out.append(docx_p(b['segs'], ctx, 'Heading1'))
        elif k == 'para':
            out.append(docx_p(b['segs'], ctx))
        elif k == 'list':
            for it in b['items']:
                out.append(docx_p(it, ctx, 'ListParagraph',
                                  '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
        elif k in ('job', 'project', 'edu'):
            lb, left, right = entry_parts(b, lang)
            segs = [('t', lb, True), ('t', left, False)]
            if right:
                segs += [('tab',), ('t', right, False)]
            out.append(docx_p(segs, ctx, 'Entry', '<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>' % width))
        elif k == 'table':
            ncol = max(len(r) for r in b['rows'])
            ws = b['widths'] or [1.0] * ncol
            cw = [int(width * w / sum(ws)) for w in ws]
            out.append(docx_table(b['rows'], cw, ctx, header=b['header']))
            out.append('<w:p/>')
        elif k == 'columns':
            side = int(width * 0.32)
            out.append(docx_table([[b['sidebar'], b['main']]], [side, width - side], ctx,
                                  borders=False, cell_blocks=True))
        elif k == 'textbox':
            out.append(docx_textbox(b, ctx, width))
        elif k == 'pagebreak':
            out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif k in ('hidden', 'image', 'raw', 'head'):
            pass
        else:
            raise SourceError('DOCX: unsupported block ' + k)
    return ''.join(out)


DOCX_STYLES = (
    XML_DECL + '<w:styles xmlns:w="%s"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="21"/>'
    '<w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
    '<w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:sz w:val="26"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Contact"><w:name w:val="Contact"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/>'
    '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:caps/><w:sz w:val="24"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Entry"><w:name w:val="Entry"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr>'
    '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    '</w:tblPr></w:style></w:styles>' % NS_W)

DOCX_NUMBERING = (
    XML_DECL + '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0"><w:multiLevelType '
    'w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/>'
    '</w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % NS_W)

REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'


def write_docx(doc, path):
    ctx = DocxCtx()
    o = doc['opts']
    lang = o.get('lang', 'en')
    body = docx_blocks(doc['blocks'], ctx, lang=lang)
    parts = {}
    rels = [('rId1', 'styles', 'styles.xml'), ('rId2', 'numbering', 'numbering.xml')]
    over = [('/word/document.xml', 'document.main+xml'), ('/word/styles.xml', 'styles+xml'),
            ('/word/numbering.xml', 'numbering+xml')]
    sect = ''

    def hf_xml(tag, style, text):
        segs = []
        for j, piece in enumerate(re.split(r'(\{page\}|\{pages\})', text)):
            if piece == '{page}':
                segs.append('<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
            elif piece == '{pages}':
                segs.append('<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
            elif piece:
                segs.append('<w:r>%s</w:r>' % w_t(piece))
        return (XML_DECL + '<w:%s %s><w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr>%s</w:p></w:%s>'
                % (tag, DOCX_NS, style, ''.join(segs), tag))
    if doc['header']:
        parts['word/header1.xml'] = hf_xml('hdr', 'Header', doc['header'])
        rels.append(('rId3', 'header', 'header1.xml'))
        over.append(('/word/header1.xml', 'header+xml'))
        sect += '<w:headerReference w:type="default" r:id="rId3"/>'
    if doc['footer']:
        parts['word/footer1.xml'] = hf_xml('ftr', 'Footer', doc['footer'])
        rels.append(('rId4', 'footer', 'footer1.xml'))
        over.append(('/word/footer1.xml', 'footer+xml'))
        sect += '<w:footerReference w:type="default" r:id="rId4"/>'
    if ctx.footnotes:
        notes = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                 '</w:r></w:p></w:footnote>']
        for i, text in enumerate(ctx.footnotes, 1):
            notes.append('<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                         '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                         '%s</w:p></w:footnote>' % (i, docx_runs([('t', ' ' + text, False)], ctx)))
        parts['word/footnotes.xml'] = XML_DECL + '<w:footnotes %s>%s</w:footnotes>' % (DOCX_NS, ''.join(notes))
        rels.append(('rId5', 'footnotes', 'footnotes.xml'))
        over.append(('/word/footnotes.xml', 'footnotes+xml'))
    sect += ('<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1080" w:right="1080" w:bottom="1080" '
             'w:left="1080" w:header="540" w:footer="540" w:gutter="0"/><w:cols w:space="720"/>')
    parts['word/document.xml'] = (XML_DECL + '<w:document %s><w:body>%s<w:sectPr>%s</w:sectPr></w:body>'
                                  '</w:document>' % (DOCX_NS, body, sect))
    parts['word/styles.xml'] = DOCX_STYLES
    parts['word/numbering.xml'] = DOCX_NUMBERING
    parts['word/_rels/document.xml.rels'] = (
        XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ''.join('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (i, REL, t, tg) for i, t, tg in rels)
        + '</Relationships>')
    parts['_rels/.rels'] = (
        XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="%sofficeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
        'metadata/core-properties" Target="docProps/core.xml"/></Relationships>' % REL)
    parts['docProps/core.xml'] = (
        XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title><dc:creator>%s'
        '</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified '
        'xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>'
        % (xesc(o.get('title', '')), xesc(o.get('author', '')), FIXED_DATE_ISO, FIXED_DATE_ISO))
    parts['[Content_Types].xml'] = (
        XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + ''.join('<Override PartName="%s" ContentType="%s%s"/>' % (p, CT, t) for p, t in over)
        + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
        'core-properties+xml"/></Types>')
    zip_write(path, parts)
