/* lcms_cache: Little CMS's profile links, made once per process.
 *
 * poppler-glib gives every page a new output device, and poppler keeps its
 * ICC colour spaces per output device, so a colour space that a document
 * uses on every page had its colour transforms rebuilt on every page.  Each
 * build links the profiles into a pipeline, and reverses the display
 * profile's tone curves over 4,096 points on the way: 6 M instructions per
 * transform, a third of the run on the corpus's 56-page CV (605 M of
 * 1.8 G), where pdftotext, with one device per document, pays it once
 * (PERFORMANCE.md).
 *
 * Little CMS lets a plug-in provide the linker of a rendering intent.  The
 * one installed here keys every link request by the bytes of its profiles
 * and by its parameters (intents, black-point compensation, adaptation,
 * flags, context) under SHA-256, returns a copy of the pipeline it built
 * for the same key before, and otherwise calls the library's own linker.
 * Equal inputs give an equal pipeline, so every transform, and every colour
 * poppler computes, is what it was without the cache. */
#ifndef GC_LCMS_CACHE_H
#define GC_LCMS_CACHE_H

/* Installs the plug-in into the Little CMS that poppler loaded, once; a
 * no-op when that library is not loaded (poppler built without it) or does
 * not accept the plug-in.  1 if installed (now or before), 0 if not.  Call
 * before poppler builds its first colour transform.  The cache is process
 * state without locks: gapcheck's parser processes are single-threaded. */
int gc_lcms_cache_install(void);

/* Link requests answered from the cache and linked afresh since the
 * process started (tests and PERFORMANCE.md). */
void gc_lcms_cache_stats(unsigned long *hits, unsigned long *misses);

#endif
