#ifndef DEFS_H
#define DEFS_H
/* offsets, like asm-offsets.h */
#define PT_RAX 80
#define PT_RIP 128
#include "sub/nested.h"
#endif
