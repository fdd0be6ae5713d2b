#ifndef DIGLOT_CSTEMMER_SHIM_H
#define DIGLOT_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
