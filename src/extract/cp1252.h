/* cp1252: Windows-1252 bytes as Unicode code points, for the readers whose
 * formats default to it (RTF's \ansicpg1252, Word 97's 8-bit pieces).  The
 * five bytes Windows-1252 leaves undefined become U+FFFD. */
#ifndef GC_CP1252_H
#define GC_CP1252_H

#include <stdint.h>

static inline unsigned gc_cp1252(unsigned char b)
{
    static const uint16_t high[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    };

    return b >= 0x80 && b <= 0x9F ? high[b - 0x80] : b;
}

#endif
