"""JSON Resume writer: basics, work, education, skills, projects and
languages read back from the document's structure.
"""
import json
import re

from .common import FIXED_DATE_ISO
from .source import plain


def write_json(doc, path):
    lang = doc['opts'].get('lang', 'en')
    basics = {}
    work, skills, projects, education, languages = [], [], [], [], []
    section, entry = '', None

    def flat(bs):
        for b in bs:
            if b['k'] == 'columns':
                yield from flat(b['sidebar'])
                yield from flat(b['main'])
            elif b['k'] == 'textbox':
                yield from flat(b['blocks'])
            else:
                yield b
    for b in flat(doc['blocks']):
        k = b['k']
        if k == 'name':
            basics['name'] = plain(b['segs'])
        elif k == 'label':
            basics['label'] = plain(b['segs'])
        elif k == 'contact':
            profiles = []
            for it in b['items']:
                if '@' in it and ' ' not in it:
                    basics['email'] = it
                elif it.startswith('+'):
                    basics['phone'] = it
                elif '://' in it:
                    host = it.split('://', 1)[1].split('/')[0]
                    if host in ('github.com', 'www.linkedin.com', 'linkedin.com'):
                        profiles.append({'network': 'GitHub' if 'github' in host else 'LinkedIn',
                                         'username': it.rstrip('/').rsplit('/', 1)[1], 'url': it})
                    else:
                        basics['url'] = it
                else:
                    parts = [p.strip() for p in it.split(',')]
                    basics['location'] = {'city': parts[0]}
                    if len(parts) > 1:
                        basics['location']['region'] = parts[1]
            if profiles:
                basics['profiles'] = profiles
        elif k == 'heading':
            section = plain(b['segs']).lower()
            entry = None
        elif k == 'job':
            f = b['f']
            entry = {'name': f[1], 'position': f[0]}
            if f[4]:
                entry['location'] = f[4]
            entry['startDate'] = f[2]
            if f[3].lower() != 'present':
                entry['endDate'] = f[3]
            work.append(entry)
        elif k == 'project':
            f = b['f']
            entry = {'name': f[0]}
            if f[2]:
                entry['startDate'] = f[2]
            if f[1]:
                entry['url'] = f[1]
            projects.append(entry)
        elif k == 'edu':
            f = b['f']
            entry = {'institution': f[0], 'area': f[1], 'studyType': f[2], 'startDate': f[3], 'endDate': f[4]}
            education.append(entry)
        elif k == 'para':
            t = plain(b['segs']).replace('\t', ' ')
            if entry is not None:
                key = 'description' if entry in projects else 'summary'
                entry[key] = (entry[key] + ' ' + t) if key in entry else t
            elif 'summary' in section or 'profile' in section:
                basics['summary'] = (basics['summary'] + ' ' + t) if 'summary' in basics else t
        elif k == 'list':
            items = [re.sub(r'\s+', ' ', plain(i)).strip() for i in b['items']]
            if 'skill' in section:
                for it in items:
                    name, _, rest = it.partition(':')
                    skills.append({'name': name.strip(),
                                   'keywords': [x.strip() for x in rest.split(',') if x.strip()]})
            elif 'language' in section:
                for it in items:
                    m = re.match(r'(.*?)\s*\((.*)\)$', it)
                    languages.append({'language': m.group(1), 'fluency': m.group(2)} if m
                                     else {'language': it})
            elif entry is not None:
                entry.setdefault('highlights', []).extend(items)
        elif k == 'table' and 'skill' in section:
            rows = b['rows'][1:] if b['header'] else b['rows']
            for r in rows:
                skills.append({'name': plain(r[0]),
                               'keywords': [x.strip() for x in plain(r[1]).split(',') if x.strip()]})
    out = {'$schema': 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
           'basics': basics, 'work': work, 'education': education, 'skills': skills}
    if projects:
        out['projects'] = projects
    if languages:
        out['languages'] = languages
    out['meta'] = {'version': 'v1.0.0', 'lastModified': FIXED_DATE_ISO}
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(json.dumps(out, indent=2, ensure_ascii=False) + '\n')
