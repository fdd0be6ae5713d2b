#ifndef DIGLOT_CHUNSPELL_SHIM_H
#define DIGLOT_CHUNSPELL_SHIM_H
#include <hunspell/hunspell.h>
#endif
