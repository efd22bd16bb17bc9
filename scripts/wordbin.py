"""wordbin: writes Word 97-2003 (.doc) files from Python's standard library
alone: an OLE2 / Compound File Binary container ([MS-CFB], version 3,
512-byte sectors) holding a WordDocument stream with a Word 97 FIB and a
1Table stream with a piece table ([MS-DOC]).  Enough for gapcheck's reader
(and antiword) to read the text; no formatting, styles or properties.

Used by scripts/make-fixtures-doc (the committed fixtures) and
tests/hostile/make-hostile (damaged files), so both build on one writer:
every function returns plain bytes or a layout a caller may damage on
purpose.  The output is the same bytes on every run.
"""
import struct

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
SECTOR = 512
MINI_CUTOFF = 4096


def _dir_entry(name, kind, start, size, left=NOSTREAM, right=NOSTREAM, child=NOSTREAM):
    raw = name.encode("utf-16-le") + b"\0\0" if name else b""
    e = bytearray(128)
    e[0:len(raw)] = raw
    struct.pack_into("<HBB", e, 64, len(raw), kind, 1)   # black
    struct.pack_into("<III", e, 68, left, right, child)
    struct.pack_into("<IQ", e, 116, start, size)
    return bytes(e)


def cfb(streams):
    """streams: list of (name, bytes), each at least MINI_CUTOFF bytes (no
    mini stream is written).  Returns (data, layout) where layout maps each
    stream name to its first sector and 'fat' to the FAT's sectors; a
    sector n starts at byte 512 * (n + 1)."""
    for name, data in streams:
        if len(data) < MINI_CUTOFF:
            raise ValueError("%s: streams shorter than %d bytes need a mini stream"
                             % (name, MINI_CUTOFF))
    # Sectors: FAT sectors first, then the directory, then the streams.
    n_dir_entries = 1 + len(streams)
    dir_sectors = (n_dir_entries * 128 + SECTOR - 1) // SECTOR
    data_sectors = sum((len(d) + SECTOR - 1) // SECTOR for _, d in streams)
    n_fat = 1
    while n_fat * (SECTOR // 4) < n_fat + dir_sectors + data_sectors:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("too large for a header-only DIFAT")
    fat = [FREESECT] * (n_fat * (SECTOR // 4))
    for i in range(n_fat):
        fat[i] = FATSECT
    next_sector = n_fat

    def chain(count):
        nonlocal next_sector
        start = next_sector
        for k in range(count):
            fat[start + k] = start + k + 1 if k + 1 < count else ENDOFCHAIN
        next_sector += count
        return start

    dir_start = chain(dir_sectors)
    layout = {"fat": list(range(n_fat)), "directory": dir_start}
    body = []
    for name, d in streams:
        count = (len(d) + SECTOR - 1) // SECTOR
        layout[name] = chain(count)
        body.append(d + b"\0" * (count * SECTOR - len(d)))
    # Directory: the root's child is the first stream; the others hang off
    # it as siblings, ordered as [MS-CFB] compares names (length, then
    # upper case), all black (readers do not rebalance).
    order = sorted(range(len(streams)),
                   key=lambda i: (len(streams[i][0]), streams[i][0].upper()))
    entries = [None] * len(streams)

    def tree(ids):
        if not ids:
            return NOSTREAM
        mid = len(ids) // 2
        i = ids[mid]
        name, d = streams[i]
        entries[i] = _dir_entry(name, 2, layout[name], len(d), tree(ids[:mid]),
                                tree(ids[mid + 1:]))
        return i + 1

    root_child = tree(order)
    directory = _dir_entry("Root Entry", 5, ENDOFCHAIN, 0, child=root_child) + b"".join(entries)
    directory += _dir_entry("", 0, 0, 0) * (dir_sectors * SECTOR // 128 - n_dir_entries)
    header = bytearray(SECTOR)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, n_fat, dir_start, 0, MINI_CUTOFF,
                     ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    difat = list(range(n_fat)) + [FREESECT] * (109 - n_fat)
    struct.pack_into("<109I", header, 76, *difat)
    fat_bytes = struct.pack("<%dI" % len(fat), *fat)
    return bytes(header) + fat_bytes + directory + b"".join(body), layout


def set_fat(data, layout, sector, value):
    """A copy of data with FAT entry `sector` set to `value`."""
    per = SECTOR // 4
    fat_sector = layout["fat"][sector // per]
    off = SECTOR * (fat_sector + 1) + 4 * (sector % per)
    return data[:off] + struct.pack("<I", value) + data[off + 4:]


# ---- Word 97 ---------------------------------------------------------------

FIB_SIZE = 0x9A + 93 * 8 + 2     # FibBase ... fibRgFcLcb97, cswNew
TEXT_START = 0x600               # where the text begins in WordDocument
STORIES = ("main", "footnotes", "headers", "macros", "annotations", "endnotes",
           "textboxes", "header_textboxes")


def fib(ccp, fc_clx, lcb_clx, stream_len, nfib=0xC1, flags=0x0200):
    """The FIB of a Word 97 document: ccp maps story names to character
    counts; flags 0x0200 says the tables are in 1Table (0x0100: encrypted)."""
    f = bytearray(FIB_SIZE)
    struct.pack_into("<HHHHH", f, 0, 0xA5EC, nfib, 0, 0x0409, 0)
    struct.pack_into("<HH", f, 0x0A, flags, 0xBF)
    struct.pack_into("<H", f, 0x20, 14)            # csw
    struct.pack_into("<H", f, 0x3E, 22)            # cslw
    struct.pack_into("<I", f, 0x40, stream_len)    # cbMac
    for i, story in enumerate(STORIES):
        struct.pack_into("<I", f, 0x4C + 4 * i, ccp.get(story, 0))
    struct.pack_into("<H", f, 0x98, 93)            # cbRgFcLcb
    struct.pack_into("<II", f, 0x9A + 33 * 8, fc_clx, lcb_clx)
    return bytes(f)


def piece_table(pieces, prc=True):
    """pieces: list of (cp, cp_end, byte_offset, compressed).  A Clx with
    one Prc record first (readers must skip it) and the Pcdt."""
    cps = [p[0] for p in pieces] + [pieces[-1][1]] if pieces else [0]
    pcds = b"".join(struct.pack("<HIH", 0, (off * 2) | 0x40000000 if comp else off, 0)
                    for _, _, off, comp in pieces)
    plc = struct.pack("<%dI" % len(cps), *cps) + pcds
    clx = (b"\x01\x02\x00\x00\x00" if prc else b"") + b"\x02" + struct.pack("<I", len(plc)) + plc
    return clx


def encodable(s):
    try:
        s.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def streams(runs, ccp, nfib=0xC1, flags=0x0200, pieces_hook=None, table_hook=None):
    """The WordDocument and table streams of document() (below), as bytes."""
    text = bytearray()
    pieces = []
    cp = 0
    for run in runs:
        off = TEXT_START + len(text)
        if encodable(run):
            text += run.encode("cp1252")
            pieces.append((cp, cp + len(run), off, True))
        else:
            if off % 2:
                text += b"\0"
                off += 1
            units = run.encode("utf-16-le")
            text += units
            pieces.append((cp, cp + len(units) // 2, off, False))
            cp += len(units) // 2 - len(run)
        cp += len(run)
    if pieces_hook:
        pieces = pieces_hook(pieces)
    clx = piece_table(pieces)
    table = clx
    if table_hook:
        table = table_hook(table)
    table += b"\0" * max(0, MINI_CUTOFF - len(table))
    wd_len = max(MINI_CUTOFF, TEXT_START + len(text))
    wd = bytearray(wd_len)
    wd[TEXT_START:TEXT_START + len(text)] = text
    wd[0:FIB_SIZE] = fib(ccp, 0, len(clx), wd_len, nfib, flags)
    return bytes(wd), table


def document(runs, ccp, nfib=0xC1, flags=0x0200, pieces_hook=None, table_hook=None,
             layout=None):
    """runs: text runs in character order (all stories one after the
    other, as Word stores them); each becomes one piece, in Windows-1252
    when it can be, else UTF-16LE.  ccp: story name -> character count.
    The hooks may change the piece list or the table stream (hostile
    files).  Returns the .doc bytes; `layout`, a dict, receives cfb()'s."""
    wd, table = streams(runs, ccp, nfib, flags, pieces_hook, table_hook)
    data, lay = cfb([("WordDocument", wd), ("1Table" if flags & 0x0200 else "0Table", table)])
    if layout is not None:
        layout.update(lay)
    return data
