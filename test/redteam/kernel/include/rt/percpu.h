#ifndef _RT_PERCPU_H
#define _RT_PERCPU_H
#ifdef __ASSEMBLY__
#ifdef CONFIG_X86_64
# define __percpu_seg		gs
# define PER_CPU_VAR(var)	%__percpu_seg:(var)
#else
# define __percpu_seg		fs
# define PER_CPU_VAR(var)	%__percpu_seg:var
#endif
#endif
#endif
