#ifndef EARSHOT_CUTF8PROC_SHIM_H
#define EARSHOT_CUTF8PROC_SHIM_H
/* utf8proc: Unicode normalization (NFC/NFKC), case folding and character properties. */
#include <utf8proc.h>
#endif
