inline int twice(int x) { return 2*x; }
__attribute__((weak)) int wfun(int a) { return a + 1; }
__attribute__((visibility("hidden"))) int hid = 3;
extern int ext_var;
int use(int y) { return twice(y) + wfun(y) + ext_var + hid; }
long long big = 1234567890123LL;
char zeros[100];
