/* With extras64.s (x86lab): exits 10 * missing_is_null() + tls_inc() + tls_inc() = 13. */
int missing_is_null(void);
int tls_inc(void);
int main(void) { int a = tls_inc(); int b = tls_inc(); return 10 * missing_is_null() + a + b; }
