// Compiled by the live test in test/asm/intel.test.ts with gcc -S -masm=intel at several optimisation levels;
// the Intel-syntax assembly GCC writes must assemble to the object GNU as makes of it.

struct node { struct node *next; int val; char name[16]; };
static int counter;
extern int ext_fn(int);
__thread int tls_var;
int sum(struct node *n) { int s = 0; while (n) { s += n->val; n = n->next; } return s; }
int idx(int *a, long i, long j) { return a[i * 4 + j] + a[i] * 3; }
unsigned long mix(unsigned long x) { x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; x ^= x >> 33; return x; }
int call_ext(int x) { counter++; return ext_fn(x) + counter + tls_var; }
int sw(int x) { switch (x) { case 0: return 5; case 1: return 7; case 2: return 11; case 3: return 13; case 4: return 17; default: return -1; } }
void copy(char *d, const char *s, int n) { for (int i = 0; i < n; i++) d[i] = s[i]; }
signed char sx(signed char a, unsigned short b) { return a + (int)b; }
long div(long a, long b) { return a / b + a % b; }
