// Process-wide SQLite settings that Swift cannot make itself: `sqlite3_config` is variadic, which Swift does not
// import.
//
// Why memory statistics off: with them on (the default of Debian's libsqlite3), every allocation and free SQLite
// makes takes a process-wide mutex to count bytes nobody reads; on an import's writing thread those lock and
// unlock calls were about 3 % of the samples (perf, 10k corpus, docs/performance.md, session 18). SQLite's own
// list of recommended options turns them off (SQLITE_DEFAULT_MEMSTATUS=0). Header only, like the other shims.
#ifndef DIGLOT_CSQLITECONFIG_SHIM_H
#define DIGLOT_CSQLITECONFIG_SHIM_H

#include <sqlite3.h>

/// Turns SQLite's memory statistics off. Takes effect only before SQLite initialises (the first connection):
/// returns SQLITE_OK then, SQLITE_MISUSE after, when it changes nothing.
static inline int diglot_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
