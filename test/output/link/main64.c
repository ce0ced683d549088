/* Linked with x86lab's (or GNU as's) sum64.o: exits with asm_sum's result. */
extern long asm_sum(const long *v, long n);
extern int counter;
long c_bias(long k) { return k * 2; }
int main(void) {
  static const long v[] = { 1, 2, 3, 4 };
  counter += 1;                       /* 11 */
  return (int)asm_sum(v, 4);         /* 10 + 6 + 5 + 11 + 20 = 52 */
}
