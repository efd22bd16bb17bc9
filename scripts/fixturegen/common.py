"""What several writers share: the fixed dates that keep output reproducible,
date and entry formatting, XML escaping and the deterministic zip writer.
"""
import re
import zipfile


FIXED_DATE_PDF = 'D:20240101000000Z'
FIXED_DATE_ISO = '2024-01-01T00:00:00Z'
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


MONTHS = {
    'en': 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(),
    'es': 'ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.'.split(),
    'de': 'Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.'.split(),
    'fr': 'janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.'.split(),
}
PRESENT = {'en': 'Present', 'es': 'actualidad', 'de': 'heute', 'fr': 'aujourd’hui'}


def fmt_date(d, lang):
    if not d:
        return ''
    if d.lower() == 'present':
        return PRESENT[lang]
    m = re.match(r'(\d{4})-(\d{2})$', d)
    if m:
        return '%s %s' % (MONTHS[lang][int(m.group(2)) - 1], m.group(1))
    return d


def date_range(a, b, lang):
    a, b = fmt_date(a, lang), fmt_date(b, lang)
    return a + ' – ' + b if a and b else a or b


def entry_parts(b, lang):
    """(bold left text, rest of the left text, right-hand dates) of an entry."""
    f = b['f']
    if b['k'] == 'job':
        rest = ' — ' + f[1] + (', ' + f[4] if f[4] else '')
        return f[0], rest, date_range(f[2], f[3], lang)
    if b['k'] == 'project':
        return f[0], (' — ' + f[1] if f[1] else ''), fmt_date(f[2], lang)
    # edu: INSTITUTION | AREA | DEGREE | START | END
    return f[0], ' — ' + ', '.join(x for x in (f[2], f[1]) if x), date_range(f[3], f[4], lang)


def xesc(s):
    return (s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;'))


def zip_write(path, parts, first=None):
    """Deterministic zip: fixed times, fixed attributes, sorted names.
    `first` (name, bytes) is stored uncompressed before everything else."""
    with zipfile.ZipFile(path, 'w') as z:
        items = []
        if first:
            items.append((first[0], first[1], zipfile.ZIP_STORED))
        for name in sorted(parts):
            items.append((name, parts[name], zipfile.ZIP_DEFLATED))
        for name, data, method in items:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = method
            zi.create_system = 3
            zi.external_attr = 0o100644 << 16
            if isinstance(data, str):
                data = data.encode('utf-8')
            z.writestr(zi, data)
