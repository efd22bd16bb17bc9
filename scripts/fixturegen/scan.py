"""Scanned fixtures (@scan): a source's PDF rasterised with pdftoppm and
written back as pictures only (PDF, DOCX, ODT), for the OCR tests."""
import hashlib
import os
import re

from .common import FIXED_DATE_PDF, zip_write
from .pdf import num, pstr, write_pdf
from .source import parse_source

SCAN_DPI = 150


def scan_pages(doc):
    """The pages of the scanned source as (width, height, grey bytes), or
    None without pdftoppm."""
    import shutil
    import subprocess
    import tempfile
    import random
    if not shutil.which('pdftoppm'):
        return None
    src = os.path.join(os.path.dirname(doc['path']), doc['scan'] + '.txt')
    base = parse_source(src)
    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        write_pdf(base, os.path.join(tmp, 'src.pdf'))
        subprocess.run(['pdftoppm', '-gray', '-r', str(SCAN_DPI), os.path.join(tmp, 'src.pdf'),
                        os.path.join(tmp, 'p')], check=True)
        for name in sorted(os.listdir(tmp)):
            if not name.endswith('.pgm'):
                continue
            with open(os.path.join(tmp, name), 'rb') as f:
                data = f.read()
            # binary PGM: "P5\n W H\n 255\n" then the pixels
            m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+255\s', data)
            w, h = int(m.group(1)), int(m.group(2))
            px = bytearray(data[m.end():m.end() + w * h])
            rng = random.Random(17 + len(pages))
            for _ in range(w * h // 500):          # 0.2 % speckles
                i = rng.randrange(w * h)
                px[i] = 255 - px[i] // 2 if px[i] < 128 else rng.randrange(0, 96)
            pages.append((w, h, bytes(px)))
    return pages


def png_grey(w, h, px):
    import struct
    import zlib
    raw = b''.join(b'\0' + px[y * w:(y + 1) * w] for y in range(h))

    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def write_scan_pdf(doc, pages, path):
    import zlib
    objs = ['<</Type/Catalog/Pages 2 0 R>>', None]
    kids = []
    for w, h, px in pages:
        pw, ph = w * 72.0 / SCAN_DPI, h * 72.0 / SCAN_DPI
        n = len(objs) + 1
        img = zlib.compress(px, 9)
        content = ('q %s 0 0 %s 0 0 cm /Im0 Do Q\n' % (num(pw), num(ph))).encode()
        objs.append('<</Type/Page/Parent 2 0 R/MediaBox[0 0 %s %s]/Resources<</XObject<</Im0 %d 0 R>>>>'
                    '/Contents %d 0 R>>' % (num(pw), num(ph), n + 1, n + 2))
        objs.append((b'<</Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray'
                     b'/BitsPerComponent 8/Filter/FlateDecode/Length %d>>\nstream\n'
                     % (w, h, len(img))) + img + b'\nendstream')
        objs.append(('<</Length %d>>\nstream\n' % len(content)).encode() + content + b'endstream')
        kids.append('%d 0 R' % n)
    objs[1] = '<</Type/Pages/Kids[%s]/Count %d>>' % (' '.join(kids), len(kids))
    title = doc['opts'].get('title', 'Scanned resume')
    objs.append('<</Title %s/Producer (gapcheck make-fixtures)/CreationDate (%s)>>'
                % (pstr(title), FIXED_DATE_PDF))
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % i + (o.encode() if isinstance(o, str) else o) + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    ident = hashlib.md5(bytes(out)).hexdigest()
    out += (b'trailer\n<</Size %d/Root 1 0 R/Info %d 0 R/ID[<%s><%s>]>>\nstartxref\n%d\n%%%%EOF\n'
            % (len(objs) + 1, len(objs), ident.encode(), ident.encode(), xref))
    with open(path, 'wb') as f:
        f.write(out)


def write_scan_docx(doc, pages, path):
    emu = 914400 // SCAN_DPI
    body, rels, parts = [], [], {}
    for i, (w, h, px) in enumerate(pages, 1):
        rid = 'rId%d' % (i + 10)
        parts['word/media/page%d.png' % i] = png_grey(w, h, px)
        rels.append('<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/image" Target="media/page%d.png"/>' % (rid, i))
        body.append(
            '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="Page %d"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="page%d.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>'
            '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
            '</w:drawing></w:r></w:p>' % (w * emu, h * emu, i, i, i, i, rid, w * emu, h * emu))
    parts['[Content_Types].xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
        '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>')
    parts['_rels/.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
    parts['word/_rels/document.xml.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships">' + ''.join(rels) + '</Relationships>')
    parts['word/document.xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://'
        'schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.'
        'openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/'
        'drawingml/2006/picture"><w:body>' + ''.join(body) + '</w:body></w:document>')
    zip_write(path, parts)


def write_scan_odt(doc, pages, path):
    parts, frames = {}, []
    for i, (w, h, px) in enumerate(pages, 1):
        parts['Pictures/page%d.png' % i] = png_grey(w, h, px)
        frames.append('<text:p><draw:frame draw:name="Page %d" text:anchor-type="as-char" '
                      'svg:width="%.3fin" svg:height="%.3fin"><draw:image xlink:href="Pictures/page%d.png" '
                      'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>'
                      % (i, w / SCAN_DPI, h / SCAN_DPI, i))
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink"')
    parts['content.xml'] = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s '
                            'office:version="1.2"><office:body><office:text>%s</office:text>'
                            '</office:body></office:document-content>' % (ns, ''.join(frames)))
    parts['META-INF/manifest.xml'] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:'
        'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        + ''.join('<manifest:file-entry manifest:full-path="Pictures/page%d.png" '
                  'manifest:media-type="image/png"/>' % i for i in range(1, len(pages) + 1))
        + '</manifest:manifest>')
    zip_write(path, parts, first=('mimetype', 'application/vnd.oasis.opendocument.text'))


SCAN_WRITERS = {'.pdf': write_scan_pdf, '.docx': write_scan_docx, '.odt': write_scan_odt}
