/* -imacros: only the macros survive (like kconfig.h's IS_ENABLED helpers). */
#define IMACRO_ONLY 7
.byte 0xee /* never reaches the output */
