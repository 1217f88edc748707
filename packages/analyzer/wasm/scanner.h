// Shared by scanner.c (fingerprints, hints, memory) and calls.c (module-path calls).
#ifndef SCANNER_H
#define SCANNER_H

typedef unsigned int u32;
typedef unsigned char u8;

#define EXPORT(name) __attribute__((export_name(#name)))

/** The source being scanned (UTF-8, `reserve`d by JavaScript), and the output area after it. */
extern u8 *input;
extern u32 *shingles;

#endif
