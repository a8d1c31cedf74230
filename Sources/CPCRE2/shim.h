#ifndef EARSHOT_CPCRE2_SHIM_H
#define EARSHOT_CPCRE2_SHIM_H
/* Fix the code unit width before pcre2.h: Earshot only uses the 8-bit (UTF-8) library.
   Swift cannot import the width-generic macros (pcre2_compile), so callers use the _8 names. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
