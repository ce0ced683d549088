/* Passed with -include, as the kernel passes include/linux/kconfig.h. */
#define CONFIG_X86_64 1
#define IS_ENABLED(option) __or(option, 0)
#define __or(x, y) (x || y)
#define ORC_REG_SP 2
#define ORC_REG_BP 3
#define ORC_REG_SP_INDIRECT 9
