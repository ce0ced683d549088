/*
 * int3_emulate.c - the C half of int3 call emulation, written like the kernel's
 * (arch/x86/include/asm/text-patching.h, arch/x86/kernel/alternative.c), compiled by gcc
 * and linked by `x86lab run` with entry_64.S or entry_32.S:
 *
 *   gcc -c -O2 -ffreestanding -fno-pic -mno-red-zone -mno-sse -mno-mmx -mcmodel=kernel \
 *       -fno-asynchronous-unwind-tables int3_emulate.c -o int3_emulate-64.o
 *   gcc -c -m32 -mregparm=3 -O2 -ffreestanding -fno-pic -mno-sse -mno-mmx \
 *       -fno-asynchronous-unwind-tables int3_emulate.c -o int3_emulate-32.o
 *
 * text_poke_bp() records a patch site (what the int3 at `addr` stands for) and writes the
 * int3; poke_int3_handler(), called from the entry code's do_int3 path, looks the trapping
 * address up in that table and emulates the call the site is becoming.
 */

#define INT3_INSN_SIZE		1
#define INT3_INSN_OPCODE	0xCC
#define CALL_INSN_SIZE		5
#define MAX_POKE_SITES		4

#ifdef __x86_64__
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long orig_ax;
	/* the hardware frame */
	unsigned long ip, cs, flags, sp, ss;
};
#else
struct pt_regs {
	unsigned long bx, cx, dx, si, di, bp, ax;
	unsigned long ds, es, fs, gs;
	unsigned long orig_ax;
	/* the hardware frame; sp/ss exist for kernel mode only thanks to FIXUP_FRAME */
	unsigned long ip, cs, flags, sp, ss;
};
#endif

struct poke_site {
	void *addr;		/* the patched instruction (now starting with int3) */
	const void *emulate;	/* the call target it is becoming */
};

static struct poke_site poke_sites[MAX_POKE_SITES];
static int nr_poke_sites;

/* Counters the harness and the tests read. */
unsigned long int3_emulated;
unsigned long int3_stray;

static inline void int3_emulate_jmp(struct pt_regs *regs, unsigned long ip)
{
	regs->ip = ip;
}

static inline void int3_emulate_push(struct pt_regs *regs, unsigned long val)
{
	/*
	 * The int3 handler runs on the interrupted stack: the push goes just below the
	 * interrupted sp, which is only safe if the entry code left a gap there.
	 */
	regs->sp -= sizeof(unsigned long);
	*(unsigned long *)regs->sp = val;
}

static inline void int3_emulate_call(struct pt_regs *regs, unsigned long func)
{
	int3_emulate_push(regs, regs->ip - INT3_INSN_SIZE + CALL_INSN_SIZE);
	int3_emulate_jmp(regs, func);
}

/* Overridable by the entry code (a weak default: ld's rules pick a strong one if present). */
__attribute__((weak)) void poke_trace(struct pt_regs *regs, const struct poke_site *site)
{
	(void)regs;
	(void)site;
}

void text_poke_bp(void *addr, const void *emulate)
{
	struct poke_site *s = &poke_sites[nr_poke_sites++ % MAX_POKE_SITES];

	s->addr = addr;
	s->emulate = emulate;
	*(volatile unsigned char *)addr = INT3_INSN_OPCODE;
}

/* Returns 1 when the int3 was ours and has been emulated. */
int poke_int3_handler(struct pt_regs *regs)
{
	void *ip = (void *)(regs->ip - INT3_INSN_SIZE);
	int i;

	for (i = 0; i < nr_poke_sites && i < MAX_POKE_SITES; i++) {
		const struct poke_site *s = &poke_sites[i];

		if (s->addr != ip)
			continue;
		poke_trace(regs, s);
		int3_emulate_call(regs, (unsigned long)s->emulate);
		int3_emulated++;
		return 1;
	}
	int3_stray++;
	return 0;
}
