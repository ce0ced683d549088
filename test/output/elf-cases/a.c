#include <stdio.h>
#include <string.h>
static int counter;
int table[16] = {1,2,3};
const char *names[] = {"alpha", "beta", "gamma"};
__thread int tls_var;
struct pt { long a, b; };
static long sum(struct pt *p, int n) { long s = 0; for (int i = 0; i < n; i++) s += p[i].a * p[i].b; return s; }
int compute(int x) {
  struct pt v[4] = {{x,1},{2,x},{3,3},{x,x}};
  counter += x;
  switch (x) { case 0: return 5; case 1: return 7; case 2: return 11; case 3: return 13; case 4: return 17; case 5: return 19; default: break; }
  return (int)sum(v, 4) + counter + tls_var;
}
int main(int argc, char **argv) {
  char buf[64];
  snprintf(buf, sizeof buf, "%s-%d", names[argc % 3], compute(argc));
  puts(buf);
  if (strlen(buf) > 3) return table[1];
  return 0;
}
