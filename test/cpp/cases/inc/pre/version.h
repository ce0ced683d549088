/* -include: read before the main file, its text and its macros kept (like compiler-version.h). */
#define PRE_VERSION 0x60500
.byte PRE_VERSION >> 16
