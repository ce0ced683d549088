/* Freestanding i386 half of start32.s: sum of scale(v[i]). */
extern int scale(int);
int c_sum(int n, const int *v) {
  int s = 0;
  for (int i = 0; i < n; i++) s += scale(v[i]);
  return s;                           /* 3 * (5 + 6 + 7) = 54; _start adds 4: exit 58 */
}
