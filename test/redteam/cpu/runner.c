// Red-team native runner (independent of test/native/harness.c).
// Approach: map the vector's pages at their own addresses with mmap, load every GPR and RFLAGS
// from a static struct with a hand-written trampoline (popfq + pops, far jump to CS 0x23 for 32-bit
// snippets), and catch the terminating hlt (#GP at CPL 3) or any fault in a SA_SIGINFO handler on
// an alternate stack, which copies the machine context (trap number, error code, CR2) and longjmps.
//
// stdin, one vector per line:  MODE NPAGES {ADDR PERM HEX4096}... R0..R15 RIP RFLAGS
// stdout, one result per line: SIG TRAPNO ERR CR2 R0..R15 RIP RFLAGS {HEX4096}...
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include <sys/wait.h>

struct ctx { uint64_t fl, r[16], rip; uint32_t far_ip; uint16_t far_cs; };
struct ctx g_in;               // read by the trampoline
uint64_t g_rsp_in, g_rip_in;   // rsp and rip loaded last

static sigjmp_buf jb;
static volatile int g_sig;
static greg_t g_out[NGREG];

// Trampoline: rsp -> g_in; popfq; pop the GPRs in the order of struct ctx (skipping rsp);
// then rsp from g_rsp_in and an indirect (64-bit) or far (32-bit) jump.
__asm__(
  ".text\n.globl tramp64\ntramp64:\n"
  "  lea g_in(%rip), %rsp\n  popfq\n"
  "  pop %rax\n pop %rcx\n pop %rdx\n pop %rbx\n lea 8(%rsp),%rsp\n pop %rbp\n pop %rsi\n pop %rdi\n"
  "  pop %r8\n pop %r9\n pop %r10\n pop %r11\n pop %r12\n pop %r13\n pop %r14\n pop %r15\n"
  "  mov g_rsp_in(%rip), %rsp\n  jmp *g_rip_in(%rip)\n"
  ".globl tramp32\ntramp32:\n"
  "  mov $0x2b, %eax\n mov %eax, %ds\n mov %eax, %es\n"
  "  lea g_in(%rip), %rsp\n  popfq\n"
  "  pop %rax\n pop %rcx\n pop %rdx\n pop %rbx\n lea 8(%rsp),%rsp\n pop %rbp\n pop %rsi\n pop %rdi\n"
  "  mov g_rsp_in(%rip), %rsp\n  ljmpl *g_in+8+128+8(%rip)\n");
void tramp64(void);
void tramp32(void);

static void on_sig(int sig, siginfo_t *si, void *uc0) {
  (void)si;
  ucontext_t *uc = uc0;
  memcpy(g_out, uc->uc_mcontext.gregs, sizeof g_out);
  g_sig = sig;
  siglongjmp(jb, 1);
}

static int hexv(int c) { return c <= '9' ? c - '0' : (c | 32) - 'a' + 10; }

int main(void) {
  static char stk[1 << 16];
  stack_t ss = { .ss_sp = stk, .ss_size = sizeof stk, .ss_flags = 0 };
  sigaltstack(&ss, 0);
  struct sigaction sa; memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sig; sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
  for (unsigned i = 0; i < 5; i++) sigaction(sigs[i], &sa, 0);
  static char line[1 << 20];
  while (fgets(line, sizeof line, stdin)) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid > 0) {  // one child per vector: a snippet that corrupts the runner cannot spoil the next
      int stt; waitpid(pid, &stt, 0);
      if (!WIFEXITED(stt) || WEXITSTATUS(stt) != 0) { printf("crash\n"); fflush(stdout); }
      continue;
    }
    alarm(5);  // a snippet that never reaches hlt (e.g. a 2^32-iteration loop) is dropped
    char *p = line;
    int mode = (int)strtol(p, &p, 10), np = (int)strtol(p, &p, 10);
    uint64_t addr[8]; int perm[8];
    for (int i = 0; i < np; i++) {
      addr[i] = strtoull(p, &p, 16); perm[i] = (int)strtol(p, &p, 10);
      while (*p == ' ') p++;
      void *m = mmap((void *)addr[i], 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
      if (m != (void *)addr[i]) { fprintf(stderr, "mmap %lx failed\n", (unsigned long)addr[i]); return 2; }
      unsigned char *b = m;
      for (int k = 0; k < 4096; k++, p += 2) b[k] = (unsigned char)(hexv(p[0]) << 4 | hexv(p[1]));
      int pr = (perm[i] & 1 ? PROT_READ : 0) | (perm[i] & 2 ? PROT_WRITE : 0) | (perm[i] & 4 ? PROT_EXEC : 0);
      mprotect(m, 4096, pr);
    }
    for (int i = 0; i < 16; i++) g_in.r[i] = strtoull(p, &p, 16);
    g_in.rip = strtoull(p, &p, 16);
    g_in.fl = strtoull(p, &p, 16);
    g_rsp_in = g_in.r[4]; g_rip_in = g_in.rip;
    g_in.far_ip = (uint32_t)g_in.rip; g_in.far_cs = 0x23;
    g_sig = 0;
    if (sigsetjmp(jb, 1) == 0) { if (mode == 32) tramp32(); else tramp64(); }
    greg_t *G = g_out;
    static const int gi[16] = { REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15 };
    printf("%d %lld %lld %llx", g_sig, (long long)G[REG_TRAPNO], (long long)G[REG_ERR], (unsigned long long)G[REG_CR2]);
    for (int i = 0; i < 16; i++) printf(" %llx", (unsigned long long)G[gi[i]]);
    printf(" %llx %llx", (unsigned long long)G[REG_RIP], (unsigned long long)G[REG_EFL]);
    for (int i = 0; i < np; i++) {
      unsigned char *b = (unsigned char *)addr[i];
      if (!(perm[i] & 1)) mprotect(b, 4096, PROT_READ);
      putchar(' ');
      if (perm[i] & 1 || 1) for (int k = 0; k < 4096; k++) printf("%02x", b[k]);
    }
    putchar('\n');
    fflush(stdout);
    _exit(0);
  }
  return 0;
}
