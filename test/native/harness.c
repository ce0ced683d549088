// Native execution harness: runs code snippets on the real CPU and records the result.
//
// Input (stdin), one vector per line, space-separated:
//   MODE CODEHEX DATAHEX RAX RCX RDX RBX RSP RBP RSI RDI R8 .. R15 RFLAGS     (values in hex)
// MODE is 64 or 32 (32: the snippet runs in compatibility mode with CS = 0x23).
// The snippet is copied to CODE_ADDR (an RWX page) and DATAHEX to DATA_ADDR (the rest of that
// page is zero). Registers and flags are loaded by returning from a SIGUSR1 handler whose
// saved context we rewrote (sigreturn loads every GPR, RIP, RFLAGS and CS); the snippet ends
// with `hlt`, which faults in ring 3 (#GP) and lands in our SIGSEGV handler together with any
// real exception (#DE SIGFPE, #UD SIGILL, #PF/#GP SIGSEGV, #BP SIGTRAP). The handler records the
// machine context (trap number, error code, CR2, registers) and siglongjmps back.
//
// Output, one line per vector:
//   TRAPNO ERR CR2 RAX .. R15 RIP RFLAGS DATAHEX OUTSIDE
// TRAPNO is the vector (13 at the terminating hlt), -1 for a timeout. OUTSIDE is 1 if bytes of the
// data page beyond the data window changed (the vector is then not usable).

#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

#define CODE_ADDR 0x10000000UL
#define DATA_ADDR 0x20000000UL
#define PAGE 4096

static sigjmp_buf back;
static uint64_t in_regs[16], in_flags, in_rip;
static int in_mode;
static volatile long out_trap, out_err;
static volatile uint64_t out_cr2, out_regs[16], out_rip, out_flags;
static const int greg_of[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15};

static void enter(int sig, siginfo_t *si, void *ctx) {
  (void)sig; (void)si;
  ucontext_t *uc = ctx;
  for (int i = 0; i < 16; i++) uc->uc_mcontext.gregs[greg_of[i]] = (greg_t)in_regs[i];
  uc->uc_mcontext.gregs[REG_RIP] = (greg_t)in_rip;
  uc->uc_mcontext.gregs[REG_EFL] = (greg_t)in_flags;
  if (in_mode == 32) {
    // CSGSFS: cs in bits 0..15, gs 16..31, fs 32..47, ss 48..63.
    uint64_t v = (uint64_t)uc->uc_mcontext.gregs[REG_CSGSFS];
    v = (v & ~0xffffULL) | 0x23;
    uc->uc_mcontext.gregs[REG_CSGSFS] = (greg_t)v;
  }
}

static void leave(int sig, siginfo_t *si, void *ctx) {
  (void)si;
  ucontext_t *uc = ctx;
  out_trap = sig == SIGALRM ? -1 : (long)uc->uc_mcontext.gregs[REG_TRAPNO];
  out_err = (long)uc->uc_mcontext.gregs[REG_ERR];
  out_cr2 = (uint64_t)uc->uc_mcontext.gregs[REG_CR2];
  for (int i = 0; i < 16; i++) out_regs[i] = (uint64_t)uc->uc_mcontext.gregs[greg_of[i]];
  out_rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
  out_flags = (uint64_t)uc->uc_mcontext.gregs[REG_EFL];
  siglongjmp(back, 1);
}

static int unhex(const char *s, uint8_t *out, size_t max) {
  size_t n = strlen(s);
  if (n % 2 || n / 2 > max) return -1;
  for (size_t i = 0; i < n / 2; i++) {
    unsigned v;
    if (sscanf(s + 2 * i, "%2x", &v) != 1) return -1;
    out[i] = (uint8_t)v;
  }
  return (int)(n / 2);
}

int main(void) {
  uint8_t *code = mmap((void *)CODE_ADDR, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  uint8_t *data = mmap((void *)DATA_ADDR, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (code != (void *)CODE_ADDR || data != (void *)DATA_ADDR) { perror("mmap"); return 2; }
  static uint8_t altstack[65536];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
  sigaltstack(&ss, NULL);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sa.sa_sigaction = enter;
  sigaction(SIGUSR1, &sa, NULL);
  sa.sa_sigaction = leave;
  int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGALRM};
  for (unsigned i = 0; i < sizeof sigs / sizeof *sigs; i++) sigaction(sigs[i], &sa, NULL);

  static char line[1 << 16];
  static char codehex[1 << 14], datahex[1 << 14];
  static uint8_t window[PAGE];
  while (fgets(line, sizeof line, stdin)) {
    char *p = line;
    int consumed = 0;
    if (sscanf(p, "%d %16383s %16383s%n", &in_mode, codehex, datahex, &consumed) != 3) { printf("error parse\n"); continue; }
    p += consumed;
    for (int i = 0; i < 16; i++) { in_regs[i] = strtoull(p, &p, 16); }
    in_flags = strtoull(p, &p, 16);
    memset(code, 0xf4, PAGE);
    memset(data, 0, PAGE);
    if (strcmp(codehex, "-") != 0 && unhex(codehex, code, PAGE) < 0) { printf("error code\n"); continue; }
    int dlen = strcmp(datahex, "-") == 0 ? 0 : unhex(datahex, data, PAGE);
    if (dlen < 0) { printf("error data\n"); continue; }
    in_rip = CODE_ADDR;
    struct itimerval t = {{0, 0}, {0, 200000}};
    if (sigsetjmp(back, 1) == 0) {
      // sigreturn cannot change EFLAGS.ID: clear it here so a guest popf does not leak into the next vector.
      __asm__ volatile("pushfq; andq $~0x200000, (%%rsp); popfq" ::: "memory", "cc");
      // 64-bit sigreturn leaves DS/ES alone: give compatibility-mode snippets flat user data segments.
      // (reset for every vector: a guest segment load would otherwise leak into the next one)
      __asm__ volatile("mov %0, %%ds; mov %0, %%es" :: "r"(in_mode == 32 ? 0x2b : 0));
      setitimer(ITIMER_REAL, &t, NULL);
      raise(SIGUSR1);
      // not reached: the guest ends in a signal
      printf("error fallthrough\n");
      continue;
    }
    struct itimerval z = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &z, NULL);
    int outside = 0;
    for (int i = dlen; i < PAGE; i++) if (data[i]) { outside = 1; break; }
    memcpy(window, data, (size_t)dlen);
    printf("%ld %lx %lx", out_trap, (unsigned long)out_err, (unsigned long)out_cr2);
    for (int i = 0; i < 16; i++) printf(" %lx", (unsigned long)out_regs[i]);
    printf(" %lx %lx ", (unsigned long)out_rip, (unsigned long)out_flags);
    if (dlen == 0) printf("-");
    for (int i = 0; i < dlen; i++) printf("%02x", window[i]);
    printf(" %d\n", outside);
    fflush(stdout);
  }
  return 0;
}
